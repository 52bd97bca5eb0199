//! A short list to choose from, by arrow keys or by number. What is chosen is a
//! value of the flow's own type (a besluit, a letter kind, an aanvraag), never a
//! code parsed back from a string.

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};
use ratatui::Frame;

use super::Reply;
use crate::tui::chrome::centered;
use crate::tui::keymap::inner::{footer, inner_for, Inner, PICKER_KEYS};

/// One line of a picker: its words and, dimmed, what it asks next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub note: String,
}

impl Choice {
    pub fn new(label: impl Into<String>) -> Choice {
        Choice {
            label: label.into(),
            note: String::new(),
        }
    }

    pub fn with_note(label: impl Into<String>, note: impl Into<String>) -> Choice {
        Choice {
            label: label.into(),
            note: note.into(),
        }
    }
}

pub struct Picker {
    pub title: String,
    pub choices: Vec<Choice>,
    pub selected: usize,
    pub error: Option<String>,
    /// The picker is about the client in view (see `Popup::name_client`).
    pub about_client: bool,
    /// Lines above the choices: what the klantmanager needs at hand to choose
    /// (the number to call, the afspraak's day and time).
    pub intro: Vec<String>,
    /// What choosing line `i` leads to.
    chosen: Box<dyn Fn(usize) -> Reply>,
    /// What Esc leads to, where not the end of the flow (a step back).
    cancel: Option<Box<dyn Fn() -> Reply>>,
}

impl Picker {
    /// A picker of `options`, each a value and its line; `then` says what choosing
    /// one leads to.
    pub fn new<T: 'static>(
        title: impl Into<String>,
        options: Vec<(T, Choice)>,
        then: impl Fn(&T, &Choice) -> Reply + 'static,
    ) -> Picker {
        let (values, choices): (Vec<T>, Vec<Choice>) = options.into_iter().unzip();
        let lines = choices.clone();
        Picker {
            title: title.into(),
            choices,
            selected: 0,
            error: None,
            about_client: true,
            intro: Vec::new(),
            chosen: Box::new(move |i| match (values.get(i), lines.get(i)) {
                (Some(value), Some(choice)) => then(value, choice),
                _ => Reply::Stay,
            }),
            cancel: None,
        }
    }

    /// Esc goes back to what `back` gives instead of closing the flow.
    pub fn back(mut self, back: impl Fn() -> Reply + 'static) -> Picker {
        self.cancel = Some(Box::new(back));
        self
    }

    /// A picker about no one client (a new client's category).
    pub fn about_no_client(mut self) -> Picker {
        self.about_client = false;
        self
    }

    pub(super) fn handle_key(&mut self, key: KeyEvent) -> Reply {
        self.error = None;
        let len = self.choices.len();
        match inner_for(PICKER_KEYS, key) {
            Some(Inner::Cancel) => self.cancel.as_ref().map_or(Reply::Close, |back| back()),
            Some(Inner::Up) => {
                self.selected = self.selected.saturating_sub(1);
                Reply::Stay
            }
            Some(Inner::Down) => {
                self.selected = (self.selected + 1).min(len.saturating_sub(1));
                Reply::Stay
            }
            Some(Inner::Number) => {
                let index = match key.code {
                    crossterm::event::KeyCode::Char(c) => c as usize - '1' as usize,
                    _ => usize::MAX,
                };
                if index < len {
                    self.selected = index;
                    (self.chosen)(index)
                } else {
                    Reply::Stay
                }
            }
            Some(Inner::Choose) => (self.chosen)(self.selected),
            Some(Inner::Top) => {
                self.selected = 0;
                Reply::Stay
            }
            Some(Inner::Bottom) => {
                self.selected = len.saturating_sub(1);
                Reply::Stay
            }
            _ => Reply::Stay,
        }
    }

    pub(super) fn draw(&self, frame: &mut Frame) {
        let intro = self.intro.len() as u16;
        // A refusal is read whole: the picker grows by the lines it wraps onto.
        let error_lines = self.error.as_deref().map_or(1, super::field::wrapped_lines);
        let height = self.choices.len() as u16 + 2 + error_lines + intro + u16::from(intro > 0);
        // As wide as its title or longest choice asks (at least 66), within the
        // screen: who and what it is about are read whole.
        let widest = self
            .choices
            .iter()
            .map(|c| c.label.chars().count() + c.note.chars().count() + 8)
            .chain(std::iter::once(self.title.chars().count() + 4))
            .chain(self.intro.iter().map(|l| l.chars().count() + 2))
            .max()
            .unwrap_or(0);
        let width = (widest as u16).clamp(66, frame.area().width.saturating_sub(4).max(66));
        let area = centered(frame.area(), width, height);
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(footer(
                PICKER_KEYS,
                &[
                    (Inner::Choose, "of cijfer kiest"),
                    (Inner::Cancel, "annuleert"),
                ],
            ));
        let mut inner = block.inner(area);
        frame.render_widget(block, area);
        if intro > 0 {
            let lines: Vec<Line> = self.intro.iter().map(|l| Line::from(l.as_str())).collect();
            let shown = Rect {
                height: intro.min(inner.height),
                ..inner
            };
            frame.render_widget(Paragraph::new(lines), shown);
            let used = (intro + 1).min(inner.height);
            inner.y += used;
            inner.height -= used;
        }
        // Numbers right-aligned, so a list of ten or more keeps its labels in line.
        let digits = self.choices.len().to_string().len();
        let items: Vec<ListItem> = self
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut spans = vec![
                    Span::styled(format!("{:>digits$} ", i + 1), Style::new().bold()),
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
        // A list longer than the screen scrolls to keep the chosen line in sight.
        let mut state = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(List::new(items), inner, &mut state);
        if let Some(error) = &self.error {
            let lines = error_lines.min(inner.height);
            let bottom = Rect {
                y: inner.bottom().saturating_sub(lines),
                height: lines,
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Line::from(error.as_str()).red()).wrap(Wrap { trim: true }),
                bottom,
            );
        }
    }
}
