//! Keys are data: one table per context, from which the key handling, the
//! status-line hints and the help popup are all made, so the help cannot describe
//! keys that do not work.

pub mod inner;
mod rebind;
mod tables;

use crossterm::event::{KeyEvent, KeyModifiers};

use inner::{chord_label, Chord};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Handle the selected work item with an outcome.
    CloseItem,
    PostponeItem,
    /// Add a follow-up (vervolgactie) for the selected client.
    AddFollowUp,
    OpenClient,
    Search,
    Sort,
    FilterCategory,
    FilterOutOfView,
    /// Werkvoorraad: only items with a statutory term (§).
    FilterLegal,
    /// Werkvoorraad: only one kind of item, cycling through those present.
    FilterKind,
    /// Werkvoorraad: only what is due today or late.
    FilterDue,
    PreviousTab,
    NextTab,
    AddActivity,
    CloseActivity,
    ExtendActivity,
    AsInformatieverzoek,
    AddContact,
    AddNote,
    AddGoal,
    SetEvaluation,
    /// A new version of the plan van aanpak.
    NewPlanVersion,
    AddLadderStep,
    AddSituation,
    NewClient,
    Mark,
    Handover,
    /// Read the municipal system's export into the caseload.
    ImportCaseload,
    ToggleEnded,
    ReopenClient,
    EditClient,
    ChangeCategory,
    /// The client's risk profile: the heronderzoek's interval.
    SetRiskProfile,
    EndClient,
    MoveAppointment,
    ReopenItem,
    Correct,
    NewApplication,
    ApplicationReceived,
    GiveHersteltermijn,
    Adjourn,
    Decide,
    /// A letter: make one for the afspraak or hersteltermijn under the cursor, or on
    /// the Brieven tab record that the selected one was sent.
    Letter,
    Undo,
    /// Read the file again now and draw the whole screen anew.
    Refresh,
    /// Show the werkvoorraad and week as they will stand on a chosen day, read only.
    PeekAhead,
    NextWeek,
    PreviousWeek,
    ThisWeek,
    /// Overzicht: the period is a week, month, quarter or year; step through them.
    PeriodWeek,
    PeriodMonth,
    PeriodQuarter,
    PeriodYear,
    PreviousPeriod,
    NextPeriod,
    ThisPeriod,
    NextScreen,
    Worklist,
    Caseload,
    Week,
    Overview,
    Team,
    /// On the Team screen: the werkvoorraad of the klantmanager under the cursor.
    MemberWorklist,
    Help,
    Back,
    Quit,
}

/// One line of a screen's keys: `on` these keys it does `action`. Its label is
/// written from the keys: the first `shown` of them (the others are the same key
/// another way, Home beside g).
pub struct Binding {
    pub keys: &'static [Chord],
    pub shown: usize,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the status line, not only in the help.
    pub hint: bool,
}

const fn bind(
    keys: &'static [Chord],
    shown: usize,
    action: Action,
    description: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        shown,
        action,
        description,
        hint,
    }
}

pub use rebind::{action_names, rebind, Rebound};
pub use tables::*;

/// The keys `binding` answers to: its own, or the one the settings gave it.
fn keys_of(binding: &Binding, rebound: &[Rebound]) -> Vec<Chord> {
    match rebound.iter().find(|r| r.action == binding.action) {
        Some(r) => vec![r.chord()],
        None => binding.keys.to_vec(),
    }
}

/// Every table of the cockpit, for finding an action's key wherever it is bound.
const TABLES: &[&[Binding]] = &[
    GLOBAL_KEYS,
    LIST_KEYS,
    WORKLIST_KEYS,
    CASELOAD_KEYS,
    DOSSIER_KEYS,
    TEAM_KEYS,
    OVERVIEW_KEYS,
    WEEK_KEYS,
];

/// How the key of `action` is written, as the settings may have changed it: what
/// every text that names a key asks, so that none names a key the settings moved.
pub fn key_of(action: Action, rebound: &[Rebound]) -> String {
    TABLES
        .iter()
        .find_map(|t| key_in(t, action, rebound))
        .unwrap_or_default()
}

/// The key of `action` in one screen's table, where a screen binds it its own way
/// (the Overzicht opens a dossier with o and Enter).
pub fn key_in(table: &[Binding], action: Action, rebound: &[Rebound]) -> Option<String> {
    table
        .iter()
        .find(|b| b.action == action)
        .map(|b| label(b, rebound))
}

/// How `binding`'s key is written, as the settings may have changed it: made
/// from the keys, never written by hand.
pub fn label(binding: &Binding, rebound: &[Rebound]) -> String {
    match rebound.iter().find(|r| r.action == binding.action) {
        Some(r) => chord_label(r.chord()),
        None => binding.keys[..binding.shown.min(binding.keys.len())]
            .iter()
            .map(|c| chord_label(*c))
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// The action bound to `key` in the first table that binds it, with the keys the
/// settings changed. (Ctrl-C is no action: the app takes it before any popup or
/// table, so that it always quits, after one warning for unsaved text.)
pub fn action_for(tables: &[&[Binding]], key: KeyEvent, rebound: &[Rebound]) -> Option<Action> {
    let chord = Chord {
        code: key.code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
    };
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| keys_of(b, rebound).contains(&chord))
        .map(|b| b.action)
}

impl Action {
    /// Whether the action only looks: it moves, finds, switches screens or opens a
    /// dossier, and may be used while looking ahead. Everything else edits.
    pub fn only_looks(self) -> bool {
        use Action::*;
        matches!(
            self,
            Up | Down
                | PageUp
                | PageDown
                | First
                | Last
                | OpenClient
                | Search
                | Sort
                | FilterCategory
                | FilterOutOfView
                | FilterLegal
                | FilterKind
                | FilterDue
                | ToggleEnded
                | Mark
                | PreviousTab
                | NextTab
                | Refresh
                | PeekAhead
                | NextWeek
                | PreviousWeek
                | ThisWeek
                | NextScreen
                | Worklist
                | Caseload
                | Week
                | Overview
                | PeriodWeek
                | PeriodMonth
                | PeriodQuarter
                | PeriodYear
                | PreviousPeriod
                | NextPeriod
                | ThisPeriod
                | Team
                | MemberWorklist
                | Help
                | Back
                | Quit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::rebind::{ACTION_NAMES, SCREENS};
    use super::*;
    use crossterm::event::KeyCode;

    fn entry(name: &str, value: &str, line: usize) -> crate::settings::Entry {
        crate::settings::Entry {
            name: name.into(),
            value: value.into(),
            line,
        }
    }

    #[test]
    fn a_rebound_key_replaces_the_old_one_and_a_clash_is_refused_with_its_line() {
        let rebound = rebind(&[entry("afhandelen", "h", 4)]).unwrap();
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let tables: [&[Binding]; 3] = [WORKLIST_KEYS, LIST_KEYS, GLOBAL_KEYS];
        assert_eq!(
            action_for(&tables, key('h'), &rebound),
            Some(Action::CloseItem)
        );
        assert_eq!(
            action_for(&tables, key('a'), &rebound),
            None,
            "the old key is free"
        );
        assert_eq!(label(&WORKLIST_KEYS[0], &rebound), "h");

        // `j` moves down in every list.
        let err = rebind(&[entry("uitstellen", "j", 7)]).unwrap_err();
        assert_eq!(err.0, 7);
        assert_eq!(
            err.1,
            "'j' doet op de werkvoorraad al 'volgende regel'; kies voor 'uitstellen' een andere toets"
        );
        let err = rebind(&[entry("afhandlen", "h", 2)]).unwrap_err();
        assert!(err.1.contains("onbekende actie 'afhandlen'"), "{}", err.1);
        let err = rebind(&[entry("afhandelen", "Ctrl-h", 3)]).unwrap_err();
        assert!(err.1.contains("geen toets"), "{}", err.1);
        assert_eq!(
            rebind(&[entry("stoppen", "F10", 1)]).unwrap()[0].key,
            KeyCode::F(10)
        );
    }

    #[test]
    fn every_key_that_can_be_rebound_has_a_name() {
        for (_, table) in SCREENS {
            for binding in table.iter().chain(LIST_KEYS).chain(GLOBAL_KEYS) {
                let movable = !matches!(
                    binding.action,
                    Action::Up
                        | Action::Down
                        | Action::PageUp
                        | Action::PageDown
                        | Action::First
                        | Action::Last
                        | Action::Back
                        | Action::Undo
                        | Action::Refresh
                );
                if movable {
                    assert!(
                        ACTION_NAMES.iter().any(|(_, a)| *a == binding.action),
                        "{} has no name in the settings",
                        binding.description
                    );
                }
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for screen in [
            WORKLIST_KEYS,
            CASELOAD_KEYS,
            DOSSIER_KEYS,
            WEEK_KEYS,
            OVERVIEW_KEYS,
            TEAM_KEYS,
        ] {
            let mut seen = Vec::new();
            for binding in screen.iter().chain(LIST_KEYS).chain(GLOBAL_KEYS) {
                for key in binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice");
                    seen.push(*key);
                }
            }
        }
    }
}
