//! Popups sit on a stack above the screen and get the keys first. They never touch
//! the store: what the user asks for comes back as an `Intent` for the app to apply.

use chrono::NaiveDate;

use crate::domain::letter::LetterKind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, Paragraph};
use ratatui::Frame;
use tui_textarea::TextArea;

use super::aanvragen::{self, AanvraagIntent, AanvraagPurpose};
use super::chrome::centered;
use super::form::{Field, FieldKind, Form, FormEvent, Value};
use super::handling::{self, Asks};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::{Catalog, Requirement, WorkItemKind};
use crate::domain::date::add_days;
use crate::domain::effects::{Decision, OutcomeEffect};
use crate::domain::handling::CloseRequest;
use crate::domain::lifecycle::ClientEdit;
use crate::domain::work_item::earliest_postpone;

/// A change the user asked for; the app applies it through the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Handle a work item (`item`) or close an activity early.
    Handle {
        id: i64,
        item: bool,
        request: CloseRequest,
    },
    PostponeItem {
        id: i64,
        to: NaiveDate,
        reason: String,
    },
    AddFollowUp {
        client_id: i64,
        title: String,
        due: NaiveDate,
    },
    AddActivity {
        client_id: i64,
        type_code: String,
        /// For a hersteltermijn: the aanvraag it belongs to, when the client has several.
        application: Option<i64>,
        title: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    ExtendActivity {
        id: i64,
        to: NaiveDate,
    },
    AddContact {
        client_id: i64,
        channel: String,
        date: NaiveDate,
        note: Option<String>,
    },
    AddNote {
        client_id: i64,
        text: String,
    },
    /// Make a letter about an activity.
    MakeLetter {
        activity: i64,
        kind: LetterKind,
    },
    /// The klantmanager confirms a letter was sent today.
    LetterSent {
        id: i64,
    },
    AddAppointment {
        client_id: i64,
        channel: String,
        title: String,
        date: NaiveDate,
        time: Option<String>,
    },
    AddGoal {
        client_id: i64,
        domain: String,
        text: String,
        deadline: NaiveDate,
    },
    SetEvaluation {
        client_id: i64,
        date: NaiveDate,
    },
    AddLadderStep {
        client_id: i64,
        step: i64,
        note: Option<String>,
    },
    AddSituation {
        client_id: i64,
        domain: String,
        score: i64,
        note: Option<String>,
    },
    AddClient {
        category: String,
        name: String,
        bsn: Option<String>,
        birth_date: Option<NaiveDate>,
        phone: Option<String>,
        email: Option<String>,
        /// The klantmanager saw the warning about a client with the same name and
        /// birth date, and registers anyway.
        confirmed: bool,
    },
    EditClient {
        client_id: i64,
        edit: ClientEdit,
    },
    ChangeCategory {
        client_id: i64,
        to: String,
        on: NaiveDate,
        reason: String,
    },
    EndClient {
        client_id: i64,
        reason: String,
        on: NaiveDate,
        settle: bool,
    },
    ReopenClient {
        client_id: i64,
    },
    MoveAppointment {
        id: i64,
        date: NaiveDate,
        time: Option<String>,
        channel: String,
    },
    ReopenItem {
        id: i64,
        reason: String,
    },
    CorrectNote {
        id: i64,
        text: String,
    },
    CorrectContact {
        id: i64,
        date: NaiveDate,
        channel: String,
        note: Option<String>,
    },
    /// Undo edit `id`, which the klantmanager confirmed.
    Undo {
        id: i64,
    },
    Aanvraag(AanvraagIntent),
    /// Write a handover bundle of these clients to `path`.
    Handover {
        ids: Vec<i64>,
        path: String,
        protection: crate::workflow::sealing::Protection,
    },
    /// End these clients in one edit, their open work lapsing (after a handover).
    EndClients {
        ids: Vec<i64>,
        on: NaiveDate,
        reason: String,
    },
    /// Show the werkvoorraad and the week as they will stand on `on`, storing
    /// nothing: not an edit.
    PeekAhead {
        on: NaiveDate,
    },
}

/// What a form is for: it decides the intent its values make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    PeekAhead,
    /// What an outcome asks, after it was chosen (see `handling`).
    Handle {
        id: i64,
        item: bool,
        outcome: String,
        asks: Asks,
        decision: Option<Decision>,
    },
    Postpone {
        id: i64,
    },
    FollowUp {
        client_id: i64,
    },
    Activity {
        client_id: i64,
        type_code: String,
        application: Option<i64>,
    },
    Extend {
        id: i64,
    },
    Contact {
        client_id: i64,
        channel: String,
    },
    Note {
        client_id: i64,
    },
    Appointment {
        client_id: i64,
        channel: String,
    },
    Goal {
        client_id: i64,
        domain: String,
    },
    Evaluation {
        client_id: i64,
    },
    Ladder {
        client_id: i64,
    },
    Situation {
        client_id: i64,
        domain: String,
    },
    NewClient {
        category: String,
        confirmed: bool,
    },
    EditClient {
        client_id: i64,
    },
    Category {
        client_id: i64,
        to: String,
    },
    EndClient {
        client_id: i64,
        reason: String,
        settle: bool,
    },
    MoveAppointment {
        id: i64,
    },
    ReopenItem {
        id: i64,
    },
    CorrectNote {
        id: i64,
    },
    CorrectContact {
        id: i64,
    },
    Aanvraag(AanvraagPurpose),
    Handover {
        ids: Vec<i64>,
    },
}

/// What choosing in a picker leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    ItemOutcome {
        id: i64,
    },
    /// Which besluit, for handling an item (`item`) or closing an activity.
    Decision {
        id: i64,
        item: bool,
        outcome: String,
    },
    ActivityOutcome {
        id: i64,
    },
    ActivityType {
        client_id: i64,
    },
    /// Which open aanvraag a hersteltermijn belongs to.
    Aanvraag {
        client_id: i64,
        type_code: String,
        label: String,
        days: i64,
    },
    Channel {
        client_id: i64,
    },
    AppointmentChannel {
        client_id: i64,
    },
    GoalDomain {
        client_id: i64,
        /// The deadline offered: the catalogue's length of a goal.
        deadline: NaiveDate,
    },
    SituationDomain {
        client_id: i64,
    },
    /// The category of a new client.
    NewClientCategory,
    /// Doorstroom: the new category.
    Category {
        client_id: i64,
    },
    /// Uitstroom: the reason; `open` lists what will lapse with it.
    EndReason {
        client_id: i64,
        open: Vec<String>,
    },
    /// A melding or an aanvraag, for a client without a birth date.
    ApplicationKind {
        client_id: i64,
        name: String,
    },
    /// The besluit on an aanvraag, recorded on the aanvraag itself.
    AanvraagDecision {
        id: i64,
    },
    /// Which letter to make about an activity.
    LetterKind {
        activity: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub code: String,
    pub label: String,
    /// What the choice asks for next, or a suggestion, shown dimmed.
    pub note: String,
    pub requires: Requirement,
    /// For activity types: the suggested length in days.
    pub days: i64,
    /// For activity types: a hersteltermijn, a term for the client, so the end is
    /// suggested on a working day and a closed day gets a warning.
    pub working_day_end: bool,
    /// For activity types: an afspraak (one day, a time and a channel).
    pub appointment: bool,
    /// For outcomes: what the outcome does (catalogue data).
    pub effect: Option<OutcomeEffect>,
}

pub enum Popup {
    /// The keys; `scroll` lines down where they do not fit the height.
    Help {
        scroll: u16,
    },
    /// A yes-or-no question before an edit that cannot be typed back (an undo).
    Confirm {
        title: String,
        lines: Vec<String>,
        intent: Intent,
    },
    Picker(Picker),
    Form(Form, Purpose),
    /// A search line that narrows the list as the user types.
    Search {
        input: Box<TextArea<'static>>,
        /// The search in force before, restored by Esc.
        before: String,
    },
}

/// What handling a key did to the popup stack.
pub enum Reply {
    Stay,
    /// Close this popup (Esc).
    Pop,
    /// Open another popup on top of this one.
    Push(Box<Popup>),
    Apply(Intent),
    /// Narrow the list to this text; `done` closes the search line.
    Search {
        text: String,
        done: bool,
    },
}

fn push(popup: Popup) -> Reply {
    Reply::Push(Box::new(popup))
}

impl Popup {
    pub fn handle_key(&mut self, key: KeyEvent) -> Reply {
        match self {
            Popup::Help { scroll } => {
                // Drawing keeps the scroll within what there is to see.
                *scroll = match key.code {
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') => return Reply::Pop,
                    KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1),
                    KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                    KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10),
                    KeyCode::PageUp => scroll.saturating_sub(10),
                    KeyCode::Char('g') | KeyCode::Home => 0,
                    KeyCode::Char('G') | KeyCode::End => u16::MAX,
                    _ => *scroll,
                };
                Reply::Stay
            }
            Popup::Picker(picker) => picker.handle_key(key),
            Popup::Confirm { intent, .. } => match key.code {
                KeyCode::Enter | KeyCode::Char('j' | 'J' | 'y') => Reply::Apply(intent.clone()),
                KeyCode::Esc | KeyCode::Char('n' | 'N' | 'q') => Reply::Pop,
                _ => Reply::Stay,
            },
            Popup::Form(form, purpose) => match form.handle_key(key) {
                FormEvent::Editing => Reply::Stay,
                FormEvent::Cancel => Reply::Pop,
                FormEvent::Submit(values) => match purpose.intent(&values) {
                    Ok(intent) => Reply::Apply(intent),
                    Err(message) => {
                        form.error = Some(message);
                        Reply::Stay
                    }
                },
            },
            Popup::Search { input, before } => match key.code {
                KeyCode::Esc => Reply::Search {
                    text: before.clone(),
                    done: true,
                },
                KeyCode::Enter => Reply::Search {
                    text: input.lines().concat(),
                    done: true,
                },
                _ => {
                    if key.modifiers.contains(KeyModifiers::CONTROL)
                        && key.code == KeyCode::Char('u')
                    {
                        input.select_all();
                        input.cut();
                    } else {
                        input.input(key);
                    }
                    Reply::Search {
                        text: input.lines().concat(),
                        done: false,
                    }
                }
            },
        }
    }

    /// Pasted text: into a form's field or the search line, as text. `None` when
    /// this popup takes no text (a picker, a question, the help).
    pub fn paste(&mut self, text: &str) -> Option<Reply> {
        match self {
            Popup::Form(form, _) => {
                form.paste(text);
                Some(Reply::Stay)
            }
            Popup::Search { input, .. } => {
                input.insert_str(text.replace(['\r', '\n', '\t'], " "));
                Some(Reply::Search {
                    text: input.lines().concat(),
                    done: false,
                })
            }
            Popup::Help { .. } | Popup::Picker(_) | Popup::Confirm { .. } => None,
        }
    }

    /// Gives a form the day its relative dates (`morgen`, `+2w`) count from.
    pub fn set_today(&mut self, today: NaiveDate, calendar: &LegalCalendar) {
        if let Popup::Form(form, _) = self {
            form.today = Some(today);
            if form.working_days.is_none() {
                form.working_days = Some(calendar.clone());
            }
        }
    }

    /// Puts the client the popup acts on in front of its title, where it is not
    /// there yet: a title cut off at the right is still about the right person.
    /// Popups about no one client (a new client, the help, a handover of several,
    /// an undo, looking ahead) are left as they are.
    pub fn name_client(&mut self, name: &str) {
        let title = match self {
            Popup::Form(form, purpose) => match purpose {
                Purpose::NewClient { .. } | Purpose::PeekAhead | Purpose::Handover { .. } => None,
                _ => Some(&mut form.title),
            },
            Popup::Picker(picker) => match picker.pick {
                Pick::NewClientCategory => None,
                _ => Some(&mut picker.title),
            },
            Popup::Confirm { title, intent, .. } => match intent {
                Intent::Undo { .. } | Intent::EndClients { .. } | Intent::Handover { .. } => None,
                _ => Some(title),
            },
            Popup::Help { .. } | Popup::Search { .. } => None,
        };
        if let Some(title) = title.filter(|t| !t.contains(name)) {
            *title = format!("{name} · {title}");
        }
    }

    pub fn search(current: &str) -> Popup {
        let mut input = TextArea::new(vec![current.to_owned()]);
        input.set_cursor_line_style(Style::new());
        // A kept search is selected: typing replaces it, an arrow key keeps it.
        if current.is_empty() {
            input.move_cursor(tui_textarea::CursorMove::End);
        } else {
            input.select_all();
        }
        Popup::Search {
            input: Box::new(input),
            before: current.to_owned(),
        }
    }

    /// A form with typed text would lose it on quit.
    pub fn has_unsaved_text(&self) -> bool {
        matches!(self, Popup::Form(form, _) if form.has_text())
    }

    /// Shows a refusal from the store in the popup that asked.
    pub fn show_error(&mut self, message: String) -> bool {
        match self {
            Popup::Form(form, _) => {
                form.error = Some(message);
                true
            }
            Popup::Picker(picker) => {
                picker.error = Some(message);
                true
            }
            Popup::Confirm { lines, .. } => {
                lines.push(message);
                true
            }
            Popup::Help { .. } | Popup::Search { .. } => false,
        }
    }
}

impl Purpose {
    /// The intent the form's values make. Every value read here was validated by its
    /// field; one that is missing is a fault of the form, said as one, never a
    /// default (a date of 1970, an empty title).
    fn intent(&self, values: &[Value]) -> Result<Intent, String> {
        let missing = |i: usize| format!("het formulier mist een waarde in veld {}", i + 1);
        let text = |i: usize| values.get(i).and_then(Value::text);
        let required = |i: usize| text(i).ok_or_else(|| missing(i));
        let date = |i: usize| {
            values
                .get(i)
                .and_then(Value::date)
                .ok_or_else(|| missing(i))
        };
        let number = |i: usize| {
            values
                .get(i)
                .and_then(Value::number)
                .ok_or_else(|| missing(i))
        };
        Ok(match self.clone() {
            Purpose::Handle {
                id,
                item,
                outcome,
                asks,
                decision,
            } => handling::intent(id, item, outcome, asks, decision, values),
            Purpose::Postpone { id } => Intent::PostponeItem {
                id,
                to: date(0)?,
                reason: required(1)?,
            },
            Purpose::FollowUp { client_id } => Intent::AddFollowUp {
                client_id,
                title: required(0)?,
                due: date(1)?,
            },
            Purpose::Activity {
                client_id,
                type_code,
                application,
            } => Intent::AddActivity {
                client_id,
                type_code,
                application,
                title: required(0)?,
                start: date(1)?,
                end: date(2)?,
            },
            Purpose::Extend { id } => Intent::ExtendActivity { id, to: date(0)? },
            Purpose::Contact { client_id, channel } => Intent::AddContact {
                client_id,
                channel,
                date: date(0)?,
                note: text(1),
            },
            Purpose::Note { client_id } => Intent::AddNote {
                client_id,
                text: required(0)?,
            },
            Purpose::Appointment { client_id, channel } => Intent::AddAppointment {
                client_id,
                channel,
                title: required(0)?,
                date: date(1)?,
                time: text(2),
            },
            Purpose::Goal { client_id, domain } => Intent::AddGoal {
                client_id,
                domain,
                text: required(0)?,
                deadline: date(1)?,
            },
            Purpose::Evaluation { client_id } => Intent::SetEvaluation {
                client_id,
                date: date(0)?,
            },
            Purpose::Ladder { client_id } => Intent::AddLadderStep {
                client_id,
                step: number(0)?,
                note: text(1),
            },
            Purpose::NewClient {
                category,
                confirmed,
            } => Intent::AddClient {
                category,
                name: required(0)?,
                birth_date: values.get(1).and_then(Value::date),
                bsn: text(2),
                phone: text(3),
                email: text(4),
                confirmed,
            },
            Purpose::EditClient { client_id } => Intent::EditClient {
                client_id,
                edit: ClientEdit {
                    name: text(0),
                    birth_date: Some(
                        values
                            .get(1)
                            .and_then(Value::date)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ),
                    bsn: Some(text(2).unwrap_or_default()),
                    phone: Some(text(3).unwrap_or_default()),
                    email: Some(text(4).unwrap_or_default()),
                    contact_preference: Some(text(5).unwrap_or_default()),
                },
            },
            Purpose::Category { client_id, to } => Intent::ChangeCategory {
                client_id,
                to,
                on: date(0)?,
                reason: required(1)?,
            },
            Purpose::EndClient {
                client_id,
                reason,
                settle,
            } => Intent::EndClient {
                client_id,
                reason,
                on: date(0)?,
                settle,
            },
            Purpose::MoveAppointment { id } => Intent::MoveAppointment {
                id,
                date: date(0)?,
                time: text(1),
                channel: required(2)?,
            },
            Purpose::ReopenItem { id } => Intent::ReopenItem {
                id,
                reason: required(0)?,
            },
            Purpose::CorrectNote { id } => Intent::CorrectNote {
                id,
                text: required(0)?,
            },
            Purpose::CorrectContact { id } => Intent::CorrectContact {
                id,
                date: date(0)?,
                channel: required(1)?,
                note: text(2),
            },
            Purpose::Aanvraag(purpose) => aanvragen::intent(&purpose, values)?,
            Purpose::Handover { ids } => Intent::Handover {
                ids,
                path: required(0)?,
                protection: crate::workflow::sealing::Protection::Passphrase(required(1)?),
            },
            Purpose::PeekAhead => Intent::PeekAhead { on: date(0)? },
            Purpose::Situation { client_id, domain } => Intent::AddSituation {
                client_id,
                domain,
                score: number(0)?,
                note: text(1),
            },
        })
    }
}

/// The day to look ahead to: from tomorrow on.
pub fn peek_form(today: NaiveDate, shown: Option<NaiveDate>) -> Popup {
    let tomorrow = add_days(today, 1);
    let mut form = Form::new(
        "Vooruitkijken — er wordt niets bewaard".to_owned(),
        vec![Field::new(
            "Naar welke dag?",
            FieldKind::Date {
                not_before: Some(tomorrow),
                not_after: None,
            },
            &shown
                .map_or_else(|| add_days(today, 7), |d| add_days(d, 7))
                .to_string(),
        )],
    );
    form.enter_does = "kijkt";
    Popup::Form(form, Purpose::PeekAhead)
}

/// Suggests a week on, on a working day.
pub fn postpone_form(
    id: i64,
    title: &str,
    due: NaiveDate,
    today: NaiveDate,
    calendar: &LegalCalendar,
) -> Popup {
    let earliest = earliest_postpone(due, today);
    let suggested = calendar.next_working_day(add_days(earliest, 7));
    Popup::Form(
        Form::new(
            format!("Uitstellen: {title}"),
            vec![
                Field::new(
                    "Nieuwe datum",
                    FieldKind::Date {
                        not_before: Some(earliest),
                        not_after: None,
                    },
                    &suggested.to_string(),
                )
                .deadline(),
                Field::new("Reden", FieldKind::Text, ""),
            ],
        ),
        Purpose::Postpone { id },
    )
}

/// Suggests a week on, on a working day.
pub fn follow_up_form(
    client_id: i64,
    client_name: &str,
    today: NaiveDate,
    calendar: &LegalCalendar,
) -> Popup {
    let suggested = calendar.next_working_day(add_days(today, 7));
    Popup::Form(
        Form::new(
            format!("Vervolgactie voor {client_name}"),
            vec![
                Field::new("Wat moet er gebeuren?", FieldKind::Text, ""),
                Field::new(
                    "Wanneer",
                    FieldKind::Date {
                        not_before: Some(today),
                        not_after: None,
                    },
                    &suggested.to_string(),
                )
                .deadline(),
            ],
        ),
        Purpose::FollowUp { client_id },
    )
}

pub fn extend_form(id: i64, title: &str, start: NaiveDate, end: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Einddatum verschuiven: {title}"),
            vec![Field::new(
                "Nieuwe einddatum",
                FieldKind::Date {
                    not_before: Some(start),
                    not_after: None,
                },
                &add_days(end, 28).to_string(),
            )
            .deadline()],
        ),
        Purpose::Extend { id },
    )
}

pub fn note_form(client_id: i64, client_name: &str) -> Popup {
    Popup::Form(
        Form::new(
            format!("Notitie voor {client_name}"),
            vec![Field::new("Notitie", FieldKind::Multiline, "")],
        ),
        Purpose::Note { client_id },
    )
}

/// The outcomes a work item's kind allows, and nothing else; `hints` are what
/// their forms suggest.
pub fn item_outcomes(
    catalog: &Catalog,
    id: i64,
    kind: &str,
    title: &str,
    today: NaiveDate,
    hints: handling::Hints,
) -> Popup {
    let mut picker = Picker::new(
        format!("Afhandelen: {title}"),
        outcome_choices(catalog, catalog.kind(kind).ok(), true),
        Pick::ItemOutcome { id },
        today,
    );
    picker.hints = hints;
    Popup::Picker(picker)
}

/// The outcomes that may close an activity early (an extension has its own key).
pub fn activity_outcomes(
    catalog: &Catalog,
    id: i64,
    type_code: &str,
    title: &str,
    today: NaiveDate,
) -> Popup {
    let kind = catalog
        .activity_type(type_code)
        .and_then(|t| catalog.kind(&t.expiry_kind))
        .ok();
    Popup::Picker(Picker::new(
        format!("Afsluiten: {title}"),
        outcome_choices(catalog, kind, false),
        Pick::ActivityOutcome { id },
        today,
    ))
}

fn outcome_choices(
    catalog: &Catalog,
    kind: Option<&WorkItemKind>,
    with_extension: bool,
) -> Vec<Choice> {
    let Some(kind) = kind else {
        return Vec::new();
    };
    kind.outcomes
        .iter()
        .filter_map(|code| catalog.outcome(code).ok())
        .filter(|o| with_extension || o.requires != Requirement::NewDate)
        // What the program gives by itself (uitstroom, a lapsed reminder, what the
        // besluit or a category change ended) is never chosen by hand.
        .filter(|o| kind.effect_of(&o.code).is_none_or(OutcomeEffect::by_hand))
        .map(|o| {
            let effect = kind.effect_of(&o.code);
            Choice {
                code: o.code.clone(),
                label: o.name.clone(),
                note: match (effect, o.requires) {
                    (Some(OutcomeEffect::Decision), _) => "vraagt het besluit".to_owned(),
                    (Some(OutcomeEffect::NotReached), _) => {
                        "vraagt de volgende poging en een reden".to_owned()
                    }
                    (Some(OutcomeEffect::NoShow), _) => "vraagt een nieuwe afspraak".to_owned(),
                    (_, Requirement::None) => String::new(),
                    (_, Requirement::Reason) => "vraagt een reden".to_owned(),
                    (_, Requirement::NewDate) => "vraagt een nieuwe einddatum".to_owned(),
                },
                requires: o.requires,
                days: 0,
                working_day_end: false,
                appointment: false,
                effect,
            }
        })
        .collect()
}

/// The form for a new activity: title, start and end, the end suggested from the
/// type's length (on a working day when a calendar is given).
fn activity_form(
    client_id: i64,
    type_code: String,
    label: &str,
    days: i64,
    calendar: Option<LegalCalendar>,
    today: NaiveDate,
    application: Option<i64>,
) -> Popup {
    let suggested = add_days(today, days);
    let end = calendar
        .as_ref()
        .map_or(suggested, |c| c.next_working_day(suggested));
    let mut form = Form::new(
        format!("Nieuwe activiteit: {label}"),
        vec![
            Field::new("Titel", FieldKind::Text, label),
            Field::date("Startdatum", today),
            Field::new("Einddatum", FieldKind::EndOf { start: 1 }, &end.to_string()).deadline(),
        ],
    );
    form.calendar = calendar;
    Popup::Form(
        form,
        Purpose::Activity {
            client_id,
            type_code,
            application,
        },
    )
}

/// Only the activity types the client's category allows (few, fitting choices).
pub fn activity_types(
    catalog: &Catalog,
    calendar: &LegalCalendar,
    client_id: i64,
    category: &str,
    aanvragen: Vec<(i64, String)>,
    today: NaiveDate,
) -> Popup {
    let choices = catalog
        .types_for_category(category)
        .into_iter()
        .map(|t| Choice {
            code: t.code.clone(),
            label: t.name.clone(),
            note: match t.default_days {
                0 => "één dag".to_owned(),
                days => format!("standaard {days} dagen"),
            },
            requires: Requirement::None,
            days: t.default_days,
            working_day_end: t.code == crate::domain::aanvraag::HERSTELTERMIJN,
            appointment: t.reminder_days.is_some(),
            effect: None,
        })
        .collect();
    let mut picker = Picker::new(
        format!("Nieuwe activiteit ({})", catalog.category_name(category)),
        choices,
        Pick::ActivityType { client_id },
        today,
    );
    picker.calendar = Some(calendar.clone());
    picker.catalog_channels = channel_pairs(catalog);
    picker.aanvragen = aanvragen;
    Popup::Picker(picker)
}

pub(super) fn simple_choices(pairs: &[(String, String)]) -> Vec<Choice> {
    pairs
        .iter()
        .map(|(code, label)| Choice {
            code: code.clone(),
            label: label.clone(),
            note: String::new(),
            requires: Requirement::None,
            days: 0,
            working_day_end: false,
            appointment: false,
            effect: None,
        })
        .collect()
}

fn channels_picker(channels: Vec<(String, String)>, pick: Pick, today: NaiveDate) -> Picker {
    let mut picker = Picker::new(
        "Contactmoment: kanaal".to_owned(),
        simple_choices(&channels),
        pick,
        today,
    );
    picker.catalog_channels = channels;
    picker
}

pub(super) fn channel_pairs(catalog: &Catalog) -> Vec<(String, String)> {
    catalog
        .channels
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect()
}

pub fn channels(catalog: &Catalog, client_id: i64, today: NaiveDate) -> Popup {
    Popup::Picker(channels_picker(
        channel_pairs(catalog),
        Pick::Channel { client_id },
        today,
    ))
}

/// The life domains, for a goal or for an assessment.
pub fn domains(domains: &[(String, String)], pick: Pick, today: NaiveDate) -> Popup {
    let title = match pick {
        Pick::GoalDomain { .. } => "Nieuw doel: leefgebied",
        _ => "Situatie: leefgebied",
    };
    Popup::Picker(Picker::new(
        title.to_owned(),
        simple_choices(domains),
        pick,
        today,
    ))
}

pub fn evaluation_form(client_id: i64, suggested: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            "Evaluatie van het plan van aanpak",
            vec![Field::date("Evaluatiedatum", suggested).deadline()],
        ),
        Purpose::Evaluation { client_id },
    )
}

pub fn ladder_form(client_id: i64, current: Option<i64>) -> Popup {
    Popup::Form(
        Form::new(
            "Participatieladder",
            vec![
                Field::new(
                    "Trede (1 geïsoleerd … 6 betaald werk)",
                    FieldKind::Number { min: 1, max: 6 },
                    &current.map(|s| s.to_string()).unwrap_or_default(),
                ),
                Field::new("Toelichting (mag leeg)", FieldKind::OptionalText, ""),
            ],
        ),
        Purpose::Ladder { client_id },
    )
}

/// A short list to choose from, by arrow keys or by number.
pub struct Picker {
    pub title: String,
    pub choices: Vec<Choice>,
    pub selected: usize,
    pub pick: Pick,
    pub today: NaiveDate,
    /// The Atw calendar, for suggesting and checking a hersteltermijn's end.
    pub calendar: Option<LegalCalendar>,
    /// The channels, for an afspraak chosen as activity type.
    pub catalog_channels: Vec<(String, String)>,
    /// The client's open aanvragen (id, label): a hersteltermijn belongs to one, and
    /// with several the klantmanager chooses.
    pub aanvragen: Vec<(i64, String)>,
    /// For an outcome: what its form suggests about the client.
    pub hints: handling::Hints,
    pub error: Option<String>,
}

impl Picker {
    pub(super) fn new(title: String, choices: Vec<Choice>, pick: Pick, today: NaiveDate) -> Picker {
        Picker {
            title,
            choices,
            selected: 0,
            pick,
            today,
            calendar: None,
            catalog_channels: Vec::new(),
            aanvragen: Vec::new(),
            hints: handling::Hints::default(),
            error: None,
        }
    }

    fn handle_key(&mut self, key: KeyEvent) -> Reply {
        self.error = None;
        let len = self.choices.len();
        match key.code {
            KeyCode::Esc => Reply::Pop,
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.saturating_sub(1);
                Reply::Stay
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(len.saturating_sub(1));
                Reply::Stay
            }
            KeyCode::Char(c @ '1'..='9') => {
                let index = c as usize - '1' as usize;
                if index < len {
                    self.selected = index;
                    self.choose()
                } else {
                    Reply::Stay
                }
            }
            KeyCode::Enter => self.choose(),
            _ => Reply::Stay,
        }
    }

    fn choose(&self) -> Reply {
        let Some(choice) = self.choices.get(self.selected) else {
            return Reply::Stay;
        };
        let code = choice.code.clone();
        match (&self.pick, choice.requires) {
            (Pick::ItemOutcome { id } | Pick::ActivityOutcome { id }, _)
                if choice.effect == Some(OutcomeEffect::Decision) =>
            {
                let item = matches!(self.pick, Pick::ItemOutcome { .. });
                push(aanvragen::decisions(
                    Pick::Decision {
                        id: *id,
                        item,
                        outcome: code,
                    },
                    self.today,
                ))
            }
            // A code that is no besluit records nothing (the picker offers only
            // besluiten): never a besluit it did not name.
            (Pick::Decision { id, item, outcome }, _) => match Decision::parse(&code) {
                Ok(decision) => push(handling::form(
                    *id,
                    *item,
                    outcome.clone(),
                    &choice.label,
                    Asks::MadeKnown,
                    false,
                    Some(decision),
                    self.today,
                    &self.hints,
                )),
                Err(_) => Reply::Stay,
            },
            (Pick::ItemOutcome { id } | Pick::ActivityOutcome { id }, requires) => {
                push(handling::form(
                    *id,
                    matches!(self.pick, Pick::ItemOutcome { .. }),
                    code,
                    &choice.label,
                    Asks::of(choice.effect, requires, &self.hints),
                    requires == Requirement::Reason,
                    None,
                    self.today,
                    &self.hints,
                ))
            }
            (Pick::ActivityType { client_id }, _) if choice.appointment => {
                let mut picker = channels_picker(
                    self.catalog_channels.clone(),
                    Pick::AppointmentChannel {
                        client_id: *client_id,
                    },
                    self.today,
                );
                picker.title = "Afspraak: kanaal".to_owned();
                picker.hints = self.hints.clone();
                push(Popup::Picker(picker))
            }
            (Pick::AppointmentChannel { client_id }, _) => {
                let mut form = Form::new(
                    format!("Afspraak: {}", choice.label),
                    vec![
                        Field::new("Onderwerp", FieldKind::Text, "Voortgangsgesprek"),
                        Field::new(
                            "Datum",
                            FieldKind::Date {
                                not_before: Some(self.today),
                                not_after: None,
                            },
                            &add_days(self.today, 7).to_string(),
                        )
                        .deadline(),
                        Field::new("Tijd (mag leeg)", FieldKind::OptionalTime, ""),
                    ],
                );
                // A double booking is warned about under the time, before saving.
                form.busy = self.hints.busy.clone();
                push(Popup::Form(
                    form,
                    Purpose::Appointment {
                        client_id: *client_id,
                        channel: code,
                    },
                ))
            }
            (
                Pick::GoalDomain {
                    client_id,
                    deadline,
                },
                _,
            ) => push(Popup::Form(
                Form::new(
                    format!("Doel ({})", choice.label),
                    vec![
                        Field::new("Doel", FieldKind::Text, ""),
                        Field::new(
                            "Deadline",
                            FieldKind::Date {
                                not_before: Some(self.today),
                                not_after: None,
                            },
                            &deadline.to_string(),
                        )
                        .deadline(),
                    ],
                ),
                Purpose::Goal {
                    client_id: *client_id,
                    domain: code,
                },
            )),
            (Pick::SituationDomain { client_id }, _) => push(Popup::Form(
                Form::new(
                    format!("Situatie: {}", choice.label),
                    vec![
                        Field::new(
                            "Score (1 grote zorgen … 5 op orde)",
                            FieldKind::Number { min: 1, max: 5 },
                            "",
                        ),
                        Field::new("Toelichting (mag leeg)", FieldKind::OptionalText, ""),
                    ],
                ),
                Purpose::Situation {
                    client_id: *client_id,
                    domain: code,
                },
            )),
            (Pick::ActivityType { client_id }, _)
                if choice.working_day_end && self.aanvragen.len() > 1 =>
            {
                let pairs: Vec<(String, String)> = self
                    .aanvragen
                    .iter()
                    .map(|(id, label)| (id.to_string(), label.clone()))
                    .collect();
                let choices = simple_choices(&pairs);
                let mut picker = Picker::new(
                    "Hersteltermijn: bij welke aanvraag?".to_owned(),
                    choices,
                    Pick::Aanvraag {
                        client_id: *client_id,
                        type_code: code,
                        label: choice.label.clone(),
                        days: choice.days,
                    },
                    self.today,
                );
                picker.calendar = self.calendar.clone();
                push(Popup::Picker(picker))
            }
            (
                Pick::Aanvraag {
                    client_id,
                    type_code,
                    label,
                    days,
                },
                _,
            ) => push(activity_form(
                *client_id,
                type_code.clone(),
                label,
                *days,
                self.calendar.clone(),
                self.today,
                code.parse().ok(),
            )),
            (Pick::ActivityType { client_id }, _) => push(activity_form(
                *client_id,
                code,
                &choice.label,
                choice.days,
                self.calendar.clone().filter(|_| choice.working_day_end),
                self.today,
                None,
            )),
            (Pick::ApplicationKind { client_id, name }, _) => push(aanvragen::application_form(
                *client_id,
                name,
                code == "melding",
                None,
                self.today,
            )),
            (Pick::AanvraagDecision { id }, _) => match Decision::parse(&code) {
                Ok(decision) => push(aanvragen::decide_form(*id, decision, self.today)),
                Err(_) => Reply::Stay,
            },
            (Pick::LetterKind { activity }, _) => match LetterKind::from_code(&code) {
                Ok(kind) => Reply::Apply(Intent::MakeLetter {
                    activity: *activity,
                    kind,
                }),
                Err(_) => Reply::Stay,
            },
            (Pick::NewClientCategory, _) => push(super::corrections::new_client_form(
                &code,
                &choice.label,
                self.today,
            )),
            (Pick::Category { client_id }, _) => push(super::corrections::category_form(
                *client_id,
                &code,
                &choice.label,
                self.today,
            )),
            (Pick::EndReason { client_id, open }, _) => push(super::corrections::end_form(
                *client_id,
                &code,
                &choice.label,
                open,
                self.today,
            )),
            (Pick::Channel { client_id }, _) => push(Popup::Form(
                Form::new(
                    format!("Contactmoment: {}", choice.label),
                    vec![
                        Field::new(
                            "Datum",
                            FieldKind::Date {
                                not_before: None,
                                not_after: Some(self.today),
                            },
                            &self.today.to_string(),
                        ),
                        Field::new(
                            "Wat is er besproken? (mag leeg)",
                            FieldKind::OptionalText,
                            "",
                        ),
                    ],
                ),
                Purpose::Contact {
                    client_id: *client_id,
                    channel: code,
                },
            )),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(" Enter of cijfer kiest · Esc annuleert ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let items: Vec<ListItem> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut spans = vec![
                    Span::styled(format!("{} ", i + 1), Style::new().bold()),
                    Span::raw(c.label.clone()),
                ];
                if !c.note.is_empty() {
                    spans.push(Span::styled(format!("  ({})", c.note), Style::new().dim()));
                }
                let item = ListItem::new(Line::from(spans));
                if i == self.selected {
                    item.style(Style::new().reversed())
                } else {
                    item
                }
            })
            .collect();
        frame.render_widget(List::new(items), inner);
        if let Some(error) = &self.error {
            let bottom = Rect {
                y: inner.bottom().saturating_sub(1),
                height: 1.min(inner.height),
                ..inner
            };
            frame.render_widget(Paragraph::new(Line::from(error.as_str()).red()), bottom);
        }
    }
}

pub fn draw(popup: &mut Popup, frame: &mut Frame, help: impl FnOnce(&mut Frame, &mut u16)) {
    match popup {
        Popup::Help { scroll } => help(frame, scroll),
        Popup::Confirm { title, lines, .. } => {
            super::corrections::draw_confirm(frame, title, lines);
        }
        Popup::Picker(picker) => {
            let height = picker.choices.len() as u16 + 3;
            let area = centered(frame.area(), 66, height);
            picker.draw(frame, area);
        }
        Popup::Form(form, _) => {
            let area = form.area(frame.area());
            form.draw(frame, area);
        }
        Popup::Search { input, .. } => {
            // Just above the status line, over the bottom of the list.
            let full = frame.area();
            let area = Rect {
                x: full.x,
                y: full.bottom().saturating_sub(4),
                width: full.width,
                height: 3.min(full.height),
            };
            frame.render_widget(Clear, area);
            let block = Block::bordered()
                .title(" Zoeken ")
                .title_bottom(" Enter houdt vast · Esc herstelt ");
            let inner = block.inner(area);
            frame.render_widget(block, area);
            input.set_cursor_style(Style::new().reversed());
            frame.render_widget(&**input, inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_the_form_lacks_is_a_message_never_a_default() {
        let to: NaiveDate = "2026-12-01".parse().unwrap();
        let postpone = Purpose::Postpone { id: 7 };
        assert!(matches!(
            postpone.intent(&[Value::Date(to), Value::Text("ziek".into())]),
            Ok(Intent::PostponeItem { id: 7, to: t, reason }) if t == to && reason == "ziek"
        ));
        // No date of 1970 and no empty reason when a value is missing.
        let err = postpone.intent(&[]).unwrap_err();
        assert!(err.contains("mist een waarde in veld 1"), "{err}");
        let err = postpone.intent(&[Value::Date(to)]).unwrap_err();
        assert!(err.contains("veld 2"), "{err}");
        let herstel = Purpose::Aanvraag(AanvraagPurpose::Herstel { id: 3 });
        assert!(herstel
            .intent(&[Value::Text("Loonstroken".into())])
            .is_err());
    }
}
