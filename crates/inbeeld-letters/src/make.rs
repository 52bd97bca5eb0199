//! Making a letter from an activity's rows: set as PDF/A, written to the letters
//! folder, recorded in the dossier by its rule (`inbeeld_core::domain::letter`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

use inbeeld_core::domain::letter::{self, LetterKind, Sender};
use inbeeld_core::settings::SettingsError;
use inbeeld_core::store::{Store, StoreError};
use inbeeld_core::workflow::{edit, Done};

use crate::{set, LetterError};

/// What a letter is made with: the sender, the municipality's templates, and where
/// letters go.
#[derive(Debug, Clone)]
pub struct LetterSetup {
    pub sender: Sender,
    /// The settings file the sender comes from, for the message when a field is
    /// missing.
    pub settings: PathBuf,
    /// The folder with the municipality's own templates, if it has one.
    pub templates: Option<PathBuf>,
    /// The letters folder: `brieven` beside the database.
    pub folder: PathBuf,
}

impl LetterSetup {
    /// The letters folder beside a database file.
    pub fn folder_beside(db: &Path) -> PathBuf {
        db.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join("brieven")
    }
}

#[derive(Debug, Error)]
pub enum LetterFailure {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error("kan de brief niet schrijven naar {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl From<inbeeld_core::domain::InputError> for LetterFailure {
    fn from(err: inbeeld_core::domain::InputError) -> LetterFailure {
        LetterFailure::Store(err.into())
    }
}

/// A letter made: its row, its file, its number of pages and the edit's effects.
/// Said when a letter was made for a client without a postal address.
pub const NO_ADDRESS: &str =
    "let op: geen postadres bekend, het adresvak heeft alleen de naam; leg het adres vast \
     (Gegevens wijzigen, of client edit --address) of schrijf het op de envelop";

#[derive(Debug, Clone)]
pub struct MadeLetter {
    pub id: i64,
    pub file: PathBuf,
    pub pages: usize,
    pub done: Done,
    /// The client has no postal address: the window of the envelope stays empty
    /// but for the name.
    pub without_address: bool,
}

/// The name of a letter's file: day, kind, client and activity, so the folder
/// sorts by day and a second letter of the same day gets its own number.
fn file_name(
    folder: &Path,
    today: NaiveDate,
    kind: LetterKind,
    client: i64,
    activity: i64,
) -> PathBuf {
    let base = format!("{today}-{}-klant{client}-activiteit{activity}", kind.code());
    (1..)
        .map(|n| match n {
            1 => folder.join(format!("{base}.pdf")),
            n => folder.join(format!("{base}-{n}.pdf")),
        })
        .find(|p| !p.exists())
        .expect("an unused name")
}

/// Writes `bytes` to `path` whole or not at all: a temporary file beside it,
/// synced, then renamed. Refuses to overwrite.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "het bestand bestaat al; een brief overschrijft niets",
        ));
    }
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let temp = folder.join(format!(
        ".{}.deels",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("brief")
    ));
    let mut file = std::fs::File::create(&temp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    std::fs::rename(&temp, path)
}

/// Makes the `kind` letter about activity `activity`: its facts from the same rows
/// that drive the werkvoorraad, set with the template, written to `out` (or the
/// letters folder) and recorded in the dossier. Nothing is recorded when the
/// letter cannot be made, and no file is left when it cannot be recorded.
pub fn make_letter(
    store: &mut Store,
    setup: &LetterSetup,
    kind: LetterKind,
    activity: i64,
    out: Option<&Path>,
    today: NaiveDate,
) -> Result<MadeLetter, LetterFailure> {
    let missing = setup.sender.missing();
    if !missing.is_empty() {
        return Err(SettingsError {
            path: setup.settings.display().to_string(),
            line: None,
            message: format!(
                "een brief heeft een afzender nodig; vul in de tabel [afzender] nog in: {}",
                missing.join(", ")
            ),
        }
        .into());
    }
    let catalog = store.catalog()?;
    let ctx = store.letter_context(&catalog, activity)?;
    let facts = letter::facts(kind, &ctx, &setup.sender, today)?;
    let set = set(kind, &facts, setup.templates.as_deref(), today)?;
    let path = match out {
        Some(out) => out.to_owned(),
        None => file_name(&setup.folder, today, kind, ctx.activity.client_id, activity),
    };
    write_whole(&path, &set.pdf).map_err(|source| LetterFailure::Write {
        path: path.clone(),
        source,
    })?;
    let file = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    let recorded = edit(store, today, |_, _| {
        Ok((letter::made(&ctx, kind, &file.display().to_string()), None))
    });
    match recorded {
        Ok(done) => Ok(MadeLetter {
            id: done.id(),
            file,
            pages: set.pages,
            done,
            without_address: facts.klant.adres.is_none(),
        }),
        Err(err) => {
            let _ = std::fs::remove_file(&path);
            Err(err.into())
        }
    }
}
