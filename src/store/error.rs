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
    #[error("databasefout: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// Whether the user's input was refused (as opposed to a failure of the
    /// database or the machine).
    pub fn is_bad_input(&self) -> bool {
        matches!(self, StoreError::Input(_))
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
