use thiserror::Error;

/// Input that inbeeld refuses. Each message is one line of Dutch for the user; the
/// command line exits with code 2 on these, and nothing is stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    #[error("ongeldige datum '{0}': gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01")]
    Date(String),
    #[error("de einddatum {end} ligt vóór de startdatum {start}")]
    EndBeforeStart { start: String, end: String },
    #[error("ongeldig BSN '{0}': {1}")]
    Bsn(String, &'static str),
    #[error("dit BSN is al geregistreerd bij klant {0}")]
    DuplicateBsn(i64),
    /// `what` is the whole phrase ("onbekende categorie"): Dutch inflects the
    /// adjective by the noun's gender.
    #[error("{what} '{code}'; kies uit: {choices}")]
    UnknownCode {
        what: &'static str,
        code: String,
        choices: String,
    },
    #[error("activiteitsoort '{activity_type}' past niet bij categorie '{category}'; toegestaan: {allowed}")]
    TypeNotAllowed {
        activity_type: String,
        category: String,
        allowed: String,
    },
    #[error("afhandeling '{outcome}' past niet bij een werkitem van soort '{kind}'; kies uit: {allowed}")]
    OutcomeNotAllowed {
        outcome: String,
        kind: String,
        allowed: String,
    },
    #[error("{what} {id}")]
    UnknownId { what: &'static str, id: i64 },
    #[error("{0} mag niet leeg zijn")]
    Empty(&'static str),
    #[error("{0}")]
    Other(String),
}

impl InputError {
    pub fn unknown_code(what: &'static str, code: &str, choices: &[String]) -> Self {
        InputError::UnknownCode {
            what,
            code: code.to_owned(),
            choices: choices.join(", "),
        }
    }
}

/// Trimmed text that must not be empty.
pub fn required_text(field: &'static str, text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(InputError::Empty(field))
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Trimmed optional text; blank counts as absent.
pub fn optional_text(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}
