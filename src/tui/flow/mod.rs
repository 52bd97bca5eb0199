//! The cockpit's edits, one module per flow: each owns its chain of pickers and
//! forms, ends in one intent, and says how its edits are applied. Each also says
//! which keys start it and what they need under the cursor (its `STARTERS`): the
//! app looks a key up here, asks whether its need is met, and starts the flow with
//! what is under the cursor. Nothing else of the cockpit knows a flow's forms.

pub mod aanvraag;
pub mod activity;
pub mod caseload_import;
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

use crate::domain::sanction::Verordening;

use super::caseload::CaseloadView;
use super::dossier::DossierView;
use super::keymap::{Action, Rebound};
use super::popup::{Field, FieldKind, Popup};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::domain::work_item::WorkItem;
use crate::store::{Store, StoreError};

/// What a flow reads when it starts.
pub struct Here<'a> {
    pub store: &'a Store,
    pub catalog: &'a Catalog,
    pub calendar: &'a LegalCalendar,
    pub today: NaiveDate,
    /// The keys as the settings have them, for a message that names one.
    pub rebound: &'a [Rebound],
    /// The municipality's verordening: the verlaging a maatregel suggests.
    pub verordening: &'a Verordening,
}

/// What is under the cursor when a key is pressed.
pub struct On<'a> {
    pub here: Here<'a>,
    /// The open work item of the werkvoorraad or the week.
    pub work_item: Option<&'a WorkItem>,
    /// The client the screen is about, with their name.
    pub client: Option<(i64, String)>,
    /// The dossier, where it is open.
    pub dossier: Option<&'a DossierView>,
    pub caseload: &'a CaseloadView,
    /// Looking ahead: the real today.
    pub real_today: Option<NaiveDate>,
}

/// What a key needs under the cursor to do anything; the app checks it before
/// the flow starts, and offers the key only where it is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Nothing,
    /// An open work item (the werkvoorraad, the week).
    WorkItem,
    /// A client the screen is about.
    Client,
    /// The dossier open.
    Dossier,
    /// An open activity on the Activiteiten or Aanvragen tab.
    OpenActivity,
    /// An open afspraak on the Activiteiten tab.
    OpenAfspraak,
    /// A handled work item on the Werkitems tab.
    ClosedItem,
    /// A note or a contactmoment on its tab.
    Journal,
    /// A client in the caseload, not the ended ones (to mark, to hand over).
    ActiveClient,
    /// An ended client in the list of ended clients.
    EndedClient,
}

/// A key that starts a flow: what it needs, and the flow's first popup made from
/// what is under the cursor (`None`: nothing there, which the need said first).
pub struct Starter {
    pub action: Action,
    pub needs: Need,
    pub start: fn(&On) -> Option<Start>,
}

/// Every flow's keys.
const STARTERS: &[&[Starter]] = &[
    aanvraag::STARTERS,
    caseload_import::STARTERS,
    activity::STARTERS,
    client::STARTERS,
    handle::STARTERS,
    handover::STARTERS,
    item::STARTERS,
    journal::STARTERS,
    letter::STARTERS,
    peek::STARTERS,
    plan::STARTERS,
    undo::STARTERS,
];

/// The flow `action` starts, if it starts one.
pub fn starter(action: Action) -> Option<&'static Starter> {
    STARTERS
        .iter()
        .flat_map(|s| s.iter())
        .find(|s| s.action == action)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{
        CASELOAD_KEYS, DOSSIER_KEYS, GLOBAL_KEYS, LIST_KEYS, OVERVIEW_KEYS, TEAM_KEYS, WEEK_KEYS,
        WORKLIST_KEYS,
    };

    #[test]
    fn every_key_that_edits_starts_one_flow() {
        let tables = [
            WORKLIST_KEYS,
            CASELOAD_KEYS,
            DOSSIER_KEYS,
            WEEK_KEYS,
            OVERVIEW_KEYS,
            TEAM_KEYS,
            LIST_KEYS,
            GLOBAL_KEYS,
        ];
        let mut edits = 0;
        for binding in tables.iter().flat_map(|t| t.iter()) {
            if binding.action.only_looks() {
                continue;
            }
            edits += 1;
            let starting: Vec<_> = STARTERS
                .iter()
                .flat_map(|s| s.iter())
                .filter(|s| s.action == binding.action)
                .collect();
            assert_eq!(
                starting.len(),
                1,
                "'{}' starts one flow",
                binding.description
            );
        }
        assert!(edits > 25, "the tables were read: {edits}");
    }
}
