//! The app shell: which screen is up, the popup stack, and where keys go. What a
//! key starts is a flow's (`tui/flow`); `act` dispatches per screen, `apply`
//! turns an intent into one store edit, `draw` puts the frame together.

mod act;
mod apply;
mod available;
mod draw;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::caseload::CaseloadView;
use super::dossier::DossierView;
use super::keymap::{
    action_for, key_of, Action, Binding, Rebound, CASELOAD_KEYS, DOSSIER_KEYS, GLOBAL_KEYS,
    LIST_KEYS, OVERVIEW_KEYS, TEAM_KEYS, WEEK_KEYS, WORKLIST_KEYS,
};
use super::list::ListState;
use super::overview::OverviewView;
use super::popup::{Popup, Reply};
use super::team::TeamView;
use super::theme::Theme;
use super::week::{self, WeekView};
use super::worklist::WorklistView;
use super::Session;
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::domain::date::add_days;
use crate::domain::letter::Sender;
use crate::domain::overview::Block;
use crate::domain::period::{Period, Span};
use crate::domain::search::Query;
use crate::domain::work_item::WorkItem;
use crate::letters::LetterSetup;
use crate::store::{Result, Store};
use crate::workflow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Worklist,
    Caseload,
    Week,
    Overview,
    Team,
    Dossier,
}

impl Screen {
    pub fn title(self) -> &'static str {
        match self {
            Screen::Worklist => "Werkvoorraad",
            Screen::Caseload => "Caseload",
            Screen::Week => "Week",
            Screen::Overview => "Overzicht",
            Screen::Team => "Team",
            Screen::Dossier => "Dossier",
        }
    }

    fn keys(self) -> &'static [Binding] {
        match self {
            Screen::Worklist => WORKLIST_KEYS,
            Screen::Caseload => CASELOAD_KEYS,
            Screen::Week => WEEK_KEYS,
            Screen::Overview => OVERVIEW_KEYS,
            Screen::Team => TEAM_KEYS,
            Screen::Dossier => DOSSIER_KEYS,
        }
    }
}

/// Looking ahead: the store and day the cockpit returns to.
struct Peek {
    real: Store,
    today: NaiveDate,
}

const PEEKING: &str = "Vooruitkijken bewaart niets · Esc: terug naar vandaag";

const READ_ONLY: &str =
    "Alleen lezen: een andere cockpit heeft dit bestand open. Wijzig het daar, of sluit die eerst.";

const SNAPSHOT: &str =
    "Alleen lezen: een momentopname van het team. Wijzigen doet de klantmanager op de eigen laptop.";

pub struct App {
    store: Store,
    session: Session,
    catalog: Catalog,
    calendar: LegalCalendar,
    screen: Screen,
    /// Where Esc goes from the dossier.
    back: Screen,
    worklist: WorklistView,
    caseload: CaseloadView,
    week: WeekView,
    overview: OverviewView,
    team: TeamView,
    /// Whether the file knows the team's klantmanagers (a snapshot, or a synced
    /// file): then the Team screen is there.
    has_team: bool,
    dossier: Option<DossierView>,
    popups: Vec<Popup>,
    /// The caseload and week rows are built when their screen is shown: the cockpit
    /// opens on the werkvoorraad, and its first frame should not wait for them.
    caseload_stale: bool,
    week_stale: bool,
    overview_stale: bool,
    team_stale: bool,
    message: Option<String>,
    /// Ctrl-C was pressed once while a form held text: the next one quits.
    quit_armed: bool,
    quit: bool,
    /// The file's `data_version` at the last read of the rows.
    seen_version: i64,
    /// Ctrl-L: draw the whole screen anew.
    redraw_all: bool,
    /// Looking ahead (`>`): `store` is then a copy in memory swept on a later day.
    peek: Option<Peek>,
    theme: Theme,
    /// Keys the settings put on actions in place of their own.
    rebound: Vec<Rebound>,
    /// The sender, templates and folder letters are made with.
    letters: LetterSetup,
    /// The verordening's verlagingen (from the settings).
    verordening: crate::domain::sanction::Verordening,
    /// The team's sync, when the file is linked to a member.
    sync: Option<super::background::BackgroundSync>,
    /// The last frame was too small to show anything but that: keys are not acted
    /// on blind.
    too_small: bool,
}

impl App {
    /// Opens the cockpit on `store`: the sweep runs first, so the werkvoorraad shows
    /// what today's date has raised.
    pub fn new(store: Store, session: Session) -> Result<App> {
        let folder = LetterSetup::folder_beside(store.path());
        let snapshot_at = store.team_snapshot()?.map(|s| s.at);
        let has_team = store.knows_team_owners()?;
        let mut app = App {
            catalog: store.catalog()?,
            calendar: store.legal_calendar()?,
            store,
            session,
            screen: Screen::Worklist,
            back: Screen::Worklist,
            worklist: WorklistView::default(),
            caseload: CaseloadView::default(),
            week: WeekView::default(),
            overview: OverviewView::default(),
            team: TeamView {
                snapshot_at,
                ..TeamView::default()
            },
            has_team,
            dossier: None,
            popups: Vec::new(),
            caseload_stale: true,
            week_stale: true,
            overview_stale: true,
            team_stale: true,
            message: None,
            quit_armed: false,
            quit: false,
            seen_version: 0,
            redraw_all: false,
            peek: None,
            theme: Theme::default(),
            rebound: Vec::new(),
            letters: LetterSetup {
                sender: Sender::default(),
                settings: crate::settings::default_path()
                    .unwrap_or_else(|| "instellingen.toml".into()),
                templates: None,
                folder,
            },
            sync: None,
            verordening: Default::default(),
            too_small: false,
        };
        app.sweep_and_refresh()?;
        Ok(app)
    }

    fn sweep_and_refresh(&mut self) -> Result<usize> {
        // A read-only cockpit leaves the sweep to the one that writes.
        let created = if self.session.read_only {
            0
        } else {
            workflow::sweep(&mut self.store, self.session.today)?.created
        };
        self.refresh()?;
        Ok(created)
    }

    /// Syncs with the team's server now and every few minutes, on a thread.
    pub fn start_sync(&mut self, path: std::path::PathBuf) {
        self.sync = Some(super::background::BackgroundSync::new(path));
        self.poll_sync();
    }

    /// Takes in a finished background sync (true: redraw) and starts the next one
    /// when due. What it changed is seen as another process's change.
    pub fn poll_sync(&mut self) -> bool {
        let today = self.session.today;
        match &mut self.sync {
            Some(sync) if self.peek.is_none() => {
                let changed = sync.poll(today);
                if changed {
                    self.notice_changes();
                }
                changed
            }
            _ => false,
        }
    }

    /// What the status line says of the team's sync, if the file syncs.
    pub fn sync_label(&self) -> Option<&str> {
        self.sync.as_ref().map(|s| s.label())
    }

    /// The sender, templates and folder for letters (from the settings).
    pub fn set_letters(&mut self, setup: LetterSetup) {
        self.letters = setup;
    }

    /// The verordening's verlagingen and terugkijktermijn (from the settings).
    pub fn set_verordening(&mut self, verordening: crate::domain::sanction::Verordening) {
        self.verordening = verordening;
    }

    pub fn read_only(&self) -> bool {
        self.session.read_only
    }

    /// Why nothing can be changed here.
    fn read_only_reason(&self) -> &'static str {
        if self.team.snapshot_at.is_some() {
            SNAPSHOT
        } else {
            READ_ONLY
        }
    }

    /// Rebuilds the rows from the store; called when data may have changed, never
    /// while drawing.
    fn refresh(&mut self) -> Result<()> {
        self.seen_version = self.store.data_version()?;
        let today = self.session.today;
        self.worklist
            .set_items(self.store.worklist()?, today, &self.catalog);
        self.caseload_stale = true;
        self.week_stale = true;
        self.overview_stale = true;
        self.team_stale = true;
        if let Some(view) = &mut self.dossier {
            view.reload(&self.store, today)?;
        }
        self.load_screen()
    }

    /// Builds the rows of the screen on show when they are stale.
    fn load_screen(&mut self) -> Result<()> {
        let today = self.session.today;
        match self.screen {
            Screen::Caseload if self.caseload_stale => {
                let rows = if self.caseload.ended {
                    self.store.ended_client_summaries(today)?
                } else {
                    self.store.client_summaries(today)?
                };
                self.caseload.set_rows(rows);
                if !self.caseload.text.is_empty() {
                    // What the notes say may have changed with the rows.
                    let text = self.caseload.text.clone();
                    self.search_caseload(&text);
                }
                self.caseload_stale = false;
            }
            Screen::Week if self.week_stale => {
                let start = self.week.start.unwrap_or(today);
                let agenda = self
                    .store
                    .agenda(start, add_days(start, week::DAYS as i64 - 1))?;
                self.week
                    .set(self.worklist.all_items(), agenda, start, &self.catalog);
                self.week_stale = false;
            }
            Screen::Overview if self.overview_stale => {
                let period = self
                    .overview
                    .period
                    .unwrap_or_else(|| Period::of(Span::Week, today));
                let (report, out) = workflow::report(&self.store, &period, today)?;
                self.overview.set(period, report, out);
                if let Some(rows) = &self.overview.rows {
                    // The rows behind the open block, read again with the figures.
                    let block = rows.block;
                    let selected = rows.list.selected;
                    let fresh = workflow::block_rows(&self.store, block, &period, today)?;
                    self.overview.open(fresh);
                    if let Some(rows) = &mut self.overview.rows {
                        rows.list.selected = selected.min(rows.rows.len().saturating_sub(1));
                    }
                }
                self.overview_stale = false;
            }
            Screen::Team if self.team_stale => {
                self.team.set(crate::team::team_view(&self.store, today)?);
                self.team_stale = false;
            }
            _ => {}
        }
        Ok(())
    }

    /// The clock-driven work, once a minute and when the date rolls over: a new day
    /// (unless `--today` fixed it) is swept at once, and items other processes made
    /// appear without a restart. A failure is shown, not fatal: the next tick tries
    /// again.
    pub fn tick(&mut self, today: NaiveDate) {
        if let Some(peek) = &mut self.peek {
            // The copy stays on its day; the real one is swept on the way back.
            if !self.session.today_overridden {
                peek.today = today;
            }
            return;
        }
        if !self.session.today_overridden {
            self.session.today = today;
        }
        match self.sweep_and_refresh() {
            Ok(0) => {}
            Ok(1) => self.message = Some("1 nieuw werkitem".to_owned()),
            Ok(n) => self.message = Some(format!("{n} nieuwe werkitems")),
            Err(err) => self.fail(err),
        }
    }

    /// Reads the rows again when another process changed the file since the last
    /// read (a scripted command, a second cockpit); returns whether it did. Cheap
    /// enough to ask every second.
    pub fn notice_changes(&mut self) -> bool {
        if self.peek.is_some() {
            return false;
        }
        match self.store.data_version() {
            Ok(version) if version == self.seen_version => false,
            Ok(_) => {
                if let Err(err) = self.refresh() {
                    self.fail(err);
                }
                true
            }
            Err(err) => {
                self.fail(err);
                true
            }
        }
    }

    /// The popup on top, knowing the day its relative dates (`morgen`, `+2w`) count
    /// from: one place for every way a key, a paste or a frame reaches it.
    fn top_popup(&mut self) -> Option<&mut Popup> {
        let today = self.session.today;
        let client = self.client_in_view();
        let calendar = &self.calendar;
        let top = self.popups.last_mut()?;
        top.set_today(today, calendar);
        if let Some(name) = client {
            top.name_client(&name);
        }
        Some(top)
    }

    /// The name of the client the screen is on, whom a popup opened here is about.
    fn client_in_view(&self) -> Option<String> {
        match self.screen {
            Screen::Week => self.week.selected_item().map(|i| i.client_name.clone()),
            _ => self.client_for_edit().map(|(_, name)| name),
        }
    }

    /// Whether the whole screen should be drawn anew (Ctrl-L); asking clears it.
    pub fn take_redraw_all(&mut self) -> bool {
        std::mem::take(&mut self.redraw_all)
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
        matches!(self.popups.last(), Some(Popup::Help { .. }))
    }

    pub fn popup_open(&self) -> bool {
        !self.popups.is_empty()
    }

    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The client the current screen is about, if any.
    pub fn selected_client(&self) -> Option<i64> {
        match self.screen {
            Screen::Worklist => self.worklist.selected().map(|i| i.client_id),
            Screen::Caseload => self.caseload.selected().map(|c| c.id),
            Screen::Dossier => self.dossier.as_ref().map(DossierView::client_id),
            Screen::Week => self.week.selected_client(),
            Screen::Overview => self.overview.selected_client(),
            Screen::Team => None,
        }
    }

    pub fn selected_item(&self) -> Option<i64> {
        self.worklist.selected().map(|i| i.id)
    }

    /// The open work item under the cursor, on the werkvoorraad or the week.
    fn selected_work_item(&self) -> Option<&WorkItem> {
        match self.screen {
            Screen::Worklist => self.worklist.selected(),
            Screen::Week => self.week.selected_item(),
            Screen::Caseload | Screen::Dossier | Screen::Overview | Screen::Team => None,
        }
    }

    pub fn selected_activity(&self) -> Option<i64> {
        self.dossier
            .as_ref()
            .and_then(|d| d.selected_activity())
            .map(|a| a.id)
    }

    /// Lines of the current screen's list, after search and filters.
    pub fn visible_rows(&self) -> usize {
        match self.screen {
            Screen::Worklist => self.worklist.items.len(),
            Screen::Caseload => self.caseload.len(),
            Screen::Week => self.week.line_count(),
            Screen::Overview => self
                .overview
                .rows
                .as_ref()
                .map_or(Block::ALL.len(), |r| r.rows.len()),
            Screen::Team => self.team.rows.len(),
            Screen::Dossier => self.dossier.as_ref().map_or(0, DossierView::len),
        }
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
        // Behind "venster te klein" nothing is seen, so nothing is done; q still
        // quits when no form holds text.
        if self.too_small && !(key.code == KeyCode::Char('q') && self.popups.is_empty()) {
            self.message =
                Some("Venster te klein: maak het groter om verder te werken.".to_owned());
            return;
        }
        if let Some(top) = self.top_popup() {
            match top.handle_key(key) {
                Reply::Stay => {}
                Reply::Pop => {
                    self.popups.pop();
                }
                Reply::Close => self.popups.clear(),
                Reply::Push(popup) => self.popups.push(*popup),
                Reply::Replace(popup) => {
                    self.popups.pop();
                    self.popups.push(*popup);
                }
                Reply::Apply(intent) => self.apply(intent),
                Reply::Run(action) => {
                    // As if its key were pressed on the screen the help is about.
                    self.popups.pop();
                    match self.unavailable(action) {
                        Some(reason) => self.message = Some(reason),
                        None => {
                            self.act(action);
                            if let Err(err) = self.load_screen() {
                                self.fail(err);
                            }
                        }
                    }
                }
                Reply::Search { text, done } => {
                    self.set_search(&text);
                    if done {
                        self.popups.pop();
                    }
                }
            }
            return;
        }
        let tables = [self.screen.keys(), LIST_KEYS, GLOBAL_KEYS];
        if let Some(action) = action_for(&tables, key, &self.rebound) {
            // A key that does nothing here says why, never silently.
            if let Some(reason) = self.unavailable(action) {
                self.message = Some(reason);
                return;
            }
            self.act(action);
            if let Err(err) = self.load_screen() {
                self.fail(err);
            }
        } else if let (KeyCode::Char(c), false) =
            (key.code, key.modifiers.contains(KeyModifiers::CONTROL))
        {
            // A letter that is no key here is said so, not swallowed.
            self.message = Some(format!(
                "{c} doet hier niets · {} toont de toetsen",
                key_of(Action::Help, &self.rebound)
            ));
        }
    }

    /// A paste (bracketed by the terminal) is text for the field it lands in, never
    /// keys: pasted line breaks neither save a form nor act on the screen.
    pub fn handle_paste(&mut self, text: &str) {
        self.message = None;
        let reply = self.top_popup().and_then(|top| top.paste(text));
        match reply {
            Some(Reply::Search { text, done }) => {
                self.set_search(&text);
                if done {
                    self.popups.pop();
                }
            }
            Some(_) => {}
            None => {
                self.message =
                    Some("Plakken kan alleen in een invulveld; er is niets gedaan.".to_owned())
            }
        }
    }

    fn set_search(&mut self, text: &str) {
        match self.screen {
            Screen::Worklist => self.worklist.set_text(text),
            Screen::Caseload => self.search_caseload(text),
            Screen::Week => self.week.set_text(text),
            Screen::Overview | Screen::Team | Screen::Dossier => {}
        }
    }

    /// The caseload search, with the notes and contacts that hold the words.
    fn search_caseload(&mut self, text: &str) {
        let found = self
            .store
            .search_journal(&Query::new(text))
            .and_then(|hits| Ok((hits, self.store.clients_by_kenmerk(text)?)));
        match found {
            Ok((hits, kenmerk)) => self.caseload.set_text(text, hits, kenmerk),
            Err(err) => {
                self.caseload.set_text(text, Vec::new(), Vec::new());
                self.fail(err);
            }
        }
    }

    fn current_list(&mut self) -> Option<(&mut ListState, usize)> {
        match self.screen {
            Screen::Worklist => Some((&mut self.worklist.list, self.worklist.items.len())),
            Screen::Caseload => {
                let len = self.caseload.len();
                Some((&mut self.caseload.list, len))
            }
            Screen::Week => {
                let len = self.week.line_count();
                Some((&mut self.week.list, len))
            }
            Screen::Overview => Some(match &mut self.overview.rows {
                Some(rows) => {
                    let len = rows.rows.len();
                    (&mut rows.list, len)
                }
                None => (&mut self.overview.blocks, Block::ALL.len()),
            }),
            Screen::Team => Some((&mut self.team.list, self.team.rows.len())),
            Screen::Dossier => self.dossier.as_mut().map(|d| {
                let len = d.len();
                (&mut d.list, len)
            }),
        }
    }
}
