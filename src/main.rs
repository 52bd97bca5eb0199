fn main() -> std::process::ExitCode {
    inbeeld::cli::main()
}
