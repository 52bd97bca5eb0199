//! Keys are data: one table per context, from which the key handling, the
//! status-line hints and the help popup are all made, so the help cannot describe
//! keys that do not work.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    AddContact,
    AddNote,
    AddGoal,
    SetEvaluation,
    AddLadderStep,
    AddSituation,
    NewClient,
    Mark,
    Handover,
    ToggleEnded,
    ReopenClient,
    EditClient,
    ChangeCategory,
    EndClient,
    MoveAppointment,
    ReopenItem,
    Correct,
    NewApplication,
    ApplicationReceived,
    GiveHersteltermijn,
    Adjourn,
    Decide,
    Undo,
    /// Read the file again now and draw the whole screen anew.
    Refresh,
    /// Show the werkvoorraad and week as they will stand on a chosen day, read only.
    PeekAhead,
    NextWeek,
    PreviousWeek,
    ThisWeek,
    NextScreen,
    Worklist,
    Caseload,
    Week,
    Help,
    Back,
    Quit,
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the key is written in the help and the hints.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the status line, not only in the help.
    pub hint: bool,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    description: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        description,
        hint,
    }
}

pub const LIST_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑/k",
        Action::Up,
        "vorige regel",
        false,
    ),
    bind(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓/j",
        Action::Down,
        "volgende regel",
        false,
    ),
    bind(
        &[KeyCode::PageUp],
        "PgUp",
        Action::PageUp,
        "scherm omhoog",
        false,
    ),
    bind(
        &[KeyCode::PageDown],
        "PgDn",
        Action::PageDown,
        "scherm omlaag",
        false,
    ),
    bind(
        &[KeyCode::Home, KeyCode::Char('g')],
        "g",
        Action::First,
        "naar het begin",
        false,
    ),
    bind(
        &[KeyCode::End, KeyCode::Char('G')],
        "G",
        Action::Last,
        "naar het einde",
        false,
    ),
];

pub const WORKLIST_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('a')],
        "a/Enter",
        Action::CloseItem,
        "afhandelen",
        true,
    ),
    bind(
        &[KeyCode::Char('u')],
        "u",
        Action::PostponeItem,
        "uitstellen",
        true,
    ),
    bind(
        &[KeyCode::Char('v')],
        "v",
        Action::AddFollowUp,
        "vervolgactie",
        true,
    ),
    bind(
        &[KeyCode::Char('o')],
        "o",
        Action::OpenClient,
        "dossier",
        true,
    ),
    bind(&[KeyCode::Char('/')], "/", Action::Search, "zoeken", false),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Action::FilterLegal,
        "alleen wettelijke termijnen §",
        false,
    ),
    bind(
        &[KeyCode::Char('f')],
        "f",
        Action::FilterKind,
        "filter soort",
        false,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        Action::FilterDue,
        "alleen vandaag en te laat",
        false,
    ),
];

pub const CASELOAD_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('o')],
        "o/Enter",
        Action::OpenClient,
        "dossier",
        true,
    ),
    bind(
        &[KeyCode::Char('v')],
        "v",
        Action::AddFollowUp,
        "vervolgactie",
        false,
    ),
    bind(&[KeyCode::Char('/')], "/", Action::Search, "zoeken", true),
    bind(&[KeyCode::Char('s')], "s", Action::Sort, "sorteren", false),
    bind(
        &[KeyCode::Char('f')],
        "f",
        Action::FilterCategory,
        "filter categorie",
        false,
    ),
    bind(
        &[KeyCode::Char('b')],
        "b",
        Action::FilterOutOfView,
        "alleen niet in beeld",
        false,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Action::NewClient,
        "nieuwe klant",
        true,
    ),
    bind(
        &[KeyCode::Char(' ')],
        "spatie",
        Action::Mark,
        "markeren voor overdracht",
        false,
    ),
    bind(
        &[KeyCode::Char('O')],
        "O",
        Action::Handover,
        "overdragen (bundel schrijven)",
        false,
    ),
    bind(
        &[KeyCode::Char('e')],
        "e",
        Action::ToggleEnded,
        "uitgestroomd / caseload",
        false,
    ),
    bind(
        &[KeyCode::Char('R')],
        "R",
        Action::ReopenClient,
        "heraanmelden (uitgestroomd)",
        false,
    ),
];

pub const DOSSIER_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Left, KeyCode::Char('h')],
        "←/h",
        Action::PreviousTab,
        "vorige tab",
        false,
    ),
    bind(
        &[KeyCode::Right, KeyCode::Char('l')],
        "→/l",
        Action::NextTab,
        "volgende tab",
        false,
    ),
    bind(
        &[KeyCode::Char('a')],
        "a",
        Action::AddActivity,
        "activiteit",
        true,
    ),
    bind(
        &[KeyCode::Char('c')],
        "c",
        Action::AddContact,
        "contact",
        true,
    ),
    bind(&[KeyCode::Char('n')], "n", Action::AddNote, "notitie", true),
    bind(
        &[KeyCode::Char('v')],
        "v",
        Action::AddFollowUp,
        "vervolgactie",
        false,
    ),
    bind(
        &[KeyCode::Char('x')],
        "x",
        Action::CloseActivity,
        "activiteit afsluiten",
        false,
    ),
    bind(
        &[KeyCode::Char('e')],
        "e",
        Action::ExtendActivity,
        "einddatum verschuiven",
        false,
    ),
    bind(
        &[KeyCode::Char('d')],
        "d",
        Action::AddGoal,
        "doel in het plan van aanpak",
        false,
    ),
    bind(
        &[KeyCode::Char('p')],
        "p",
        Action::SetEvaluation,
        "evaluatiedatum van het plan",
        false,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        Action::AddLadderStep,
        "trede participatieladder",
        false,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        Action::AddSituation,
        "situatie per leefgebied",
        false,
    ),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Action::EditClient,
        "gegevens wijzigen",
        false,
    ),
    bind(
        &[KeyCode::Char('K')],
        "K",
        Action::ChangeCategory,
        "doorstroom (andere categorie)",
        false,
    ),
    bind(
        &[KeyCode::Char('U')],
        "U",
        Action::EndClient,
        "uitstroom",
        false,
    ),
    bind(
        &[KeyCode::Char('m')],
        "m",
        Action::MoveAppointment,
        "afspraak verplaatsen",
        false,
    ),
    bind(
        &[KeyCode::Char('r')],
        "r",
        Action::ReopenItem,
        "werkitem heropenen (Werkitems)",
        false,
    ),
    bind(
        &[KeyCode::Char('f')],
        "f",
        Action::Correct,
        "notitie of contact corrigeren",
        false,
    ),
    bind(
        &[KeyCode::Char('A')],
        "A",
        Action::NewApplication,
        "melding of aanvraag",
        false,
    ),
    bind(
        &[KeyCode::Char('o')],
        "o",
        Action::ApplicationReceived,
        "aanvraag ontvangen",
        false,
    ),
    bind(
        &[KeyCode::Char('H')],
        "H",
        Action::GiveHersteltermijn,
        "hersteltermijn geven",
        false,
    ),
    bind(
        &[KeyCode::Char('V')],
        "V",
        Action::Adjourn,
        "beslistermijn verdagen",
        false,
    ),
    bind(
        &[KeyCode::Char('B')],
        "B",
        Action::Decide,
        "besluit op de aanvraag",
        false,
    ),
];

pub const WEEK_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('o')],
        "o/Enter",
        Action::OpenClient,
        "dossier",
        true,
    ),
    bind(
        &[KeyCode::Char('a')],
        "a",
        Action::CloseItem,
        "werkitem afhandelen",
        true,
    ),
    bind(
        &[KeyCode::Char('u')],
        "u",
        Action::PostponeItem,
        "werkitem uitstellen",
        false,
    ),
    bind(
        &[KeyCode::Char(']')],
        "]",
        Action::NextWeek,
        "volgende week",
        true,
    ),
    bind(
        &[KeyCode::Char('[')],
        "[",
        Action::PreviousWeek,
        "vorige week",
        true,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        Action::ThisWeek,
        "deze week",
        false,
    ),
];

pub const GLOBAL_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Tab],
        "Tab",
        Action::NextScreen,
        "volgend scherm",
        false,
    ),
    bind(
        &[KeyCode::Char('1')],
        "1",
        Action::Worklist,
        "werkvoorraad",
        false,
    ),
    bind(
        &[KeyCode::Char('2')],
        "2",
        Action::Caseload,
        "caseload",
        false,
    ),
    bind(&[KeyCode::Char('3')], "3", Action::Week, "week", false),
    bind(&[KeyCode::Char('?')], "?", Action::Help, "toetsen", true),
    bind(
        &[KeyCode::Char('>')],
        ">",
        Action::PeekAhead,
        "vooruitkijken (bewaart niets)",
        false,
    ),
    // Ctrl-Z: matched in `action_for` (the table holds key codes only).
    bind(
        &[],
        "Ctrl-Z",
        Action::Undo,
        "laatste wijziging ongedaan",
        false,
    ),
    // Ctrl-L: matched in `action_for` too.
    bind(
        &[],
        "Ctrl-L",
        Action::Refresh,
        "opnieuw inlezen en tekenen",
        false,
    ),
    bind(
        &[KeyCode::Esc],
        "Esc",
        Action::Back,
        "terug; wist zoekopdracht",
        false,
    ),
    bind(&[KeyCode::Char('q')], "q", Action::Quit, "stoppen", true),
];

/// The keys inside a form and a picker, for the help. The form handles them itself
/// (`form.rs`, with `tui-textarea`'s editing keys); `form.rs`'s tests hold it to
/// the ones that are its own.
pub const FORM_KEYS: &[(&str, &str)] = &[
    ("Tab", "volgend veld; Shift-Tab: vorig"),
    ("↑/↓", "vorig / volgend veld"),
    ("Enter", "bewaren; notitie: nieuwe regel"),
    ("Ctrl-S", "bewaren, ook in een notitie"),
    ("Ctrl-U", "veld leeg (notitie: de regel)"),
    ("typen", "vervangt geselecteerde tekst"),
    ("←/→", "cursor; Home/End: begin/eind"),
    ("Bksp", "wist terug; Del: wist vooruit"),
    ("Esc", "annuleren; 2× na getypte tekst"),
    ("1–9", "keuzelijst: kies dat nummer"),
];

/// The action bound to `key` in the first table that binds it. Ctrl-C always quits.
pub fn action_for(tables: &[&[Binding]], key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('z') => Some(Action::Undo),
            KeyCode::Char('l') => Some(Action::Refresh),
            _ => None,
        };
    }
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.contains(&key.code))
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
                | Help
                | Back
                | Quit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_on_a_screen() {
        for screen in [WORKLIST_KEYS, CASELOAD_KEYS, DOSSIER_KEYS, WEEK_KEYS] {
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
