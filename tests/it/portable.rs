//! What only Unix has stays behind `cfg(unix)`, in the program and in its tests
//! alike, so that a build for Windows trips on none of it: `std::os::unix`, the
//! terminal device, signal-hook and libc. (The machines this is built on have no
//! Windows standard library; this test is how the rule is kept here.)

use std::fs;
use std::path::{Path, PathBuf};

const UNIX_ONLY: &[&str] = &["std::os::unix", "/dev/tty", "signal_hook", "libc::"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

fn says_unix(attribute: &str) -> bool {
    let a = attribute.replace(' ', "");
    a.starts_with("#[cfg(unix)]")
        || a.starts_with("#[cfg(all(unix")
        || a.starts_with("#[cfg(any(unix")
}

/// Whether the attribute lines right above line `at` (doc comments between them
/// aside) put it behind `cfg(unix)`.
fn attributes_say_unix(lines: &[&str], at: usize) -> bool {
    lines[..at]
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("#[") || l.starts_with("//"))
        .any(says_unix)
}

/// Whether line `index` is inside code behind `cfg(unix)`: the item or block that
/// holds it, or one around that, has the attribute.
fn guarded(lines: &[&str], index: usize) -> bool {
    let mut at = index;
    let mut depth = indent(lines[index]);
    loop {
        if attributes_say_unix(lines, at) {
            return true;
        }
        if depth == 0 {
            return false;
        }
        // The line that opens what holds this one: the nearest above it that is
        // indented less.
        match (0..at)
            .rev()
            .find(|&j| !lines[j].trim().is_empty() && indent(lines[j]) < depth)
        {
            Some(j) => {
                at = j;
                depth = indent(lines[j]);
            }
            None => return false,
        }
    }
}

/// Whether the whole file is behind `cfg(unix)`: it says so itself, or the module
/// declaration that includes it does.
fn file_guarded(path: &Path, text: &str) -> bool {
    if text
        .lines()
        .any(|l| l.trim().replace(' ', "") == "#![cfg(unix)]")
    {
        return true;
    }
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let (name, folder) = if stem == "mod" {
        let folder = path.parent().unwrap();
        (
            folder.file_name().unwrap().to_string_lossy().into_owned(),
            folder.parent().unwrap().to_owned(),
        )
    } else {
        (stem, path.parent().unwrap().to_owned())
    };
    let parents = ["mod.rs", "lib.rs", "main.rs"]
        .into_iter()
        .map(|f| folder.join(f))
        .chain(std::iter::once(folder.with_extension("rs")));
    parents
        .filter_map(|p| fs::read_to_string(p).ok())
        .any(|parent| {
            let lines: Vec<&str> = parent.lines().collect();
            lines.iter().enumerate().any(|(i, l)| {
                let l = l.trim();
                (l == format!("mod {name};") || l == format!("pub mod {name};"))
                    && attributes_say_unix(&lines, i)
            })
        })
}

#[test]
fn what_only_unix_has_is_behind_cfg_unix() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    for crate_dir in fs::read_dir(root.join("crates")).unwrap() {
        rust_files(&crate_dir.unwrap().path().join("src"), &mut files);
    }
    assert!(files.len() > 100, "{} files", files.len());
    let this = Path::new(file!()).file_name().unwrap();
    let mut unguarded = Vec::new();
    let mut seen = 0;
    for path in files.iter().filter(|p| p.file_name() != Some(this)) {
        let text = fs::read_to_string(path).unwrap();
        if file_guarded(path, &text) {
            seen += UNIX_ONLY.iter().filter(|t| text.contains(*t)).count();
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || !UNIX_ONLY.iter().any(|t| code.contains(t)) {
                continue;
            }
            seen += 1;
            if !guarded(&lines, i) {
                unguarded.push(format!(
                    "{}:{}: {}",
                    path.strip_prefix(root).unwrap().display(),
                    i + 1,
                    code
                ));
            }
        }
    }
    // The test finds what it looks for: the Unix byte source, the umask, the tests'
    // permissions and sessions.
    assert!(
        seen >= 10,
        "only {seen} uses found: is the scan still reading?"
    );
    assert!(
        unguarded.is_empty(),
        "outside cfg(unix):\n{}",
        unguarded.join("\n")
    );
}

/// The guard finds its attribute through the blocks around a use, and not one
/// that belongs to something before it.
#[test]
fn the_guard_is_read_from_the_blocks_around_a_use() {
    let guarded_block = [
        "fn f() {",
        "    #[cfg(unix)]",
        "    {",
        "        use std::os::unix::fs::PermissionsExt;",
        "    }",
        "}",
    ];
    assert!(guarded(&guarded_block, 3));
    let guarded_fn = [
        "#[cfg(unix)]",
        "#[test]",
        "fn f() {",
        "    let x = 1;",
        "    std::os::unix::fs::symlink(a, b).unwrap();",
        "}",
    ];
    assert!(guarded(&guarded_fn, 4));
    let other_item = [
        "#[cfg(unix)]",
        "fn g() {}",
        "",
        "fn f() {",
        "    libc::setsid();",
        "}",
    ];
    assert!(!guarded(&other_item, 4));
    let bare = ["use std::os::unix::process::CommandExt;"];
    assert!(!guarded(&bare, 0));
}
