//! Popups sit on a stack above the screen and get the keys first. They never touch
//! the store: what the user asks for comes back as an `Intent` for the app to apply.

use chrono::{Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, Paragraph};
use ratatui::Frame;

use super::chrome::centered;
use super::form::{Field, FieldKind, Form, FormEvent, Value};
use crate::domain::catalog::{Outcome, Requirement};
use crate::domain::work_item::earliest_postpone;

/// A change the user asked for; the app applies it through the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    CloseItem {
        id: i64,
        outcome: String,
        note: Option<String>,
        new_date: Option<NaiveDate>,
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
}

/// What a form is for: it decides the intent its values make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    CloseWithReason { id: i64, outcome: String },
    CloseWithDate { id: i64, outcome: String },
    Postpone { id: i64 },
    FollowUp { client_id: i64 },
}

pub enum Popup {
    Help,
    Outcomes(OutcomePicker),
    Form(Form, Purpose),
}

/// What handling a key did to the popup stack.
pub enum Reply {
    Stay,
    /// Close this popup (Esc).
    Pop,
    /// Open another popup on top of this one.
    Push(Popup),
    Apply(Intent),
}

impl Popup {
    pub fn handle_key(&mut self, key: KeyEvent) -> Reply {
        match self {
            Popup::Help => match key.code {
                KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') => Reply::Pop,
                _ => Reply::Stay,
            },
            Popup::Outcomes(picker) => picker.handle_key(key),
            Popup::Form(form, purpose) => match form.handle_key(key) {
                FormEvent::Editing => Reply::Stay,
                FormEvent::Cancel => Reply::Pop,
                FormEvent::Submit(values) => Reply::Apply(purpose.intent(values)),
            },
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
            Popup::Outcomes(picker) => {
                picker.error = Some(message);
                true
            }
            Popup::Help => false,
        }
    }
}

impl Purpose {
    fn intent(&self, values: Vec<Value>) -> Intent {
        let text = |i: usize| match values.get(i) {
            Some(Value::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let date = |i: usize| match values.get(i) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        };
        match self {
            Purpose::CloseWithReason { id, outcome } => Intent::CloseItem {
                id: *id,
                outcome: outcome.clone(),
                note: Some(text(0)),
                new_date: None,
            },
            Purpose::CloseWithDate { id, outcome } => Intent::CloseItem {
                id: *id,
                outcome: outcome.clone(),
                note: None,
                new_date: date(0),
            },
            Purpose::Postpone { id } => Intent::PostponeItem {
                id: *id,
                to: date(0).unwrap_or_default(),
                reason: text(1),
            },
            Purpose::FollowUp { client_id } => Intent::AddFollowUp {
                client_id: *client_id,
                title: text(0),
                due: date(1).unwrap_or_default(),
            },
        }
    }
}

fn in_days(today: NaiveDate, days: u64) -> String {
    today
        .checked_add_days(Days::new(days))
        .unwrap_or(today)
        .to_string()
}

pub fn postpone_form(id: i64, title: &str, due: NaiveDate, today: NaiveDate) -> Popup {
    let earliest = earliest_postpone(due, today);
    let after = earliest.pred_opt().unwrap_or(earliest);
    Popup::Form(
        Form::new(
            format!("Uitstellen: {title}"),
            vec![
                Field::new(
                    "Nieuwe datum (JJJJ-MM-DD)",
                    FieldKind::DateAfter { after },
                    &in_days(earliest, 7),
                ),
                Field::new("Reden", FieldKind::Text, ""),
            ],
        ),
        Purpose::Postpone { id },
    )
}

pub fn follow_up_form(client_id: i64, client_name: &str, today: NaiveDate) -> Popup {
    Popup::Form(
        Form::new(
            format!("Vervolgactie voor {client_name}"),
            vec![
                Field::new("Wat moet er gebeuren?", FieldKind::Text, ""),
                Field::new(
                    "Wanneer (JJJJ-MM-DD)",
                    FieldKind::Date { not_before: today },
                    &in_days(today, 7),
                ),
            ],
        ),
        Purpose::FollowUp { client_id },
    )
}

/// The outcomes a work item's kind allows, and nothing else.
pub struct OutcomePicker {
    pub id: i64,
    pub title: String,
    pub outcomes: Vec<Outcome>,
    pub selected: usize,
    pub today: NaiveDate,
    pub error: Option<String>,
}

impl OutcomePicker {
    fn handle_key(&mut self, key: KeyEvent) -> Reply {
        self.error = None;
        let len = self.outcomes.len();
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
            KeyCode::Char(c) if c.is_ascii_digit() && c != '0' => {
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
        let Some(outcome) = self.outcomes.get(self.selected) else {
            return Reply::Stay;
        };
        let (id, code) = (self.id, outcome.code.clone());
        match outcome.requires {
            Requirement::None => Reply::Apply(Intent::CloseItem {
                id,
                outcome: code,
                note: None,
                new_date: None,
            }),
            Requirement::Reason => Reply::Push(Popup::Form(
                Form::new(
                    format!("{}: reden", outcome.name),
                    vec![Field::new("Reden", FieldKind::Text, "")],
                ),
                Purpose::CloseWithReason { id, outcome: code },
            )),
            Requirement::NewDate => Reply::Push(Popup::Form(
                Form::new(
                    format!("{}: nieuwe einddatum", outcome.name),
                    vec![Field::new(
                        "Nieuwe einddatum (JJJJ-MM-DD)",
                        FieldKind::DateAfter { after: self.today },
                        &in_days(self.today, 28),
                    )],
                ),
                Purpose::CloseWithDate { id, outcome: code },
            )),
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" Afhandelen: {} ", self.title))
            .title_bottom(" Enter of cijfer kiest · Esc annuleert ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let items: Vec<ListItem> = self
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let needs = match o.requires {
                    Requirement::None => "",
                    Requirement::Reason => "  (vraagt een reden)",
                    Requirement::NewDate => "  (vraagt een nieuwe einddatum)",
                };
                let line = Line::from(vec![
                    Span::styled(format!("{} ", i + 1), Style::new().bold()),
                    Span::raw(o.name.clone()),
                    Span::styled(needs, Style::new().dim()),
                ]);
                let item = ListItem::new(line);
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

pub fn draw(popup: &mut Popup, frame: &mut Frame, help: impl FnOnce(&mut Frame)) {
    match popup {
        Popup::Help => help(frame),
        Popup::Outcomes(picker) => {
            let height = picker.outcomes.len() as u16 + 3;
            let area = centered(frame.area(), 64, height);
            picker.draw(frame, area);
        }
        Popup::Form(form, _) => {
            let area = form.area(frame.area());
            form.draw(frame, area);
        }
    }
}
