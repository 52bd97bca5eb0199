//! The keys of each screen, the lists and everywhere: one line per binding.

use crossterm::event::KeyCode;

use super::inner::{ch, ctrl, key};
use super::{bind, Action, Binding};

pub const LIST_KEYS: &[Binding] = &[
    bind(
        &[key(KeyCode::Up), ch('k')],
        2,
        Action::Up,
        "vorige regel",
        false,
    ),
    bind(
        &[key(KeyCode::Down), ch('j')],
        2,
        Action::Down,
        "volgende regel",
        false,
    ),
    bind(
        &[key(KeyCode::PageUp)],
        1,
        Action::PageUp,
        "scherm omhoog",
        false,
    ),
    bind(
        &[key(KeyCode::PageDown)],
        1,
        Action::PageDown,
        "scherm omlaag",
        false,
    ),
    bind(
        &[ch('g'), key(KeyCode::Home)],
        1,
        Action::First,
        "naar het begin",
        false,
    ),
    bind(
        &[ch('G'), key(KeyCode::End)],
        1,
        Action::Last,
        "naar het einde",
        false,
    ),
];

pub const WORKLIST_KEYS: &[Binding] = &[
    bind(
        &[ch('a'), key(KeyCode::Enter)],
        2,
        Action::CloseItem,
        "afhandelen",
        true,
    ),
    bind(&[ch('u')], 1, Action::PostponeItem, "uitstellen", true),
    bind(&[ch('v')], 1, Action::AddFollowUp, "vervolgactie", true),
    bind(&[ch('o')], 1, Action::OpenClient, "dossier", true),
    bind(&[ch('/')], 1, Action::Search, "zoeken", false),
    bind(
        &[ch('w')],
        1,
        Action::FilterLegal,
        "alleen wettelijke termijnen §",
        false,
    ),
    bind(&[ch('f')], 1, Action::FilterKind, "filter soort", false),
    bind(
        &[ch('t')],
        1,
        Action::FilterDue,
        "alleen vandaag en te laat",
        false,
    ),
];

pub const CASELOAD_KEYS: &[Binding] = &[
    bind(
        &[ch('o'), key(KeyCode::Enter)],
        2,
        Action::OpenClient,
        "dossier",
        true,
    ),
    bind(&[ch('v')], 1, Action::AddFollowUp, "vervolgactie", false),
    bind(&[ch('/')], 1, Action::Search, "zoeken", true),
    bind(&[ch('s')], 1, Action::Sort, "sorteren", false),
    bind(
        &[ch('f')],
        1,
        Action::FilterCategory,
        "filter categorie",
        false,
    ),
    bind(
        &[ch('b')],
        1,
        Action::FilterOutOfView,
        "alleen niet in beeld",
        false,
    ),
    bind(&[ch('n')], 1, Action::NewClient, "nieuwe klant", true),
    bind(
        &[ch(' ')],
        1,
        Action::Mark,
        "markeren voor overdracht",
        false,
    ),
    bind(
        &[ch('O')],
        1,
        Action::Handover,
        "overdragen (bundel schrijven)",
        false,
    ),
    bind(
        &[ch('I')],
        1,
        Action::ImportCaseload,
        "klantenbestand inlezen (export)",
        false,
    ),
    bind(
        &[ch('e')],
        1,
        Action::ToggleEnded,
        "uitgestroomd / caseload",
        false,
    ),
    bind(
        &[ch('R')],
        1,
        Action::ReopenClient,
        "heraanmelden (uitgestroomd)",
        false,
    ),
];

pub const DOSSIER_KEYS: &[Binding] = &[
    bind(
        &[key(KeyCode::Left), ch('h')],
        2,
        Action::PreviousTab,
        "vorige tab",
        false,
    ),
    bind(
        &[key(KeyCode::Right), ch('l')],
        2,
        Action::NextTab,
        "volgende tab",
        false,
    ),
    bind(&[ch('a')], 1, Action::AddActivity, "activiteit", true),
    bind(&[ch('c')], 1, Action::AddContact, "contact", true),
    bind(&[ch('n')], 1, Action::AddNote, "notitie", true),
    bind(&[ch('v')], 1, Action::AddFollowUp, "vervolgactie", false),
    bind(
        &[ch('x')],
        1,
        Action::CloseActivity,
        "activiteit afsluiten",
        false,
    ),
    bind(
        &[ch('e')],
        1,
        Action::ExtendActivity,
        "einddatum verschuiven",
        false,
    ),
    bind(
        &[ch('I')],
        1,
        Action::AsInformatieverzoek,
        "hersteltermijn zonder aanvraag → informatieverzoek",
        false,
    ),
    bind(
        &[ch('d')],
        1,
        Action::AddGoal,
        "doel in het plan van aanpak",
        false,
    ),
    bind(
        &[ch('p')],
        1,
        Action::SetEvaluation,
        "evaluatiedatum van het plan",
        false,
    ),
    bind(
        &[ch('P')],
        1,
        Action::NewPlanVersion,
        "nieuwe versie van het plan",
        false,
    ),
    bind(
        &[ch('t')],
        1,
        Action::AddLadderStep,
        "trede participatieladder",
        false,
    ),
    bind(
        &[ch('s')],
        1,
        Action::AddSituation,
        "situatie per leefgebied",
        false,
    ),
    bind(
        &[ch('w')],
        1,
        Action::EditClient,
        "gegevens wijzigen",
        false,
    ),
    bind(
        &[ch('K')],
        1,
        Action::ChangeCategory,
        "doorstroom (andere categorie)",
        false,
    ),
    bind(&[ch('U')], 1, Action::EndClient, "uitstroom", false),
    bind(
        &[ch('m')],
        1,
        Action::MoveAppointment,
        "afspraak verplaatsen",
        false,
    ),
    bind(
        &[ch('r')],
        1,
        Action::ReopenItem,
        "werkitem heropenen (Werkitems)",
        false,
    ),
    bind(
        &[ch('f')],
        1,
        Action::Correct,
        "notitie of contact corrigeren",
        false,
    ),
    bind(
        &[ch('A')],
        1,
        Action::NewApplication,
        "melding of aanvraag",
        false,
    ),
    bind(
        &[ch('o')],
        1,
        Action::ApplicationReceived,
        "aanvraag ontvangen",
        false,
    ),
    bind(
        &[ch('H')],
        1,
        Action::GiveHersteltermijn,
        "hersteltermijn geven",
        false,
    ),
    bind(
        &[ch('V')],
        1,
        Action::Adjourn,
        "beslistermijn verdagen",
        false,
    ),
    bind(
        &[ch('B')],
        1,
        Action::Decide,
        "besluit op de aanvraag",
        false,
    ),
    bind(
        &[ch('b')],
        1,
        Action::Letter,
        "brief maken; op Brieven: verstuurd",
        false,
    ),
];

pub const TEAM_KEYS: &[Binding] = &[
    bind(
        &[ch('o'), key(KeyCode::Enter)],
        2,
        Action::OpenClient,
        "toon de klanten",
        true,
    ),
    bind(&[ch('w')], 1, Action::MemberWorklist, "toon het werk", true),
];

pub const OVERVIEW_KEYS: &[Binding] = &[
    bind(
        &[ch('o'), key(KeyCode::Enter)],
        2,
        Action::OpenClient,
        "openen: regels, dossier",
        true,
    ),
    bind(&[ch('w')], 1, Action::PeriodWeek, "week", true),
    bind(&[ch('m')], 1, Action::PeriodMonth, "maand", true),
    bind(&[ch('K')], 1, Action::PeriodQuarter, "kwartaal", true),
    bind(&[ch('J')], 1, Action::PeriodYear, "jaar", true),
    bind(
        &[ch('['), key(KeyCode::Left)],
        2,
        Action::PreviousPeriod,
        "vorige periode",
        true,
    ),
    bind(
        &[ch(']'), key(KeyCode::Right)],
        2,
        Action::NextPeriod,
        "volgende periode",
        true,
    ),
    bind(
        &[ch('t')],
        1,
        Action::ThisPeriod,
        "de periode van vandaag",
        false,
    ),
];

pub const WEEK_KEYS: &[Binding] = &[
    bind(
        &[ch('o'), key(KeyCode::Enter)],
        2,
        Action::OpenClient,
        "dossier",
        true,
    ),
    bind(
        &[ch('a')],
        1,
        Action::CloseItem,
        "werkitem afhandelen",
        true,
    ),
    bind(
        &[ch('u')],
        1,
        Action::PostponeItem,
        "werkitem uitstellen",
        false,
    ),
    bind(&[ch('/')], 1, Action::Search, "zoeken", false),
    bind(&[ch(']')], 1, Action::NextWeek, "volgende week", true),
    bind(&[ch('[')], 1, Action::PreviousWeek, "vorige week", true),
    bind(&[ch('t')], 1, Action::ThisWeek, "deze week", false),
];

pub const GLOBAL_KEYS: &[Binding] = &[
    bind(
        &[key(KeyCode::Tab)],
        1,
        Action::NextScreen,
        "volgend scherm",
        false,
    ),
    bind(&[ch('1')], 1, Action::Worklist, "werkvoorraad", false),
    bind(&[ch('2')], 1, Action::Caseload, "caseload", false),
    bind(&[ch('3')], 1, Action::Week, "week", false),
    bind(&[ch('4')], 1, Action::Overview, "overzicht", false),
    bind(&[ch('5')], 1, Action::Team, "team (momentopname)", false),
    bind(&[ch('?')], 1, Action::Help, "toetsen", true),
    bind(
        &[ch('>')],
        1,
        Action::PeekAhead,
        "vooruitkijken (bewaart niets)",
        false,
    ),
    // Ctrl-Z: matched in `action_for` (the table holds key codes only).
    bind(
        &[ctrl('z')],
        1,
        Action::Undo,
        "laatste wijziging ongedaan",
        false,
    ),
    // Ctrl-L: matched in `action_for` too.
    bind(
        &[ctrl('l')],
        1,
        Action::Refresh,
        "opnieuw inlezen en tekenen",
        false,
    ),
    bind(
        &[key(KeyCode::Esc)],
        1,
        Action::Back,
        "terug; wist zoeken en filters",
        false,
    ),
    bind(&[ch('q')], 1, Action::Quit, "stoppen", true),
];
