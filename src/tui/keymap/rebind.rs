//! The keys the settings file gives actions in place of their own (`[toetsen]`),
//! checked before the cockpit opens.

use crossterm::event::KeyCode;

use super::inner::Chord;
use super::tables::*;
use super::{keys_of, Action, Binding};

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
    ("als_informatieverzoek", Action::AsInformatieverzoek),
    ("contact", Action::AddContact),
    ("notitie", Action::AddNote),
    ("doel", Action::AddGoal),
    ("evaluatiedatum", Action::SetEvaluation),
    ("plan_versie", Action::NewPlanVersion),
    ("trede", Action::AddLadderStep),
    ("situatie", Action::AddSituation),
    ("nieuwe_klant", Action::NewClient),
    ("markeren", Action::Mark),
    ("overdragen", Action::Handover),
    ("inlezen", Action::ImportCaseload),
    ("uitgestroomd", Action::ToggleEnded),
    ("heraanmelden", Action::ReopenClient),
    ("gegevens_wijzigen", Action::EditClient),
    ("doorstroom", Action::ChangeCategory),
    ("risicoprofiel", Action::SetRiskProfile),
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
    /// The key as the settings wrote it, for a refusal that quotes the entry.
    pub label: String,
}

impl Rebound {
    /// A key the settings give is a plain key (no Ctrl).
    pub fn chord(&self) -> Chord {
        Chord {
            code: self.key,
            ctrl: false,
        }
    }
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
pub(super) const SCREENS: &[(&str, &[Binding])] = &[
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
                     staan in docs/settings.md",
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
        let mut seen: Vec<(Chord, &Binding)> = Vec::new();
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

/// The names of the actions whose key the settings may change.
pub fn action_names() -> impl Iterator<Item = &'static str> {
    ACTION_NAMES.iter().map(|(name, _)| *name)
}
