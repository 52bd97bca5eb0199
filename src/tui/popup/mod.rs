//! Popups sit on a stack above the screen and get the keys first. They never touch
//! the store: what the user asks for comes back as an `Intent` for the app to
//! apply. Which popup follows which is the flows' (`tui/flow`); this is the stack.

mod confirm;
pub mod field;
pub mod form;
pub mod picker;

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::widgets::{Block, Clear};
use ratatui::Frame;
use tui_textarea::TextArea;

pub use field::{Field, FieldKind};
pub use form::{Form, FormEvent, Values};
pub use picker::{Choice, Picker};

use super::intent::{Intent, Question};
use super::keymap::inner::{footer, inner_for, Inner, HELP_KEYS, SEARCH_KEYS};
use crate::domain::calendar::LegalCalendar;

/// What a form's values lead to (an intent to apply, or the next popup of the
/// flow), or what is wrong in Dutch.
pub type Submit = Box<dyn Fn(&Values) -> Result<Reply, String>>;

pub use crate::tui::help::{help_found, HelpAction, HelpSearch};

pub enum Popup {
    /// The keys; `scroll` lines down where they do not fit the height. Typing
    /// searches the actions, Enter runs the one chosen.
    Help {
        scroll: u16,
        search: HelpSearch,
        actions: Vec<HelpAction>,
    },
    /// A yes-or-no question before an edit that cannot be typed back (an undo).
    Confirm(Question),
    Picker(Picker),
    Form(Form, Submit),
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
    /// Close this popup (the help).
    Pop,
    /// Close the flow: every popup on the stack (Esc in a picker, form or
    /// question: one Esc cancels the whole chain).
    Close,
    /// Open another popup on top of this one.
    Push(Box<Popup>),
    /// Put another popup in this one's place (a flow's next step that needs no way
    /// back to this one).
    Replace(Box<Popup>),
    Apply(Intent),
    /// Close the help and do what this key of the screen does.
    Run(crate::tui::keymap::Action),
    /// Narrow the list to this text; `done` closes the search line.
    Search {
        text: String,
        done: bool,
    },
}

/// Opens `popup` on top of the one that asked.
pub fn push(popup: Popup) -> Reply {
    Reply::Push(Box::new(popup))
}

/// Puts `popup` in the place of the one that asked.
pub fn replace(popup: Popup) -> Reply {
    Reply::Replace(Box::new(popup))
}

/// A form and what its values make.
pub fn form(form: Form, submit: impl Fn(&Values) -> Result<Intent, String> + 'static) -> Popup {
    Popup::Form(
        form,
        Box::new(move |values| submit(values).map(Reply::Apply)),
    )
}

/// A form whose values may lead to another popup instead of an edit.
pub fn form_then(form: Form, submit: impl Fn(&Values) -> Result<Reply, String> + 'static) -> Popup {
    Popup::Form(form, Box::new(submit))
}

/// A key in the help while it searches, or one that starts a search (a character
/// that is none of the help's own keys). `None`: the help's own key.
fn help_search(search: &mut HelpSearch, actions: &[HelpAction], key: KeyEvent) -> Option<Reply> {
    use crossterm::event::{KeyCode, KeyModifiers};
    let typing =
        matches!(key.code, KeyCode::Char(_)) && !key.modifiers.contains(KeyModifiers::CONTROL);
    if search.text.is_empty() && (!typing || inner_for(HELP_KEYS, key).is_some()) {
        return None;
    }
    let found = help_found(actions, &search.text).len();
    match key.code {
        KeyCode::Char(c) if typing => {
            search.text.push(c);
            search.selected = 0;
        }
        KeyCode::Backspace => {
            search.text.pop();
            search.selected = 0;
        }
        KeyCode::Down => search.selected = (search.selected + 1).min(found.saturating_sub(1)),
        KeyCode::Up => search.selected = search.selected.saturating_sub(1),
        KeyCode::Enter => {
            let chosen = help_found(actions, &search.text)
                .get(search.selected)
                .map(|a| a.action);
            return Some(chosen.map_or(Reply::Stay, Reply::Run));
        }
        // Esc clears the search; the next one closes the help.
        KeyCode::Esc => *search = HelpSearch::default(),
        _ => {}
    }
    Some(Reply::Stay)
}

impl Popup {
    pub fn handle_key(&mut self, key: KeyEvent) -> Reply {
        match self {
            Popup::Help {
                scroll,
                search,
                actions,
            } => {
                if let Some(reply) = help_search(search, actions, key) {
                    return reply;
                }
                // Drawing keeps the scroll within what there is to see.
                *scroll = match inner_for(HELP_KEYS, key) {
                    Some(Inner::Cancel) => return Reply::Pop,
                    Some(Inner::Down) => scroll.saturating_add(1),
                    Some(Inner::Up) => scroll.saturating_sub(1),
                    Some(Inner::PageDown) => scroll.saturating_add(10),
                    Some(Inner::PageUp) => scroll.saturating_sub(10),
                    Some(Inner::Top) => 0,
                    Some(Inner::Bottom) => u16::MAX,
                    _ => *scroll,
                };
                Reply::Stay
            }
            Popup::Picker(picker) => picker.handle_key(key),
            Popup::Confirm(question) => confirm::handle_key(question, key),
            Popup::Form(form, submit) => match form.handle_key(key) {
                FormEvent::Editing => Reply::Stay,
                FormEvent::Cancel => Reply::Close,
                FormEvent::Submit(values) => match submit(&values) {
                    Ok(reply) => reply,
                    Err(message) => {
                        form.error = Some(message);
                        Reply::Stay
                    }
                },
            },
            Popup::Search { input, before } => match inner_for(SEARCH_KEYS, key) {
                Some(Inner::Cancel) => Reply::Search {
                    text: before.clone(),
                    done: true,
                },
                Some(Inner::Choose) => Reply::Search {
                    text: input.lines().concat(),
                    done: true,
                },
                found => {
                    if found == Some(Inner::Clear) {
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
            Popup::Help { .. } | Popup::Picker(_) | Popup::Confirm(_) => None,
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
            Popup::Form(form, _) => Some(&mut form.title).filter(|_| form.about_client),
            Popup::Picker(picker) => Some(&mut picker.title).filter(|_| picker.about_client),
            Popup::Confirm(question) => Some(&mut question.title).filter(|_| question.about_client),
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
            Popup::Confirm(question) => {
                question.lines.push(message);
                true
            }
            Popup::Help { .. } | Popup::Search { .. } => false,
        }
    }

    /// Shows a warning in the form that asked; its next Enter goes ahead.
    pub fn warn(&mut self, message: String) -> bool {
        match self {
            Popup::Form(form, _) => {
                form.warned = true;
                form.error = Some(message);
                true
            }
            _ => self.show_error(message),
        }
    }
}

pub fn draw(
    popup: &mut Popup,
    frame: &mut Frame,
    help: impl FnOnce(&mut Frame, &mut u16, &HelpSearch, &[HelpAction]),
) {
    match popup {
        Popup::Help {
            scroll,
            search,
            actions,
        } => help(frame, scroll, search, actions),
        Popup::Confirm(question) => confirm::draw(question, frame),
        Popup::Picker(picker) => picker.draw(frame),
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
            let block = Block::bordered().title(" Zoeken ").title_bottom(footer(
                SEARCH_KEYS,
                &[(Inner::Choose, "houdt vast"), (Inner::Cancel, "herstelt")],
            ));
            let inner = block.inner(area);
            frame.render_widget(block, area);
            input.set_cursor_style(Style::new().reversed());
            frame.render_widget(&**input, inner);
        }
    }
}
