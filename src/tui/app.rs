//! The app shell: which screen is up, the popup stack, and the one place where
//! intents become changes in the store.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::aanvragen::{self, AanvraagIntent};
use super::caseload::CaseloadView;
use super::chrome;
use super::corrections;
use super::dossier::{DossierView, Tab};
use super::handling;
use super::keymap::{
    action_for, key_of, Action, Binding, Rebound, CASELOAD_KEYS, DOSSIER_KEYS, GLOBAL_KEYS,
    LIST_KEYS, OVERVIEW_KEYS, TEAM_KEYS, WEEK_KEYS, WORKLIST_KEYS,
};
use super::list::ListState;
use super::overview::OverviewView;
use super::popup::{self, simple_choices, Intent, Pick, Picker, Popup, Purpose, Reply};
use super::team::TeamView;
use super::theme::Theme;
use super::week::{self, WeekView};
use super::worklist::{Group, WorklistView};
use super::Session;
use crate::domain::activity::{ActivityStatus, NewActivity};
use crate::domain::bsn::Bsn;
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::domain::client::NewClient;
use crate::domain::date::add_days;
use crate::domain::date::dutch;
use crate::domain::handling::{next_attempt, preferred_channel};
use crate::domain::journal::{NewContact, NewNote};
use crate::domain::letter::{LetterKind, Sender};
use crate::domain::overview::Block;
use crate::domain::period::{Period, Span};
use crate::domain::search::Query;
use crate::domain::work_item::{ItemStatus, Source, WorkItem};
use crate::letters::{LetterFailure, LetterSetup};
use crate::store::{Result, Store, StoreError};
use crate::workflow::{self, Done};

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
    /// The team's sync, when the file is linked to a member.
    sync: Option<super::background::BackgroundSync>,
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

    /// What handling `item` suggests: the client's preferred channel for a
    /// conversation on a "contact opnemen" item (an afspraak has its own), and the
    /// next attempt after "niet bereikt" from the category's setting.
    fn handling_hints(&self, item: &WorkItem) -> handling::Hints {
        let Ok(client) = self.store.client(item.client_id) else {
            return handling::Hints::default();
        };
        let retry_days = self
            .catalog
            .category(&client.category)
            .map_or(2, |c| c.retry_days);
        // The afspraak of an opkomst item: its time and channel.
        let appointment = item
            .source_activity_id
            .filter(|_| item.source == Source::Activity)
            .and_then(|id| self.store.activity(id).ok())
            .filter(|a| {
                self.catalog
                    .activity_type(&a.type_code)
                    .is_ok_and(|t| t.reminder_days.is_some())
            });
        handling::Hints {
            channels: popup::channel_pairs(&self.catalog),
            ask_channel: item.source == Source::Rhythm,
            preferred: Some(preferred_channel(client.contact_preference.as_deref())),
            next_attempt: Some(next_attempt(&self.calendar, retry_days, self.session.today)),
            appointment_time: appointment.as_ref().and_then(|a| a.time.clone()),
            appointment_channel: appointment.and_then(|a| a.channel),
            busy: self.appointment_slots(None),
        }
    }

    /// The afspraken planned from today on (but `except`), for a form's warning
    /// against a double booking; none when they cannot be read.
    fn appointment_slots(&self, except: Option<i64>) -> Vec<(NaiveDate, String)> {
        self.store
            .appointment_slots(self.session.today, except)
            .unwrap_or_default()
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
        if let Some(top) = self.top_popup() {
            match top.handle_key(key) {
                Reply::Stay => {}
                Reply::Pop => {
                    self.popups.pop();
                }
                Reply::Push(popup) => self.popups.push(*popup),
                Reply::Apply(intent) => self.apply(intent),
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
            if self.peek.is_some() && !action.only_looks() {
                self.message = Some(PEEKING.to_owned());
                return;
            }
            // A file that is only read opens no form that could not be saved.
            if self.session.read_only && !action.only_looks() {
                self.message = Some(self.read_only_reason().to_owned());
                return;
            }
            self.act(action);
            if let Err(err) = self.load_screen() {
                self.fail(err);
            }
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
            Screen::Week | Screen::Overview | Screen::Team | Screen::Dossier => {}
        }
    }

    /// The caseload search, with the notes and contacts that hold the words.
    fn search_caseload(&mut self, text: &str) {
        match self.store.search_journal(&Query::new(text)) {
            Ok(hits) => self.caseload.set_text(text, hits),
            Err(err) => {
                self.caseload.set_text(text, Vec::new());
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

    fn act(&mut self, action: Action) {
        let today = self.session.today;
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => {
                if let Some((list, len)) = self.current_list() {
                    let page = list.page_size();
                    let delta = match action {
                        Action::Up => -1,
                        Action::Down => 1,
                        Action::PageUp => -page,
                        Action::PageDown => page,
                        Action::First => isize::MIN,
                        _ => isize::MAX,
                    };
                    list.move_by(delta, len);
                }
            }
            Action::CloseItem | Action::PostponeItem if self.selected_work_item().is_none() => {
                if self.screen == Screen::Week {
                    self.message = Some("Kies een regel met een werkitem.".to_owned());
                }
            }
            Action::CloseItem => {
                if let Some(item) = self.selected_work_item() {
                    // The client first: a title cut off at the right is still about
                    // the right person.
                    let hints = self.handling_hints(item);
                    let popup = popup::item_outcomes(
                        &self.catalog,
                        item.id,
                        &item.kind,
                        &format!("{} — {}", item.client_name, item.title),
                        today,
                        hints,
                    );
                    self.popups.push(popup);
                }
            }
            Action::PostponeItem => {
                if let Some(item) = self.selected_work_item() {
                    let popup = popup::postpone_form(
                        item.id,
                        &item.title,
                        item.due_date,
                        today,
                        &self.calendar,
                    );
                    self.popups.push(popup);
                }
            }
            Action::AddFollowUp => {
                if let Some((id, name)) = self.client_for_edit() {
                    self.popups
                        .push(popup::follow_up_form(id, &name, today, &self.calendar));
                }
            }
            Action::OpenClient
                if self.screen == Screen::Overview && self.overview.rows.is_none() =>
            {
                self.open_block()
            }
            Action::OpenClient if self.screen == Screen::Team => self.open_member(false),
            Action::MemberWorklist => self.open_member(true),
            Action::OpenClient => {
                if let Some(id) = self.selected_client() {
                    self.open_dossier(id);
                }
            }
            Action::Search => {
                let current = match self.screen {
                    Screen::Worklist => self.worklist.text.clone(),
                    Screen::Caseload => self.caseload.text.clone(),
                    Screen::Week | Screen::Overview | Screen::Team | Screen::Dossier => return,
                };
                self.popups.push(Popup::search(&current));
            }
            Action::Sort => self.caseload.cycle_sort(),
            Action::FilterCategory => self.caseload.cycle_category(&self.catalog),
            Action::FilterOutOfView => self.caseload.toggle_out_of_view(),
            Action::FilterLegal => self.worklist.toggle_legal(),
            Action::FilterKind => self.worklist.cycle_kind(&self.catalog),
            Action::FilterDue => self.worklist.toggle_due(),
            Action::PreviousTab | Action::NextTab => {
                if let Some(view) = &mut self.dossier {
                    view.next_tab(if action == Action::NextTab { 1 } else { -1 });
                }
            }
            Action::AddActivity => {
                if let Some(view) = &self.dossier {
                    let c = &view.dossier.client;
                    let aanvragen = match self.store.applications(c.id) {
                        Ok(all) => all
                            .into_iter()
                            .filter(|a| a.application.is_open())
                            .map(|a| {
                                let a = a.application;
                                let when = match (a.received_on, a.expected_on) {
                                    (Some(on), _) => format!("ontvangen {}", dutch(on)),
                                    (None, Some(on)) => format!("verwacht na {}", dutch(on)),
                                    (None, None) => "nog niet ontvangen".to_owned(),
                                };
                                (a.id, format!("Aanvraag {}, {when}", a.id))
                            })
                            .collect(),
                        Err(err) => {
                            self.fail(err);
                            return;
                        }
                    };
                    let mut picker = popup::activity_types(
                        &self.catalog,
                        &self.calendar,
                        c.id,
                        &c.category,
                        aanvragen,
                        today,
                    );
                    if let Popup::Picker(p) = &mut picker {
                        p.hints.busy = self.appointment_slots(None);
                    }
                    self.popups.push(picker);
                }
            }
            Action::CloseActivity | Action::ExtendActivity => self.edit_activity(action),
            Action::AddContact => {
                if let Some((id, _)) = self.client_for_edit() {
                    self.popups.push(popup::channels(&self.catalog, id, today));
                }
            }
            Action::AddGoal => {
                if let Some(id) = self.dossier.as_ref().map(DossierView::client_id) {
                    match self.store.life_domains() {
                        Ok(domains) => self.popups.push(popup::domains(
                            &domains,
                            Pick::GoalDomain {
                                client_id: id,
                                deadline: self
                                    .catalog
                                    .suggested_end(crate::domain::plan::GOAL, today)
                                    .unwrap_or(today),
                            },
                            today,
                        )),
                        Err(err) => self.fail(err),
                    }
                }
            }
            Action::SetEvaluation => {
                if let Some(view) = &self.dossier {
                    if view.plan.current.is_none() {
                        self.message = Some(format!(
                            "Nog geen plan van aanpak: voeg eerst een doel toe ({}).",
                            key_of(Action::AddGoal, &self.rebound)
                        ));
                    } else {
                        let suggested = self
                            .catalog
                            .suggested_end(crate::domain::plan::EVALUATION, today)
                            .unwrap_or(today);
                        self.popups
                            .push(popup::evaluation_form(view.client_id(), suggested));
                    }
                }
            }
            Action::AddLadderStep => {
                if let Some(view) = &self.dossier {
                    let current = view.ladder.last().map(|s| s.step);
                    self.popups
                        .push(popup::ladder_form(view.client_id(), current));
                }
            }
            Action::AddSituation => {
                if let Some(id) = self.dossier.as_ref().map(DossierView::client_id) {
                    match self.store.life_domains() {
                        Ok(domains) => self.popups.push(popup::domains(
                            &domains,
                            Pick::SituationDomain { client_id: id },
                            today,
                        )),
                        Err(err) => self.fail(err),
                    }
                }
            }
            Action::AddNote => {
                if let Some((id, name)) = self.client_for_edit() {
                    self.popups.push(popup::note_form(id, &name));
                }
            }
            Action::Mark => {
                if self.caseload.ended {
                    self.message =
                        Some("Uitgestroomde klanten worden niet overgedragen.".to_owned());
                } else {
                    self.caseload.toggle_mark();
                    self.caseload.list.move_by(1, self.caseload.len());
                }
            }
            Action::Handover => {
                let clients = self.caseload.handover();
                if clients.is_empty() || self.caseload.ended {
                    self.message =
                        Some("Kies of markeer (spatie) eerst klanten in de caseload.".to_owned());
                } else {
                    let folder = self
                        .store
                        .path()
                        .parent()
                        .map(std::path::Path::to_path_buf)
                        .unwrap_or_default();
                    self.popups
                        .push(corrections::handover_form(&clients, &folder, today));
                }
            }
            Action::NewClient
            | Action::ToggleEnded
            | Action::ReopenClient
            | Action::EditClient
            | Action::ChangeCategory
            | Action::EndClient
            | Action::MoveAppointment
            | Action::ReopenItem
            | Action::Correct
            | Action::Undo => self.act_correction(action),
            Action::NewApplication
            | Action::ApplicationReceived
            | Action::GiveHersteltermijn
            | Action::Adjourn
            | Action::Decide => self.act_aanvraag(action),
            Action::Letter => self.act_letter(),
            Action::NextWeek | Action::PreviousWeek | Action::ThisWeek => {
                self.week.start = Some(match action {
                    Action::NextWeek => self.week.paged(1, today),
                    Action::PreviousWeek => self.week.paged(-1, today),
                    _ => today,
                });
                self.week.list = ListState::default();
                self.week_stale = true;
            }
            Action::NextScreen => {
                self.screen = match self.screen {
                    Screen::Worklist => Screen::Caseload,
                    Screen::Caseload => Screen::Week,
                    Screen::Week => Screen::Overview,
                    Screen::Overview if self.has_team => Screen::Team,
                    Screen::Overview | Screen::Team | Screen::Dossier => Screen::Worklist,
                }
            }
            Action::Overview => self.screen = Screen::Overview,
            Action::Team if self.has_team => self.screen = Screen::Team,
            Action::Team => {
                self.message = Some(
                    "Dit bestand kent het team niet: het Team-scherm is er op een momentopname \
                     ('inbeeld team snapshot') of na een sync met de teamserver."
                        .to_owned(),
                )
            }
            Action::PeriodWeek
            | Action::PeriodMonth
            | Action::PeriodQuarter
            | Action::PeriodYear
            | Action::PreviousPeriod
            | Action::NextPeriod
            | Action::ThisPeriod => self.change_period(action),
            Action::Worklist => self.screen = Screen::Worklist,
            Action::Caseload => self.screen = Screen::Caseload,
            Action::Week => self.screen = Screen::Week,
            Action::Help => self.popups.push(Popup::Help { scroll: 0 }),
            Action::Back => match self.screen {
                Screen::Dossier => self.screen = self.back,
                Screen::Overview if self.overview.rows.is_some() => self.overview.rows = None,
                // Esc clears a kept search.
                Screen::Worklist if !self.worklist.text.is_empty() => self.worklist.set_text(""),
                Screen::Worklist if self.worklist.clear_filters() => {}
                Screen::Caseload if !self.caseload.text.is_empty() => self.search_caseload(""),
                Screen::Caseload if self.caseload.clear_filters() => {}
                _ if self.peek.is_some() => self.stop_peeking(),
                _ => {}
            },
            Action::PeekAhead => {
                let shown = self.peek.as_ref().map(|_| today);
                let real_today = self.peek.as_ref().map_or(today, |p| p.today);
                self.popups.push(popup::peek_form(real_today, shown));
            }
            Action::Quit => self.quit = true,
            Action::Refresh => {
                self.redraw_all = true;
                // Ctrl-L also syncs with the team now, where the file syncs.
                if let Some(sync) = &mut self.sync {
                    sync.now();
                }
                match self.refresh() {
                    Ok(()) => self.message = Some("Opnieuw ingelezen".to_owned()),
                    Err(err) => self.fail(err),
                }
            }
        }
    }

    /// Shows the werkvoorraad and week as they will stand on `on` if nothing is done
    /// before then: the real file is copied into memory and the copy swept.
    fn peek_ahead(&mut self, on: NaiveDate) {
        let source = self.peek.as_ref().map_or(&self.store, |p| &p.real);
        match workflow::peek(source, on) {
            Ok(copy) => {
                let previous = std::mem::replace(&mut self.store, copy);
                // Looking again from a look: the real file and day stay the ones
                // kept, and the previous copy goes.
                if self.peek.is_none() {
                    self.peek = Some(Peek {
                        real: previous,
                        today: self.session.today,
                    });
                }
                self.session.today = on;
                self.session.peeking = true;
                self.popups.clear();
                self.week.start = None;
                self.reload_after_switch("Vooruitkijken");
            }
            Err(err) => self.refuse(err),
        }
    }

    /// Back from looking ahead to the real file and day; the day may have turned
    /// meanwhile, so it is swept as at a tick.
    fn stop_peeking(&mut self) {
        let Some(peek) = self.peek.take() else {
            return;
        };
        self.store = peek.real;
        self.session.today = peek.today;
        self.session.peeking = false;
        self.week.start = None;
        match self.sweep_and_refresh() {
            Ok(_) => self.message = Some("Terug naar vandaag".to_owned()),
            Err(err) => self.fail(err),
        }
    }

    fn reload_after_switch(&mut self, what: &str) {
        match self.refresh() {
            Ok(()) => {
                self.message = Some(format!(
                    "{what} naar {} · Esc: terug naar vandaag",
                    dutch(self.session.today)
                ))
            }
            Err(err) => self.fail(err),
        }
    }

    fn client_for_edit(&self) -> Option<(i64, String)> {
        match self.screen {
            Screen::Worklist => self
                .worklist
                .selected()
                .map(|i| (i.client_id, i.client_name.clone())),
            Screen::Caseload => self.caseload.selected().map(|c| (c.id, c.name.clone())),
            Screen::Dossier => self
                .dossier
                .as_ref()
                .map(|d| (d.client_id(), d.dossier.client.name.clone())),
            Screen::Week | Screen::Overview | Screen::Team => None,
        }
    }

    fn edit_activity(&mut self, action: Action) {
        let today = self.session.today;
        let Some(activity) = self.dossier.as_ref().and_then(|d| d.selected_activity()) else {
            self.message =
                Some("Kies eerst een activiteit op de tab Activiteiten of Aanvragen.".to_owned());
            return;
        };
        if activity.status == ActivityStatus::Closed {
            self.message = Some(format!("{} is al afgesloten.", activity.title));
            return;
        }
        let popup = if action == Action::CloseActivity {
            popup::activity_outcomes(
                &self.catalog,
                activity.id,
                &activity.type_code,
                &activity.title,
                today,
            )
        } else {
            popup::extend_form(
                activity.id,
                &activity.title,
                activity.start_date,
                activity.end_date,
            )
        };
        self.popups.push(popup);
    }

    /// The Overzicht's period after `action`: another span around the same day,
    /// a step back or forth, or the period of today.
    fn change_period(&mut self, action: Action) {
        let today = self.session.today;
        let current = self
            .overview
            .period
            .unwrap_or_else(|| Period::of(Span::Week, today));
        // A new span is taken around the day the figures are read on.
        let around = current.as_of(today);
        self.overview.period = Some(match action {
            Action::PeriodWeek => Period::of(Span::Week, around),
            Action::PeriodMonth => Period::of(Span::Month, around),
            Action::PeriodQuarter => Period::of(Span::Quarter, around),
            Action::PeriodYear => Period::of(Span::Year, around),
            Action::PreviousPeriod => current.shift(-1),
            Action::NextPeriod => current.shift(1),
            _ => Period::of(current.span, today),
        });
        self.overview.rows = None;
        self.overview_stale = true;
    }

    /// Shows the rows behind the Overzicht's selected block.
    fn open_block(&mut self) {
        let today = self.session.today;
        let Some(period) = self.overview.period else {
            return;
        };
        let block = self.overview.selected_block();
        match workflow::block_rows(&self.store, block, &period, today) {
            Ok(rows) => self.overview.open(rows),
            Err(err) => self.fail(err),
        }
    }

    /// The caseload (or, `work`, the werkvoorraad) of the klantmanager under the
    /// cursor on the Team screen.
    fn open_member(&mut self, work: bool) {
        let Some(member) = self.team.selected().map(|m| m.member.clone()) else {
            return;
        };
        match self.store.team_owners() {
            Ok(owners) => {
                let clients = owners
                    .into_iter()
                    .filter(|(_, owner)| *owner == member)
                    .map(|(client, _)| client)
                    .collect();
                if work {
                    self.worklist.only_of(&member, clients);
                    self.screen = Screen::Worklist;
                } else {
                    self.caseload.only_of(&member, clients);
                    self.screen = Screen::Caseload;
                }
            }
            Err(err) => self.fail(err),
        }
    }

    fn open_dossier(&mut self, id: i64) {
        let today = self.session.today;
        let loaded = DossierView::load(&self.store, id, today);
        match loaded {
            Ok(view) => {
                self.dossier = Some(view);
                if self.screen != Screen::Dossier {
                    self.back = self.screen;
                }
                self.screen = Screen::Dossier;
            }
            Err(err) => self.fail(err),
        }
    }

    /// Applies an intent in one store transaction. On success the popups close and
    /// the rows are rebuilt; a refusal stays in the popup that asked, with its text,
    /// so nothing typed is lost.
    fn apply(&mut self, intent: Intent) {
        if let Intent::PeekAhead { on } = intent {
            return self.peek_ahead(on);
        }
        if self.peek.is_some() {
            self.popups.clear();
            self.message = Some(PEEKING.to_owned());
            return;
        }
        if self.session.read_only {
            self.popups.clear();
            self.message = Some(self.read_only_reason().to_owned());
            return;
        }
        let today = self.session.today;
        if let Some(refusal) = self.stale(&intent) {
            self.popups.clear();
            self.message = Some(refusal);
            return;
        }
        // The status line names the client of a work item, not its number.
        let item_of = |id: i64| match self.worklist.all_items().iter().find(|i| i.id == id) {
            Some(item) => format!(
                "{} ({})",
                item.client_name,
                self.catalog.kind_name(&item.kind).to_lowercase()
            ),
            None => format!("Werkitem {id}"),
        };
        let item_label = match &intent {
            Intent::Handle { id, item: true, .. } | Intent::PostponeItem { id, .. } => item_of(*id),
            _ => String::new(),
        };
        let offers_letter = matches!(intent, Intent::Aanvraag(AanvraagIntent::Herstel { .. }));
        let store = &mut self.store;
        let result: Result<(String, Done)> = match intent {
            Intent::Handle {
                id,
                item: true,
                request,
            } => workflow::close_item(store, id, &request, today)
                .map(|done| (item_label, done)),
            Intent::Handle {
                id,
                item: false,
                request,
            } => workflow::close_activity(store, id, &request, today)
                .map(|done| (format!("Activiteit {id}"), done)),
            Intent::PostponeItem { id, to, reason } => workflow::postpone_item(store, id, to, &reason, today)
                .map(|done| (item_label, done)),
            Intent::AddFollowUp {
                client_id,
                title,
                due,
            } => workflow::add_follow_up(store, client_id, &title, due, today)
                .map(|done| (format!("Vervolgactie {} aangemaakt", done.id()), done)),
            Intent::AddActivity {
                client_id,
                type_code,
                title,
                start,
                end,
                application,
            } => workflow::add_activity(
                store,
                &NewActivity {
                    client_id,
                    type_code,
                    title: Some(title),
                    start_date: start,
                    end_date: end,
                },
                application,
                today,
            )
            .map(|done| (format!("Activiteit {} vastgelegd", done.id()), done)),
            Intent::ExtendActivity { id, to } => workflow::extend_activity(store, id, to, today)
                .map(|done| (format!("Activiteit {id}"), done)),
            Intent::AddContact {
                client_id,
                channel,
                date,
                note,
            } => workflow::add_contact(
                store,
                &NewContact {
                    client_id,
                    channel,
                    date,
                    note,
                },
                today,
            )
            .map(|done| ("Contactmoment".to_owned(), done)),
            Intent::AddNote { client_id, text } => workflow::add_note(
                store,
                &NewNote {
                    client_id,
                    date: today,
                    text,
                },
                today,
            )
            .map(|done| ("Notitie bewaard".to_owned(), done)),
            Intent::AddAppointment {
                client_id,
                channel,
                title,
                date,
                time,
            } => workflow::add_appointment(store, client_id, date, time.as_deref(), &channel, Some(&title), today)
                .map(|done| (format!("Afspraak gepland op {}; de werkdag ervoor komt 'nabellen' in de werkvoorraad", dutch(date)), done)),
            Intent::AddGoal {
                client_id,
                domain,
                text,
                deadline,
            } => {
                // A first goal starts the plan van aanpak today, in the same edit.
                workflow::add_goal(store, client_id, (&text, &domain, Some(deadline)), true, today)
                    .map(|done| (format!("Doel {} toegevoegd aan het plan van aanpak", done.id()), done))
            }
            Intent::SetEvaluation { client_id, date } => workflow::set_evaluation(store, client_id, date, today)
                .map(|done| (format!("Evaluatie van het plan op {date}"), done)),
            Intent::AddLadderStep {
                client_id,
                step,
                note,
            } => workflow::add_ladder_step(store, client_id, step, note.as_deref(), today, today)
                .map(|done| (format!("Trede {step} vastgelegd"), done)),
            Intent::AddSituation {
                client_id,
                domain,
                score,
                note,
            } => workflow::add_situation(store, client_id, &domain, score, note.as_deref(), today, today)
                .map(|done| (format!("Situatie {domain}: {score} vastgelegd"), done)),
            Intent::AddClient { .. } => return self.add_client(intent),
            Intent::MakeLetter { activity, kind } => return self.make_letter(activity, kind),
            Intent::LetterSent { id } => workflow::send_letter(store, id, today, today)
                .map(|done| (format!("Brief {id}"), done)),
            Intent::Aanvraag(intent) => aanvragen::apply(store, intent, today),
            Intent::Handover {
                ids,
                path,
                protection,
            } => return self.handover(ids, &path, &protection),
            Intent::EndClients { ids, on, reason } => {
                workflow::end_clients(store, &ids, on, &reason, true, today).map(|done| {
                    self.caseload.marked.clear();
                    (format!("{} uitgeschreven", clients(ids.len())), done)
                })
            }
            other => apply_correction(store, other, today),
        };
        let result = result.map(|(what, done)| {
            let summary = done.summary_in(&self.catalog);
            let text = if summary.is_empty() {
                what
            } else {
                format!("{what}: {summary}")
            };
            (text, done.id)
        });
        match result {
            Ok((done, added)) => {
                self.popups.clear();
                self.message = Some(done);
                // An extension into the past or a new activity that already ended
                // raises its item at once.
                if let Err(err) = self.sweep_and_refresh() {
                    self.fail(err);
                }
                // A hersteltermijn given: its letter in the same step.
                if let Some(activity) = added.filter(|_| offers_letter) {
                    self.popups.push(Popup::Confirm {
                        title: "Hersteltermijnbrief maken?".to_owned(),
                        lines: vec![
                            "De brief noemt wat er ontbreekt, de einddatum en wat er gebeurt als de \
                             stukken niet komen (Awb 4:5)."
                                .to_owned(),
                            String::new(),
                            "j: brief maken · n: niet nu (later: b op de hersteltermijn)".to_owned(),
                        ],
                        intent: Intent::MakeLetter {
                            activity,
                            kind: LetterKind::Hersteltermijn,
                        },
                    });
                }
            }
            Err(err) => self.refuse(err),
        }
    }

    /// Why an edit may not go ahead on what the klantmanager sees, if so: the file
    /// was replaced under the cockpit (then it is opened again), or the work item
    /// with this number is no longer the one on the screen.
    fn stale(&mut self, intent: &Intent) -> Option<String> {
        if self.store.replaced() {
            let reopened = Store::open(self.store.path()).map(|store| self.store = store);
            let reloaded = reopened.and_then(|()| self.refresh());
            return Some(match reloaded {
                Ok(()) => "Het bestand is intussen vervangen; de cockpit toont het nu opnieuw. \
                           Er is niets gewijzigd: kijk na en doe het zo nodig nog eens."
                    .to_owned(),
                Err(err) => format!("Het bestand is intussen vervangen: {err}"),
            });
        }
        let id = match intent {
            Intent::Handle { id, item: true, .. } | Intent::PostponeItem { id, .. } => *id,
            _ => return None,
        };
        let seen = self.worklist.all_items().iter().find(|i| i.id == id)?;
        match self.store.work_item(id) {
            Ok(now) if now.item.client_id == seen.client_id && now.item.title == seen.title => None,
            _ => {
                let _ = self.refresh();
                Some(format!(
                    "Werkitem {id} is niet meer het werkitem op het scherm; er is niets gewijzigd."
                ))
            }
        }
    }

    /// The keys of a client's course and of corrections.
    fn act_correction(&mut self, action: Action) {
        let today = self.session.today;
        let client = self.dossier.as_ref().map(|d| d.dossier.client.clone());
        let popup = match action {
            Action::NewClient => Some(corrections::new_client_picker(&self.catalog, today)),
            Action::ToggleEnded => {
                self.caseload.ended = !self.caseload.ended;
                self.caseload.list = ListState::default();
                self.caseload_stale = true;
                None
            }
            Action::ReopenClient => match self.caseload.selected() {
                Some(c) if c.ended_on.is_some() => Some(Popup::Confirm {
                    title: "Heraanmelden?".to_owned(),
                    lines: vec![
                        format!("{} komt terug in de caseload.", c.name),
                        "De geschiedenis blijft bewaard.".to_owned(),
                    ],
                    intent: Intent::ReopenClient { client_id: c.id },
                }),
                _ => {
                    self.message = Some(format!(
                        "Heraanmelden gaat bij een uitgestroomde klant: toon ze met {}.",
                        key_of(Action::ToggleEnded, &self.rebound)
                    ));
                    None
                }
            },
            Action::EditClient => client.map(|c| {
                corrections::edit_client_form(&c, popup::channel_pairs(&self.catalog), today)
            }),
            Action::ChangeCategory => {
                client.map(|c| corrections::category_picker(&self.catalog, &c, today))
            }
            Action::EndClient => match client {
                Some(c) => match self.store.open_work(c.id) {
                    Ok(open) => Some(corrections::end_reason_picker(
                        &self.catalog,
                        c.id,
                        &open,
                        today,
                    )),
                    Err(err) => {
                        self.fail(err);
                        None
                    }
                },
                None => None,
            },
            Action::MoveAppointment => {
                match self.dossier.as_ref().and_then(|d| d.selected_activity()) {
                    // Its day has passed: said at once, not after the form.
                    Some(a)
                        if a.type_code == "afspraak"
                            && a.status == ActivityStatus::Open
                            && a.end_date < today =>
                    {
                        self.message = Some(
                            crate::domain::InputError::OpkomstFirst { date: a.end_date }
                                .to_string(),
                        );
                        None
                    }
                    Some(a) if a.type_code == "afspraak" && a.status == ActivityStatus::Open => {
                        let mut form =
                            corrections::move_form(a, popup::channel_pairs(&self.catalog), today);
                        if let Popup::Form(f, _) = &mut form {
                            f.busy = self.appointment_slots(Some(a.id));
                        }
                        Some(form)
                    }
                    _ => {
                        self.message =
                            Some("Kies eerst een open afspraak op de tab Activiteiten.".to_owned());
                        None
                    }
                }
            }
            Action::ReopenItem => match self.dossier.as_ref().and_then(|d| d.selected_item()) {
                Some(item) if item.status == ItemStatus::Closed => {
                    Some(corrections::reopen_form(item.id, &item.title))
                }
                Some(item) => {
                    self.message = Some(format!("{} is nog open.", item.title));
                    None
                }
                None => {
                    self.message =
                        Some("Kies eerst een afgehandeld werkitem op de tab Werkitems.".to_owned());
                    None
                }
            },
            Action::Correct => {
                let view = self.dossier.as_ref();
                match (
                    view.and_then(|d| d.selected_note()),
                    view.and_then(|d| d.selected_contact()),
                ) {
                    (Some(note), _) => Some(corrections::correct_note_form(note)),
                    (_, Some(contact)) => Some(corrections::correct_contact_form(
                        contact,
                        popup::channel_pairs(&self.catalog),
                        today,
                    )),
                    _ => {
                        self.message = Some(
                            "Kies eerst een notitie of een contactmoment op hun tab.".to_owned(),
                        );
                        None
                    }
                }
            }
            Action::Undo => match workflow::undoable(&self.store, today) {
                Ok(Some(edit)) => Some(corrections::undo_confirm(&edit)),
                Ok(None) => {
                    self.message =
                        Some("Er is vandaag niets (meer) om ongedaan te maken.".to_owned());
                    None
                }
                Err(err) => {
                    self.fail(err);
                    None
                }
            },
            _ => None,
        };
        if let Some(popup) = popup {
            self.popups.push(popup);
        }
    }

    /// The keys of an aanvraag. Each acts on the aanvraag under the cursor on the
    /// Aanvragen tab, or elsewhere on the client's only open one.
    fn act_aanvraag(&mut self, action: Action) {
        let today = self.session.today;
        let Some(view) = self.dossier.as_ref() else {
            return;
        };
        let client = &view.dossier.client;
        if action == Action::NewApplication {
            let popup =
                aanvragen::new_application(client.id, &client.name, client.birth_date, today);
            self.popups.push(popup);
            return;
        }
        let Some(app) = view.current_application() else {
            self.message = Some(if view.aanvragen.applications.is_empty() {
                format!(
                    "Nog geen aanvraag: registreer eerst een melding of aanvraag ({}).",
                    key_of(Action::NewApplication, &self.rebound)
                )
            } else {
                "Kies eerst de aanvraag op de tab Aanvragen.".to_owned()
            });
            return;
        };
        let id = app.application.id;
        let popup = match action {
            Action::ApplicationReceived => aanvragen::received_form(id, today),
            Action::GiveHersteltermijn => {
                aanvragen::herstel_form(id, &self.catalog, &self.calendar, today)
            }
            Action::Adjourn => aanvragen::adjourn_form(app, today),
            _ => aanvragen::decisions(Pick::AanvraagDecision { id }, today),
        };
        self.popups.push(popup);
    }

    /// `b` in the dossier: on the Brieven tab the selected letter was sent; else a
    /// letter about the afspraak or hersteltermijn under the cursor (or the one the
    /// selected work item comes from).
    fn act_letter(&mut self) {
        let Some(view) = self.dossier.as_ref() else {
            return;
        };
        if view.tab == Tab::Letters {
            self.message = match view.selected_letter() {
                Some(letter) => match letter.sent_on {
                    Some(on) => Some(format!("Deze brief is al verstuurd, op {}.", dutch(on))),
                    None => {
                        let kind = LetterKind::from_code(&letter.kind)
                            .map_or(letter.kind.clone(), |k| k.name().to_owned());
                        self.popups.push(Popup::Confirm {
                            title: format!("{kind} verstuurd?"),
                            lines: vec![
                                format!("Over: {}", letter.about),
                                format!("Gemaakt op {}: {}", dutch(letter.made_on), letter.file),
                                String::new(),
                                "j: vandaag verstuurd (een contactmoment per brief) · n: nog niet"
                                    .to_owned(),
                            ],
                            intent: Intent::LetterSent { id: letter.id },
                        });
                        None
                    }
                },
                None => Some(format!(
                    "Nog geen brieven: toets {} op een afspraak of hersteltermijn.",
                    key_of(Action::Letter, &self.rebound)
                )),
            };
            return;
        }
        let activity = view.selected_activity().cloned().or_else(|| {
            let source = view.selected_item()?.source_activity_id?;
            view.activities.iter().find(|a| a.id == source).cloned()
        });
        let Some(activity) = activity else {
            self.message = Some(format!(
                "Kies eerst een afspraak of hersteltermijn (tab Activiteiten of Werkitems) en toets {}.",
                key_of(Action::Letter, &self.rebound)
            ));
            return;
        };
        let kinds = LetterKind::for_type(&activity.type_code);
        if kinds.is_empty() {
            self.message = Some(format!(
                "Geen brief bij een {}: brieven zijn er voor afspraken en hersteltermijnen.",
                self.catalog
                    .activity_type_name(&activity.type_code)
                    .to_lowercase()
            ));
            return;
        }
        let pairs: Vec<(String, String)> = kinds
            .iter()
            .map(|k| (k.code().to_owned(), k.name().to_owned()))
            .collect();
        self.popups.push(Popup::Picker(Picker::new(
            format!("Brief over {}", activity.title),
            simple_choices(&pairs),
            Pick::LetterKind {
                activity: activity.id,
            },
            self.session.today,
        )));
    }

    /// Makes the letter, then asks whether it was sent today.
    fn make_letter(&mut self, activity: i64, kind: LetterKind) {
        let today = self.session.today;
        match crate::letters::make_letter(
            &mut self.store,
            &self.letters,
            kind,
            activity,
            None,
            today,
        ) {
            Ok(made) => {
                self.popups.clear();
                self.message = Some(format!("{} gemaakt: {}", kind.name(), made.file.display()));
                if let Err(err) = self.sweep_and_refresh() {
                    return self.fail(err);
                }
                self.popups.push(Popup::Confirm {
                    title: format!("{} gemaakt", kind.name()),
                    lines: vec![
                        made.file.display().to_string(),
                        String::new(),
                        format!(
                            "Vandaag verstuurd? j: ja, een contactmoment per brief · n: later ({} op de tab Brieven)",
                            key_of(Action::Letter, &self.rebound)
                        ),
                    ],
                    intent: Intent::LetterSent { id: made.id },
                });
            }
            Err(LetterFailure::Store(err)) => self.refuse(err),
            Err(other) => self.show_refusal(other.to_string()),
        }
    }

    /// Writes the handover bundle, then asks whether to end the clients now.
    fn handover(&mut self, ids: Vec<i64>, path: &str, protection: &workflow::sealing::Protection) {
        let path = std::path::PathBuf::from(path.trim());
        let written =
            workflow::write_bundle(&mut self.store, &ids, &path, protection, self.session.today);
        // A client whose aanvraag waits for its besluit stays: the colleague decides
        // in the bundle's copy, and this file keeps the aanvraag until then.
        let waiting = ids
            .iter()
            .map(|&id| Ok((id, self.store.applications(id)?)))
            .collect::<Result<Vec<_>>>();
        match written.and_then(|count| waiting.map(|w| (count, w))) {
            Ok((count, waiting)) => {
                self.popups.clear();
                self.message = Some(format!("Overdrachtsbundel geschreven: {}", path.display()));
                let (endable, open): (Vec<_>, Vec<_>) = waiting
                    .into_iter()
                    .partition(|(_, apps)| !apps.iter().any(|a| a.application.is_open()));
                let kept: Vec<String> = open
                    .iter()
                    .filter_map(|(id, apps)| {
                        let app = apps.iter().find(|a| a.application.is_open())?;
                        Some(format!(
                            "Klant {id} blijft: aanvraag {} wacht op een besluit.",
                            app.application.id
                        ))
                    })
                    .collect();
                let endable: Vec<i64> = endable.into_iter().map(|(id, _)| id).collect();
                if !endable.is_empty() {
                    let popup = corrections::handover_end_confirm(
                        endable,
                        &path,
                        count,
                        &kept,
                        self.session.today,
                    );
                    self.popups.push(popup);
                } else if !kept.is_empty() {
                    self.message = Some(format!(
                        "Overdrachtsbundel geschreven: {}. {}",
                        path.display(),
                        kept.join(" ")
                    ));
                }
            }
            Err(err) => self.refuse(err),
        }
    }

    /// Registers a client; a client with the same name and birth date is warned
    /// about first, and a second Enter registers anyway. The new dossier opens.
    fn add_client(&mut self, intent: Intent) {
        let Intent::AddClient {
            category,
            name,
            bsn,
            birth_date,
            phone,
            email,
            confirmed,
        } = intent
        else {
            return;
        };
        let today = self.session.today;
        let new = match bsn.as_deref().map(Bsn::parse).transpose() {
            Ok(bsn) => NewClient {
                name,
                bsn,
                birth_date,
                category,
                phone,
                email,
                contact_preference: None,
            },
            Err(err) => return self.refuse(err.into()),
        };
        if !confirmed {
            match workflow::same_client_warning(&self.store, &new) {
                Ok(Some(warning)) => {
                    if let Some(Popup::Form(form, Purpose::NewClient { confirmed, .. })) =
                        self.popups.last_mut()
                    {
                        *confirmed = true;
                        form.error = Some(format!(
                            "Let op: {warning}. Enter nogmaals om toch in te schrijven."
                        ));
                    }
                    return;
                }
                Ok(None) => {}
                Err(err) => return self.refuse(err),
            }
        }
        match workflow::add_client(&mut self.store, &new, today) {
            Ok(done) => {
                self.popups.clear();
                if let Err(err) = self.sweep_and_refresh() {
                    self.fail(err);
                    return;
                }
                self.open_dossier(done.id());
                self.message = Some(format!("Klant {} ingeschreven: {}", done.id(), new.name));
            }
            Err(err) => self.refuse(err),
        }
    }

    /// Damage an error reveals is recorded, so that no process writes to the file
    /// any more.
    fn record_damage(&self, err: &StoreError) {
        if let StoreError::Damaged(reason) = err {
            self.store.mark_damaged(reason);
        }
    }

    /// A failure shown in the status line.
    fn fail(&mut self, err: StoreError) {
        self.record_damage(&err);
        self.message = Some(err.to_string());
    }

    /// A refusal shown in the popup that asked, or else in the status line.
    fn refuse(&mut self, err: StoreError) {
        self.record_damage(&err);
        self.show_refusal(err.to_string());
    }

    fn show_refusal(&mut self, text: String) {
        let shown = self
            .popups
            .last_mut()
            .is_some_and(|top| top.show_error(text.clone()));
        if !shown {
            self.message = Some(text);
        }
    }

    fn summary(&self) -> String {
        match self.screen {
            Screen::Worklist => {
                let counts = format!(
                    "{} te laat · {} vandaag",
                    self.worklist.total_in(Group::Overdue),
                    self.worklist.total_in(Group::Today)
                );
                let total = self.worklist.total();
                let narrowed = self.worklist.narrowed_by(&self.catalog);
                // What is filtered first: at 80 columns the counts are cut, not it.
                if narrowed.is_empty() {
                    format!("{total} open · {counts}")
                } else {
                    format!(
                        "{} van {total}: {} · in totaal {counts}",
                        self.worklist.items.len(),
                        narrowed.join(" · ")
                    )
                }
            }
            Screen::Caseload => self.caseload.describe(&self.catalog),
            Screen::Week => {
                let items: usize = self.week.days.iter().map(|d| d.items.len()).sum();
                let appointments: usize = self.week.days.iter().map(|d| d.appointments.len()).sum();
                let from = self.week.start.unwrap_or(self.session.today);
                format!(
                    "vanaf {} · {} · {}",
                    dutch(from),
                    chrome::count(appointments, "afspraak", "afspraken"),
                    chrome::count(items, "werkitem", "werkitems")
                )
            }
            Screen::Overview => self.overview.describe(),
            Screen::Team => self.team.describe(),
            Screen::Dossier => self
                .dossier
                .as_ref()
                .map(|d| format!("klant {}", d.client_id()))
                .unwrap_or_default(),
        }
    }

    /// The colours the frame is shown in (`NO_COLOR`, a light background).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// The keys the settings changed (checked by `keymap::rebind`).
    pub fn set_keys(&mut self, rebound: Vec<Rebound>) {
        self.rebound = rebound;
    }

    pub fn draw(&mut self, frame: &mut Frame) {
        self.draw_screen(frame);
        self.theme.paint(frame.buffer_mut());
        // A control character stored in a name or note is shown, never sent to the
        // terminal (an escape sequence would rewrite the screen or its title).
        for cell in frame.buffer_mut().content.iter_mut() {
            if cell.symbol().chars().any(char::is_control) {
                let shown = crate::domain::text::visible(cell.symbol(), false).into_owned();
                cell.set_symbol(&shown);
            }
        }
    }

    fn draw_screen(&mut self, frame: &mut Frame) {
        let area = frame.area();
        if chrome::too_small(area) {
            chrome::draw_too_small(frame);
            return;
        }
        let [title, body, status] = chrome::layout(area);
        let today = self.session.today;
        let mut summary = self.summary();
        if self.session.read_only {
            summary = format!("ALLEEN LEZEN · {summary}");
        }
        chrome::draw_title(frame, title, self.screen, &summary, self.has_team);
        match self.screen {
            Screen::Worklist => self.worklist.draw(frame, body, today, &self.catalog),
            Screen::Caseload => {
                self.caseload
                    .draw(frame, body, (&self.catalog, &self.rebound), today)
            }
            Screen::Week => self.week.draw(frame, body),
            Screen::Overview => self
                .overview
                .draw(frame, body, (&self.catalog, &self.rebound)),
            Screen::Team => self.team.draw(frame, body),
            Screen::Dossier => {
                if let Some(view) = &mut self.dossier {
                    view.draw(frame, body, (&self.catalog, &self.rebound), today);
                }
            }
        }
        let keys = self.screen.keys();
        // Owned: the popup below borrows the app mutably.
        let rebound = self.rebound.clone();
        let sync = self.sync_label().map(str::to_owned);
        chrome::draw_status(
            frame,
            status,
            &self.session,
            self.message.as_deref(),
            sync.as_deref(),
            keys,
            &rebound,
        );
        let screen = self.screen;
        // Only the top popup: a form drawn over the picker that led to it would
        // leave the picker's edges showing.
        if let Some(popup) = self.top_popup() {
            popup::draw(popup, frame, |f, scroll| {
                chrome::draw_help(
                    f,
                    screen.title(),
                    &[keys, LIST_KEYS, GLOBAL_KEYS],
                    &rebound,
                    scroll,
                )
            });
        }
    }
}

/// "1 klant", "3 klanten".
fn clients(n: usize) -> String {
    super::chrome::count(n, "klant", "klanten")
}

/// Applies the intents of a client's course and of corrections.
fn apply_correction(store: &mut Store, intent: Intent, today: NaiveDate) -> Result<(String, Done)> {
    match intent {
        Intent::EditClient { client_id, edit } => {
            workflow::edit_client(store, client_id, &edit, today)
                .map(|done| ("Gegevens bewaard".to_owned(), done))
        }
        Intent::ChangeCategory {
            client_id,
            to,
            on,
            reason,
        } => workflow::change_category(store, client_id, &to, on, &reason, today)
            .map(|done| ("Doorstroom".to_owned(), done)),
        Intent::EndClient {
            client_id,
            reason,
            on,
            settle,
        } => {
            let name = client_name(store, client_id);
            workflow::end_client(store, client_id, on, &reason, settle, today)
                .map(|done| (name, done))
        }
        Intent::ReopenClient { client_id } => {
            let name = client_name(store, client_id);
            workflow::reopen_client(store, client_id, today).map(|done| (name, done))
        }
        Intent::MoveAppointment {
            id,
            date,
            time,
            channel,
        } => {
            let to = crate::domain::appointment::AppointmentMove {
                date: Some(date),
                time: Some(time.unwrap_or_default()),
                channel: Some(channel),
            };
            let warnings = workflow::appointment_warnings(
                store,
                date,
                to.time.as_deref().filter(|t| !t.is_empty()),
                Some(id),
            )?;
            workflow::move_appointment(store, id, &to, today).map(|done| {
                let mut what = format!("Afspraak {id}");
                for warning in warnings {
                    what = format!("{what} ({warning})");
                }
                (what, done)
            })
        }
        Intent::ReopenItem { id, reason } => workflow::reopen_item(store, id, &reason, today)
            .map(|done| (format!("Werkitem {id}"), done)),
        Intent::CorrectNote { id, text } => workflow::correct_note(store, id, &text, today)
            .map(|done| ("Correctie bewaard".to_owned(), done)),
        Intent::CorrectContact {
            id,
            date,
            channel,
            note,
        } => workflow::correct_contact(
            store,
            id,
            Some(date),
            Some(&channel),
            Some(note.as_deref().unwrap_or("")),
            today,
        )
        .map(|done| ("Correctie bewaard".to_owned(), done)),
        Intent::Undo { id } => workflow::undo(store, id, today).map(|edit| {
            (
                format!("Ongedaan gemaakt: {}", edit.summary),
                Done::default(),
            )
        }),
        // The other intents are applied in `App::apply`.
        _ => Ok((String::new(), Done::default())),
    }
}

/// The client's name for the status line (their number when it cannot be read).
fn client_name(store: &Store, id: i64) -> String {
    store
        .client(id)
        .map_or_else(|_| format!("Klant {id}"), |c| c.name)
}
