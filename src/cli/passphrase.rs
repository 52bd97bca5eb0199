//! The passphrase of a handover bundle: from `INBEELD_PASSPHRASE` (for scripts) or
//! asked on the terminal without echo — never as an argument, which would stand in
//! the shell's history and in the process list.

use crate::domain::InputError;
use crate::workflow::sealing::check_passphrase;

const VARIABLE: &str = "INBEELD_PASSPHRASE";

fn from_environment() -> Option<String> {
    std::env::var(VARIABLE).ok().filter(|p| !p.is_empty())
}

/// The passphrase to seal a new bundle with: asked twice on a terminal.
pub fn for_sealing() -> Result<String, InputError> {
    if let Some(passphrase) = from_environment() {
        check_passphrase(&passphrase)?;
        return Ok(passphrase);
    }
    let missing = InputError::NoPassphrase {
        what: "een versleutelde bundel",
        plain: ", of kies --plain voor een onversleutelde",
    };
    let first = ask("Wachtwoordzin voor de bundel: ").ok_or(missing)?;
    check_passphrase(&first)?;
    let second = ask("Nog eens: ").ok_or(InputError::PassphrasesDiffer)?;
    if first != second {
        return Err(InputError::PassphrasesDiffer);
    }
    Ok(first)
}

/// The passphrase to open a sealed bundle with.
pub fn for_opening() -> Result<String, InputError> {
    from_environment()
        .or_else(|| ask("Wachtwoordzin van de bundel: "))
        .ok_or(InputError::NoPassphrase {
            what: "deze versleutelde bundel",
            plain: "",
        })
}

/// Asks on the terminal (`/dev/tty`); `None` without one.
fn ask(prompt: &str) -> Option<String> {
    rpassword::prompt_password(prompt).ok()
}
