//! The app shell: which screen is up, the popup stack, and the one place where
//! intents become changes in the store.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::caseload::CaseloadView;
use super::chrome;
use super::keymap::{
    action_for, Action, Binding, CASELOAD_KEYS, GLOBAL_KEYS, LIST_KEYS, WORKLIST_KEYS,
};
use super::popup::{self, Intent, OutcomePicker, Popup, Reply};
use super::worklist::{Group, WorklistView};
use super::Session;
use crate::domain::catalog::Catalog;
use crate::engine;
use crate::store::{Result, Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Worklist,
    Caseload,
}

impl Screen {
    fn title(self) -> &'static str {
        match self {
            Screen::Worklist => "Werkvoorraad",
            Screen::Caseload => "Caseload",
        }
    }

    fn keys(self) -> &'static [Binding] {
        match self {
            Screen::Worklist => WORKLIST_KEYS,
            Screen::Caseload => CASELOAD_KEYS,
        }
    }
}

pub struct App {
    store: Store,
    session: Session,
    catalog: Catalog,
    screen: Screen,
    worklist: WorklistView,
    caseload: CaseloadView,
    popups: Vec<Popup>,
    message: Option<String>,
    /// Ctrl-C was pressed once while a form held text: the next one quits.
    quit_armed: bool,
    quit: bool,
}

impl App {
    /// Opens the cockpit on `store`: the sweep runs first, so the werkvoorraad shows
    /// what today's date has raised.
    pub fn new(store: Store, session: Session) -> Result<App> {
        let mut app = App {
            catalog: store.catalog()?,
            store,
            session,
            screen: Screen::Worklist,
            worklist: WorklistView::default(),
            caseload: CaseloadView::default(),
            popups: Vec::new(),
            message: None,
            quit_armed: false,
            quit: false,
        };
        app.sweep_and_refresh()?;
        Ok(app)
    }

    fn sweep_and_refresh(&mut self) -> Result<usize> {
        let report = engine::sweep(&mut self.store, self.session.today)?;
        self.refresh()?;
        Ok(report.created)
    }

    /// Rebuilds the rows from the store; called when data may have changed, never
    /// while drawing.
    fn refresh(&mut self) -> Result<()> {
        let today = self.session.today;
        self.worklist.set_items(self.store.worklist()?, today);
        self.caseload.rows = self.store.client_summaries(today)?;
        Ok(())
    }

    /// The clock-driven work, once a minute and when the date rolls over: a new day
    /// (unless `--today` fixed it) is swept at once, and items other processes made
    /// appear without a restart. A failure is shown, not fatal: the next tick tries
    /// again.
    pub fn tick(&mut self, today: NaiveDate) {
        if !self.session.today_overridden {
            self.session.today = today;
        }
        match self.sweep_and_refresh() {
            Ok(0) => {}
            Ok(1) => self.message = Some("1 nieuw werkitem".to_owned()),
            Ok(n) => self.message = Some(format!("{n} nieuwe werkitems")),
            Err(err) => self.message = Some(err.to_string()),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.session.today
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn help_open(&self) -> bool {
        matches!(self.popups.last(), Some(Popup::Help))
    }

    pub fn popup_open(&self) -> bool {
        !self.popups.is_empty()
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn selected_client(&self) -> Option<i64> {
        match self.screen {
            Screen::Worklist => self.worklist.selected().map(|i| i.client_id),
            Screen::Caseload => self.caseload.selected().map(|c| c.id),
        }
    }

    pub fn selected_item(&self) -> Option<i64> {
        self.worklist.selected().map(|i| i.id)
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        let armed = std::mem::take(&mut self.quit_armed);
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            if armed || !self.popups.iter().any(Popup::has_unsaved_text) {
                self.quit = true;
            } else {
                self.quit_armed = true;
                self.message = Some(
                    "Er is tekst die nog niet bewaard is. Ctrl-C nogmaals om toch te stoppen."
                        .to_owned(),
                );
            }
            return;
        }
        if let Some(top) = self.popups.last_mut() {
            match top.handle_key(key) {
                Reply::Stay => {}
                Reply::Pop => {
                    self.popups.pop();
                }
                Reply::Push(popup) => self.popups.push(popup),
                Reply::Apply(intent) => self.apply(intent),
            }
            return;
        }
        let Some(action) = action_for(&[self.screen.keys(), LIST_KEYS, GLOBAL_KEYS], key) else {
            return;
        };
        self.act(action);
    }

    fn act(&mut self, action: Action) {
        let today = self.session.today;
        let (list, len) = match self.screen {
            Screen::Worklist => (&mut self.worklist.list, self.worklist.items.len()),
            Screen::Caseload => (&mut self.caseload.list, self.caseload.rows.len()),
        };
        let page = list.page_size();
        match action {
            Action::Up => list.move_by(-1, len),
            Action::Down => list.move_by(1, len),
            Action::PageUp => list.move_by(-page, len),
            Action::PageDown => list.move_by(page, len),
            Action::First => list.move_by(isize::MIN, len),
            Action::Last => list.move_by(isize::MAX, len),
            Action::CloseItem => {
                if let Some(item) = self.worklist.selected() {
                    let outcomes = self
                        .catalog
                        .kind(&item.kind)
                        .map(|k| k.outcomes.clone())
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|code| self.catalog.outcome(code).ok().cloned())
                        .collect();
                    self.popups.push(Popup::Outcomes(OutcomePicker {
                        id: item.id,
                        title: item.title.clone(),
                        outcomes,
                        selected: 0,
                        today,
                        error: None,
                    }));
                }
            }
            Action::PostponeItem => {
                if let Some(item) = self.worklist.selected() {
                    self.popups.push(popup::postpone_form(
                        item.id,
                        &item.title,
                        item.due_date,
                        today,
                    ));
                }
            }
            Action::AddFollowUp => {
                let client = match self.screen {
                    Screen::Worklist => self
                        .worklist
                        .selected()
                        .map(|i| (i.client_id, i.client_name.clone())),
                    Screen::Caseload => self.caseload.selected().map(|c| (c.id, c.name.clone())),
                };
                if let Some((id, name)) = client {
                    self.popups.push(popup::follow_up_form(id, &name, today));
                }
            }
            Action::NextScreen => {
                self.screen = match self.screen {
                    Screen::Worklist => Screen::Caseload,
                    Screen::Caseload => Screen::Worklist,
                }
            }
            Action::Worklist => self.screen = Screen::Worklist,
            Action::Caseload => self.screen = Screen::Caseload,
            Action::Help => self.popups.push(Popup::Help),
            Action::Back => {}
            Action::Quit => self.quit = true,
        }
    }

    /// Applies an intent in one store transaction. On success the popups close and
    /// the rows are rebuilt; a refusal stays in the popup that asked, with its text,
    /// so nothing typed is lost.
    fn apply(&mut self, intent: Intent) {
        let today = self.session.today;
        let result = match &intent {
            Intent::CloseItem {
                id,
                outcome,
                note,
                new_date,
            } => self
                .store
                .close_item(*id, outcome, note.as_deref(), *new_date, today)
                .map(|()| format!("Werkitem {id} afgehandeld: {outcome}")),
            Intent::PostponeItem { id, to, reason } => self
                .store
                .postpone_item(*id, *to, reason, today)
                .map(|()| format!("Werkitem {id} uitgesteld tot {to}")),
            Intent::AddFollowUp {
                client_id,
                title,
                due,
            } => self
                .store
                .add_item(*client_id, title, *due, today)
                .map(|id| format!("Vervolgactie {id} aangemaakt")),
        };
        match result {
            Ok(done) => {
                self.popups.clear();
                self.message = Some(done);
                if let Err(err) = self.refresh() {
                    self.message = Some(err.to_string());
                }
            }
            Err(err) => self.refuse(err),
        }
    }

    fn refuse(&mut self, err: StoreError) {
        let text = err.to_string();
        let shown = self
            .popups
            .last_mut()
            .is_some_and(|top| top.show_error(text.clone()));
        if !shown {
            self.message = Some(text);
        }
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if chrome::too_small(area) {
            chrome::draw_too_small(frame);
            return;
        }
        let [title, body, status] = chrome::layout(area);
        let today = self.session.today;
        let summary = match self.screen {
            Screen::Worklist => format!(
                "{} open · {} te laat · {} vandaag",
                self.worklist.items.len(),
                self.worklist.count(Group::Overdue),
                self.worklist.count(Group::Today)
            ),
            Screen::Caseload => format!(
                "{} klanten · {} niet in beeld",
                self.caseload.rows.len(),
                self.caseload.out_of_view()
            ),
        };
        chrome::draw_title(frame, title, self.screen == Screen::Worklist, &summary);
        match self.screen {
            Screen::Worklist => self.worklist.draw(frame, body, today),
            Screen::Caseload => self.caseload.draw(frame, body, &self.catalog, today),
        }
        let keys = self.screen.keys();
        chrome::draw_status(frame, status, &self.session, self.message.as_deref(), keys);
        let screen = self.screen;
        for popup in &mut self.popups {
            popup::draw(popup, frame, |f| {
                chrome::draw_help(f, screen.title(), &[keys, LIST_KEYS, GLOBAL_KEYS])
            });
        }
    }
}
