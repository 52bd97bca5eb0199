//! The app shell: which screen is up, what the user last did, and the one place
//! where keys turn into changes.

use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::caseload::CaseloadView;
use super::chrome;
use super::keymap::{action_for, Action, LIST_KEYS};
use super::Session;
use crate::domain::catalog::Catalog;
use crate::store::{Result, Store};

pub struct App {
    store: Store,
    session: Session,
    catalog: Catalog,
    caseload: CaseloadView,
    help: bool,
    message: Option<String>,
    quit: bool,
}

impl App {
    pub fn new(store: Store, session: Session) -> Result<App> {
        let mut app = App {
            catalog: store.catalog()?,
            store,
            session,
            caseload: CaseloadView::default(),
            help: false,
            message: None,
            quit: false,
        };
        app.refresh()?;
        Ok(app)
    }

    /// Rebuilds the rows from the store; called when data may have changed, never
    /// while drawing.
    pub fn refresh(&mut self) -> Result<()> {
        self.caseload.rows = self.store.client_summaries(self.session.today)?;
        Ok(())
    }

    /// The minute tick: pick up what other processes wrote.
    pub fn tick(&mut self) -> Result<()> {
        self.refresh()
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    pub fn selected_client(&self) -> Option<i64> {
        self.caseload.selected().map(|c| c.id)
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        let Some(action) = action_for(LIST_KEYS, key) else {
            return;
        };
        if self.help {
            if matches!(action, Action::Help | Action::Back | Action::Quit) {
                self.help = false;
            }
            return;
        }
        let len = self.caseload.rows.len();
        let page = self.caseload.list.page_size();
        let list = &mut self.caseload.list;
        match action {
            Action::Up => list.move_by(-1, len),
            Action::Down => list.move_by(1, len),
            Action::PageUp => list.move_by(-page, len),
            Action::PageDown => list.move_by(page, len),
            Action::First => list.move_by(isize::MIN, len),
            Action::Last => list.move_by(isize::MAX, len),
            Action::Help => self.help = true,
            Action::Back => {}
            Action::Quit => self.quit = true,
        }
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if chrome::too_small(area) {
            chrome::draw_too_small(frame);
            return;
        }
        let [title, body, status] = chrome::layout(area);
        let summary = format!(
            "{} klanten · {} niet in beeld",
            self.caseload.rows.len(),
            self.caseload.out_of_view()
        );
        chrome::draw_title(frame, title, "Caseload", &summary);
        self.caseload
            .draw(frame, body, &self.catalog, self.session.today);
        chrome::draw_status(
            frame,
            status,
            &self.session,
            self.message.as_deref(),
            LIST_KEYS,
        );
        if self.help {
            chrome::draw_help(frame, "Caseload", LIST_KEYS);
        }
    }
}
