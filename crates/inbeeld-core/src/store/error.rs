use std::path::PathBuf;

use thiserror::Error;

use crate::domain::InputError;

#[derive(Debug, Error)]
pub enum StoreError {
    /// Refused input: exit code 2, nothing stored.
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("{} is geen inbeeld-database ({reason}); het bestand is niet gewijzigd", path.display())]
    Foreign { path: PathBuf, reason: &'static str },
    #[error(
        "{} is gemaakt door een nieuwere versie van inbeeld (schemaversie {found}, deze versie kent t/m {supported}); werk inbeeld bij — het bestand is niet gewijzigd",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("kan {} niet openen: {source}", path.display())]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    /// SQLite found the file damaged. Nothing is written to it.
    #[error("de database is beschadigd ({0}); het bestand is niet gewijzigd — controleer het met 'inbeeld check' en zet zo nodig een reservekopie terug met 'inbeeld restore PAD'")]
    Damaged(String),
    /// The disk (or the file's allowed size) is full: the edit is rolled back whole.
    #[error("de schijf is vol; de wijziging is niet opgeslagen en er is niets anders gewijzigd — maak ruimte en probeer het opnieuw")]
    Full,
    /// Another process kept the database busy for longer than the busy timeout.
    #[error("de database is bezet door een ander programma (een cockpit of opdracht die nog bezig is); er is niets gewijzigd, probeer het zo opnieuw")]
    Busy,
    /// The file (or its folder) may not be written by this user.
    #[error("het bestand mag niet worden gewijzigd (alleen-lezen voor dit account); er is niets gewijzigd")]
    ReadOnly,
    /// A value the schema's own checks refuse (a date beyond what the rules can
    /// count with, say): bad input, named without SQLite's words.
    #[error("een waarde valt buiten wat inbeeld kan vastleggen ({0}); er is niets gewijzigd")]
    Refused(String),
    #[error("databasefout: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> StoreError {
        match err.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged(err.to_string()),
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::Full,
            Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(rusqlite::ErrorCode::ConstraintViolation) => {
                // Only the name of the check, never the statement around it.
                let text = err.to_string();
                let name = Some(text.as_str())
                    .filter(|t| t.len() < 120)
                    .unwrap_or("controle van de database");
                StoreError::Refused(name.to_owned())
            }
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(err),
        }
    }
}

impl StoreError {
    /// Whether the user's input was refused (as opposed to a failure of the
    /// database or the machine).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, StoreError::Input(_) | StoreError::Refused(_))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
