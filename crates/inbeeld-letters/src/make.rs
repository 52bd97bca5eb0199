//! Making a letter from an activity's rows: set as PDF/A, written to the letters
//! folder, recorded in the dossier by its rule (`inbeeld_core::domain::letter`).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use thiserror::Error;

use inbeeld_core::domain::letter::{self, LetterKind, Sender, Subject};
use inbeeld_core::settings::{Settings, SettingsError};
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
    /// The setup as the settings file says it now: a change to `[afzender]` or to
    /// the templates holds from the next letter, also in a cockpit that was open
    /// when the file was saved. Without a file, the setup as given.
    pub fn fresh(&self) -> Result<LetterSetup, SettingsError> {
        if !self.settings.is_file() {
            return Ok(self.clone());
        }
        let now = Settings::load(&self.settings)?;
        Ok(LetterSetup {
            sender: now.sender,
            templates: now.templates,
            ..self.clone()
        })
    }

    /// The sender, refused with the fields still to fill in.
    fn complete_sender(&self) -> Result<&Sender, SettingsError> {
        let missing = self.sender.missing();
        if missing.is_empty() {
            return Ok(&self.sender);
        }
        Err(SettingsError {
            path: self.settings.display().to_string(),
            line: None,
            message: format!(
                "een brief heeft een afzender nodig; vul in de tabel [afzender] nog in: {}",
                missing.join(", ")
            ),
        })
    }

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

/// Said on the command line when a letter was made for a client without a postal
/// address.
pub const NO_ADDRESS: &str =
    "let op: geen postadres bekend, het adresvak heeft alleen de naam; leg het adres vast \
     (client edit --address) of schrijf het op de envelop";

/// The same in the cockpit, which names its own way to the address.
pub const NO_ADDRESS_COCKPIT: &str =
    "Let op: geen postadres bekend, het adresvak heeft alleen de naam; leg het adres vast \
     (w in het dossier: Gegevens wijzigen) of schrijf het op de envelop";

#[derive(Debug, Clone)]
pub struct MadeLetter {
    pub id: i64,
    pub kind: LetterKind,
    pub file: PathBuf,
    /// The same content as plain text, for other systems (a rapportage).
    pub text: Option<PathBuf>,
    pub kenmerk: String,
    pub pages: usize,
    pub done: Done,
    /// The client has no postal address: the window of the envelope stays empty
    /// but for the name.
    pub without_address: bool,
}

/// A letter or document ready to be set: its facts (`gegevens.json`) and what it
/// is about.
pub(crate) struct Document<F> {
    pub kind: LetterKind,
    pub client: i64,
    pub subject: Subject,
    pub kenmerk: String,
    pub facts: F,
    pub without_address: bool,
    /// The plain-text twin, written beside the PDF.
    pub text: Option<String>,
}

/// The name of a letter's file: day, kind, client and what it is about, so the
/// folder sorts by day and a second letter of the same day gets its own number.
/// The file is the klantmanager's; no number in it reaches the client.
fn file_name(
    folder: &Path,
    today: NaiveDate,
    kind: LetterKind,
    client: i64,
    subject: Subject,
) -> PathBuf {
    let about = match subject {
        Subject::Activity(id) => format!("activiteit{id}"),
        Subject::Plan(id) => format!("plan{id}"),
        Subject::Application(id) => format!("aanvraag{id}"),
        Subject::Period(from, to) => format!("{from}-{to}"),
    };
    let base = format!("{today}-{}-klant{client}-{about}", kind.code());
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
    let (setup, sender) = sender_now(setup)?;
    let catalog = store.catalog()?;
    let ctx = store.letter_context(&catalog, activity)?;
    let facts = letter::facts(kind, &ctx, &sender, today)?;
    let document = Document {
        kind,
        client: ctx.activity.client_id,
        subject: Subject::Activity(activity),
        kenmerk: facts.kenmerk.clone(),
        without_address: facts.klant.adres.is_none(),
        facts,
        text: None,
    };
    make_document(store, &setup, document, out, today)
}

/// The sender of a document made now, refused as a letter is without one.
pub(crate) fn sender_now(setup: &LetterSetup) -> Result<(LetterSetup, Sender), LetterFailure> {
    let setup = setup.fresh()?;
    let sender = setup.complete_sender()?.clone();
    Ok((setup, sender))
}

/// Sets `document`, writes it (and its plain-text twin) whole, and records it in
/// the dossier; no file is left when it cannot be recorded.
pub(crate) fn make_document<F: serde::Serialize>(
    store: &mut Store,
    setup: &LetterSetup,
    document: Document<F>,
    out: Option<&Path>,
    today: NaiveDate,
) -> Result<MadeLetter, LetterFailure> {
    let Document {
        kind,
        client,
        subject,
        kenmerk,
        facts,
        without_address,
        text,
    } = document;
    let set = set(kind, &facts, &kenmerk, setup.templates.as_deref(), today)?;
    let path = match out {
        Some(out) => out.to_owned(),
        None => file_name(&setup.folder, today, kind, client, subject),
    };
    write_whole(&path, &set.pdf).map_err(|source| LetterFailure::Write {
        path: path.clone(),
        source,
    })?;
    let text_path = match text {
        Some(text) => {
            let beside = path.with_extension("txt");
            if let Err(source) = write_whole(&beside, text.as_bytes()) {
                let _ = std::fs::remove_file(&path);
                return Err(LetterFailure::Write {
                    path: beside,
                    source,
                });
            }
            Some(std::fs::canonicalize(&beside).unwrap_or(beside))
        }
        None => None,
    };
    let file = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    let recorded = edit(store, today, |_, _| {
        Ok((
            letter::made(client, subject, kind, &file.display().to_string()),
            None,
        ))
    });
    match recorded {
        Ok(done) => Ok(MadeLetter {
            id: done.id(),
            kind,
            file,
            text: text_path,
            kenmerk,
            pages: set.pages,
            done,
            without_address,
        }),
        Err(err) => {
            let _ = std::fs::remove_file(&path);
            if let Some(text) = &text_path {
                let _ = std::fs::remove_file(text);
            }
            Err(err.into())
        }
    }
}
