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
    bind(
        &[KeyCode::Char('b')],
        "b",
        Action::Letter,
        "brief maken; op Brieven: verstuurd",
        false,
    ),
];

pub const TEAM_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('o')],
        "o/Enter",
        Action::OpenClient,
        "toon de klanten",
        true,
    ),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Action::MemberWorklist,
        "toon het werk",
        true,
    ),
];

pub const OVERVIEW_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Enter, KeyCode::Char('o')],
        "o/Enter",
        Action::OpenClient,
        "openen: regels, dossier",
        true,
    ),
    bind(&[KeyCode::Char('w')], "w", Action::PeriodWeek, "week", true),
    bind(
        &[KeyCode::Char('m')],
        "m",
        Action::PeriodMonth,
        "maand",
        true,
    ),
    bind(
        &[KeyCode::Char('K')],
        "K",
        Action::PeriodQuarter,
        "kwartaal",
        true,
    ),
    bind(&[KeyCode::Char('J')], "J", Action::PeriodYear, "jaar", true),
    bind(
        &[KeyCode::Char('['), KeyCode::Left],
        "[/←",
        Action::PreviousPeriod,
        "vorige periode",
        true,
    ),
    bind(
        &[KeyCode::Char(']'), KeyCode::Right],
        "]/→",
        Action::NextPeriod,
        "volgende periode",
        true,
    ),
    bind(
        &[KeyCode::Char('t')],
        "t",
        Action::ThisPeriod,
        "de periode van vandaag",
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
    bind(
        &[KeyCode::Char('4')],
        "4",
        Action::Overview,
        "overzicht",
        false,
    ),
    bind(
        &[KeyCode::Char('5')],
        "5",
        Action::Team,
        "team (momentopname)",
        false,
    ),
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
        "terug; wist zoeken en filters",
        false,
    ),
    bind(&[KeyCode::Char('q')], "q", Action::Quit, "stoppen", true),
];

/// The keys inside a form and a picker, for the help. The form handles them itself
/// (`form.rs`, with `tui-textarea`'s editing keys); `form.rs`'s tests hold it to
/// the ones that are its own.
pub const FORM_KEYS: &[(&str, &str)] = &[
    ("Tab", "volgend veld; Shift-Tab: vorig"),
    ("↑/↓", "veld; in een notitie: regel"),
    ("Enter", "bewaren; notitie: nieuwe regel"),
    ("Ctrl-S", "bewaren, ook in een notitie"),
    ("Ctrl-U", "veld leeg (notitie: de regel)"),
    ("typen", "vervangt geselecteerde tekst"),
    ("←/→", "cursor; Home/End: begin/eind"),
    ("Bksp", "wist terug; Del: wist vooruit"),
    ("Esc", "annuleren; 2× na getypte tekst"),
    ("1–9", "keuzelijst: kies dat nummer"),
];

/// The names the settings file gives the actions whose key it may change
/// (`[toetsen]`, `afhandelen = "h"`).
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("afhandelen", Action::CloseItem),
    ("uitstellen", Action::PostponeItem),
    ("vervolgactie", Action::AddFollowUp),
    ("dossier", Action::OpenClient),
    ("zoeken", Action::Search),
    ("sorteren", Action::Sort),
    ("filter_categorie", Action::FilterCategory),
    ("niet_in_beeld", Action::FilterOutOfView),
    ("alleen_wettelijk", Action::FilterLegal),
    ("filter_soort", Action::FilterKind),
    ("alleen_vandaag", Action::FilterDue),
    ("vorige_tab", Action::PreviousTab),
    ("volgende_tab", Action::NextTab),
    ("activiteit", Action::AddActivity),
    ("activiteit_afsluiten", Action::CloseActivity),
    ("einddatum_verschuiven", Action::ExtendActivity),
    ("contact", Action::AddContact),
    ("notitie", Action::AddNote),
    ("doel", Action::AddGoal),
    ("evaluatiedatum", Action::SetEvaluation),
    ("trede", Action::AddLadderStep),
    ("situatie", Action::AddSituation),
    ("nieuwe_klant", Action::NewClient),
    ("markeren", Action::Mark),
    ("overdragen", Action::Handover),
    ("uitgestroomd", Action::ToggleEnded),
    ("heraanmelden", Action::ReopenClient),
    ("gegevens_wijzigen", Action::EditClient),
    ("doorstroom", Action::ChangeCategory),
    ("uitstroom", Action::EndClient),
    ("afspraak_verplaatsen", Action::MoveAppointment),
    ("heropenen", Action::ReopenItem),
    ("corrigeren", Action::Correct),
    ("aanvraag", Action::NewApplication),
    ("aanvraag_ontvangen", Action::ApplicationReceived),
    ("hersteltermijn", Action::GiveHersteltermijn),
    ("verdagen", Action::Adjourn),
    ("besluit", Action::Decide),
    ("brief", Action::Letter),
    ("volgende_week", Action::NextWeek),
    ("vorige_week", Action::PreviousWeek),
    ("deze_week", Action::ThisWeek),
    ("volgend_scherm", Action::NextScreen),
    ("werkvoorraad", Action::Worklist),
    ("caseload", Action::Caseload),
    ("week", Action::Week),
    ("overzicht", Action::Overview),
    ("team", Action::Team),
    ("werk_van_klantmanager", Action::MemberWorklist),
    ("periode_week", Action::PeriodWeek),
    ("periode_maand", Action::PeriodMonth),
    ("periode_kwartaal", Action::PeriodQuarter),
    ("periode_jaar", Action::PeriodYear),
    ("vorige_periode", Action::PreviousPeriod),
    ("volgende_periode", Action::NextPeriod),
    ("deze_periode", Action::ThisPeriod),
    ("toetsen", Action::Help),
    ("vooruitkijken", Action::PeekAhead),
    ("stoppen", Action::Quit),
];

/// A key the settings put on an action in place of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebound {
    pub action: Action,
    pub key: KeyCode,
    /// How the key is written in the help and the hints.
    pub label: String,
}

/// The keys a setting can name besides a single character.
const NAMED_KEYS: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Tab", KeyCode::Tab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
];

fn parse_key(text: &str) -> Option<KeyCode> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control() && c != ' ').then_some(KeyCode::Char(c));
    }
    if let Some(n) = text.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED_KEYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text))
        .map(|(_, key)| *key)
}

/// The screens' tables, for checking that a key is bound once on each.
const SCREENS: &[(&str, &[Binding])] = &[
    ("de werkvoorraad", WORKLIST_KEYS),
    ("de caseload", CASELOAD_KEYS),
    ("het dossier", DOSSIER_KEYS),
    ("de week", WEEK_KEYS),
    ("het overzicht", OVERVIEW_KEYS),
    ("het team", TEAM_KEYS),
];

/// The keys of the settings (`[toetsen]`), checked: a known action, a key that
/// exists, and on no screen a key for two actions (nor Esc, which always goes
/// back). A refusal carries the line of the entry.
pub fn rebind(entries: &[crate::settings::Entry]) -> Result<Vec<Rebound>, (usize, String)> {
    let mut rebound: Vec<(Rebound, usize)> = Vec::new();
    for entry in entries {
        let Some((_, action)) = ACTION_NAMES.iter().find(|(n, _)| *n == entry.name) else {
            return Err((
                entry.line,
                format!(
                    "onbekende actie '{}'; de namen (afhandelen, uitstellen, notitie …) \
                     staan in de README onder Settings",
                    entry.name
                ),
            ));
        };
        let key = parse_key(&entry.value).filter(|k| *k != KeyCode::Esc);
        let Some(key) = key else {
            return Err((
                entry.line,
                format!(
                    "'{}' is geen toets die te kiezen is: één teken, F1–F12, of {}",
                    entry.value,
                    NAMED_KEYS
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        };
        rebound.push((
            Rebound {
                action: *action,
                key,
                label: entry.value.clone(),
            },
            entry.line,
        ));
    }
    let only: Vec<Rebound> = rebound.iter().map(|(r, _)| r.clone()).collect();
    for (screen, keys) in SCREENS {
        let mut seen: Vec<(KeyCode, &Binding)> = Vec::new();
        for binding in keys.iter().chain(LIST_KEYS).chain(GLOBAL_KEYS) {
            for key in keys_of(binding, &only) {
                if let Some((_, other)) = seen.iter().find(|(k, _)| *k == key) {
                    // Say it of the action the settings moved onto the key.
                    let moved_here = |b: &Binding| only.iter().any(|r| r.action == b.action);
                    let (moved, fixed) = if moved_here(binding) {
                        (binding, *other)
                    } else {
                        (*other, binding)
                    };
                    let (entry, line) = rebound
                        .iter()
                        .find(|(r, _)| r.action == moved.action)
                        .map_or(("", 0), |(r, line)| (r.label.as_str(), *line));
                    return Err((
                        line,
                        format!(
                            "'{entry}' doet op {screen} al '{}'; kies voor '{}' een andere toets",
                            fixed.description, moved.description
                        ),
                    ));
                }
                seen.push((key, binding));
            }
        }
    }
    Ok(only)
}

/// The keys `binding` answers to: its own, or the one the settings gave it.
fn keys_of(binding: &Binding, rebound: &[Rebound]) -> Vec<KeyCode> {
    match rebound.iter().find(|r| r.action == binding.action) {
        Some(r) => vec![r.key],
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
        .map(|b| label(b, rebound).to_owned())
}

/// How `binding`'s key is written, as the settings may have changed it.
pub fn label<'a>(binding: &'a Binding, rebound: &'a [Rebound]) -> &'a str {
    rebound
        .iter()
        .find(|r| r.action == binding.action)
        .map_or(binding.label, |r| r.label.as_str())
}

/// The action bound to `key` in the first table that binds it, with the keys the
/// settings changed. (Ctrl-C is no action: the app takes it before any popup or
/// table, so that it always quits, after one warning for unsaved text.)
pub fn action_for(tables: &[&[Binding]], key: KeyEvent, rebound: &[Rebound]) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('z') => Some(Action::Undo),
            KeyCode::Char('l') => Some(Action::Refresh),
            _ => None,
        };
    }
    tables
        .iter()
        .flat_map(|t| t.iter())
        .find(|b| keys_of(b, rebound).contains(&key.code))
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
    use super::*;

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
