//! The cockpit's edits, one module per flow: each owns its chain of pickers and
//! forms, ends in one intent, and says how its edits are applied. The app starts
//! a flow from a key with what is under the cursor; nothing else of the cockpit
//! knows a flow's forms.

pub mod aanvraag;
pub mod activity;
pub mod client;
pub mod handle;
pub mod handover;
pub mod item;
pub mod journal;
pub mod letter;
pub mod peek;
pub mod plan;
pub mod undo;

use chrono::NaiveDate;

use super::keymap::Rebound;
use super::popup::{Field, FieldKind, Popup};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::store::{Store, StoreError};

/// What a flow reads when it starts.
pub struct Here<'a> {
    pub store: &'a Store,
    pub catalog: &'a Catalog,
    pub calendar: &'a LegalCalendar,
    pub today: NaiveDate,
    /// The keys as the settings have them, for a message that names one.
    pub rebound: &'a [Rebound],
}

/// Why a flow did not open: a sentence for the status line, or the store failed.
#[derive(Debug)]
pub enum Stop {
    Say(String),
    Fail(StoreError),
}

impl From<StoreError> for Stop {
    fn from(err: StoreError) -> Stop {
        Stop::Fail(err)
    }
}

/// The first popup of a flow, or why there is none.
pub type Start = Result<Popup, Stop>;

/// A refusal to start, in the klantmanager's words.
pub fn say<T>(text: impl Into<String>) -> Result<T, Stop> {
    Err(Stop::Say(text.into()))
}

/// The catalogue's channels (code, name), for a choice field.
pub fn channels(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .channels
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

/// A date field that takes no day after `today` (a day something happened).
pub fn past_date(name: &'static str, label: &'static str, today: NaiveDate) -> Field {
    Field::new(
        name,
        label,
        FieldKind::Date {
            not_before: None,
            not_after: Some(today),
        },
        &today.to_string(),
    )
}

/// A date field from `from` on, suggesting `suggested` (a deadline, an afspraak).
pub fn future_date(
    name: &'static str,
    label: &'static str,
    from: Option<NaiveDate>,
    suggested: NaiveDate,
) -> Field {
    Field::new(
        name,
        label,
        FieldKind::Date {
            not_before: from,
            not_after: None,
        },
        &suggested.to_string(),
    )
    .deadline()
}

/// A toelichting that may be left empty.
pub fn note_field(label: &'static str) -> Field {
    Field::new("note", label, FieldKind::OptionalText, "")
}
