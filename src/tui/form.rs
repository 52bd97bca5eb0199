//! Small forms in popups: single-line fields on `tui-textarea`, checked as the user
//! types, so that what is wrong is said before Enter, and nothing is saved half.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;
use tui_textarea::TextArea;

use super::chrome::centered;
use crate::domain::date::{dutch, parse_date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text that may not be empty.
    Text,
    /// A date not before `not_before`.
    Date { not_before: NaiveDate },
    /// A date after `after`.
    DateAfter { after: NaiveDate },
}

pub struct Field {
    pub label: &'static str,
    pub kind: FieldKind,
    input: TextArea<'static>,
}

/// The value of a field, once it is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Date(NaiveDate),
}

impl Field {
    pub fn new(label: &'static str, kind: FieldKind, initial: &str) -> Field {
        let mut input = TextArea::new(vec![initial.to_owned()]);
        input.move_cursor(tui_textarea::CursorMove::End);
        input.set_cursor_line_style(Style::new());
        Field { label, kind, input }
    }

    pub fn text(&self) -> String {
        self.input.lines().concat()
    }

    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// The value, or what is wrong with it in Dutch.
    pub fn value(&self) -> Result<Value, String> {
        let text = self.text();
        match self.kind {
            FieldKind::Text => {
                let trimmed = text.trim();
                if trimmed.is_empty() {
                    Err(format!("{} mag niet leeg zijn", self.label))
                } else {
                    Ok(Value::Text(trimmed.to_owned()))
                }
            }
            FieldKind::Date { not_before } => {
                let date = parse_date(&text).map_err(|e| e.to_string())?;
                if date < not_before {
                    Err(format!(
                        "de datum mag niet vóór {} liggen",
                        dutch(not_before)
                    ))
                } else {
                    Ok(Value::Date(date))
                }
            }
            FieldKind::DateAfter { after } => {
                let date = parse_date(&text).map_err(|e| e.to_string())?;
                if date <= after {
                    Err(format!("de datum moet na {} liggen", dutch(after)))
                } else {
                    Ok(Value::Date(date))
                }
            }
        }
    }
}

pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Enter was pressed: from now on blank fields say that they are required.
    tried: bool,
    /// A refusal from the store, shown until the next key.
    pub error: Option<String>,
}

pub enum FormEvent {
    Editing,
    Cancel,
    Submit(Vec<Value>),
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            tried: false,
            error: None,
        }
    }

    pub fn has_text(&self) -> bool {
        self.fields.iter().any(|f| !f.is_blank())
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> FormEvent {
        self.error = None;
        let count = self.fields.len();
        match key.code {
            KeyCode::Esc => FormEvent::Cancel,
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % count;
                FormEvent::Editing
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + count - 1) % count;
                FormEvent::Editing
            }
            KeyCode::Enter => {
                let values: Result<Vec<Value>, (usize, String)> = self
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| f.value().map_err(|e| (i, e)))
                    .collect();
                match values {
                    Ok(values) => FormEvent::Submit(values),
                    Err((index, _)) => {
                        // The field's own check line says what is wrong.
                        self.focus = index;
                        self.tried = true;
                        FormEvent::Editing
                    }
                }
            }
            _ => {
                self.fields[self.focus].input.input(key);
                FormEvent::Editing
            }
        }
    }

    /// Height the form needs: a label, the field and its check per field, plus the
    /// borders and the help line.
    pub fn height(&self) -> u16 {
        self.fields.len() as u16 * 3 + 4
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(" Enter bewaart · Tab volgend veld · Esc annuleert ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let mut constraints: Vec<Constraint> = self
            .fields
            .iter()
            .flat_map(|_| {
                [
                    Constraint::Length(1),
                    Constraint::Length(1),
                    Constraint::Length(1),
                ]
            })
            .collect();
        constraints.push(Constraint::Min(0));
        let rows = Layout::vertical(constraints).split(inner);
        for (i, field) in self.fields.iter_mut().enumerate() {
            let focused = i == self.focus;
            let label = Line::from(field.label).style(if focused {
                Style::new().bold()
            } else {
                Style::new()
            });
            frame.render_widget(Paragraph::new(label), rows[i * 3]);
            field.input.set_cursor_style(if focused {
                Style::new().reversed()
            } else {
                Style::new()
            });
            frame.render_widget(&field.input, rows[i * 3 + 1]);
            let check = match field.value() {
                Ok(Value::Date(date)) => Line::from(format!("✓ {}", dutch(date))).dim(),
                Ok(Value::Text(_)) => Line::default(),
                Err(_) if field.is_blank() && !self.tried => Line::default(),
                Err(message) => Line::from(message).red(),
            };
            frame.render_widget(Paragraph::new(check), rows[i * 3 + 2]);
        }
        if let Some(error) = &self.error {
            if let Some(last) = rows.last() {
                frame.render_widget(
                    Paragraph::new(Line::from(error.as_str()).red().bold())
                        .wrap(Wrap { trim: true }),
                    *last,
                );
            }
        }
    }

    pub fn area(&self, frame: Rect) -> Rect {
        centered(
            frame,
            64,
            self.height() + u16::from(self.error.is_some()) * 2,
        )
    }
}
