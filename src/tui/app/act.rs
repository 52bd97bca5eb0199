//! What a key does on the screen it is pressed on: moving, filtering and
//! switching here; an edit is a flow's (`tui/flow`), started with what is under
//! the cursor.

use chrono::NaiveDate;

use super::{App, Peek, Screen, PEEKING};
use crate::domain::date::dutch;
use crate::domain::period::{Period, Span};
use crate::tui::dossier::DossierView;
use crate::tui::flow::{self, Here, On, Start, Stop};
use crate::tui::keymap::Action;
use crate::tui::list::ListState;
use crate::tui::popup::Popup;
use crate::workflow;

impl App {
    /// What a flow reads when it starts.
    pub(super) fn here(&self) -> Here<'_> {
        Here {
            store: &self.store,
            catalog: &self.catalog,
            calendar: &self.calendar,
            today: self.session.today,
            rebound: &self.rebound,
            verordening: &self.verordening,
        }
    }

    /// Opens a flow's first popup, or says why it did not open.
    fn start(&mut self, started: Start) {
        match started {
            Ok(popup) => self.popups.push(popup),
            Err(Stop::Say(text)) => self.message = Some(text),
            Err(Stop::Fail(err)) => self.fail(err),
        }
    }

    pub(super) fn act(&mut self, action: Action) {
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last => self.move_cursor(action),
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
                    Screen::Week => self.week.text.clone(),
                    Screen::Overview | Screen::Team | Screen::Dossier => return,
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
            Action::Mark => {
                self.caseload.toggle_mark();
                self.caseload.list.move_by(1, self.caseload.len());
            }
            Action::ToggleEnded => {
                self.caseload.ended = !self.caseload.ended;
                self.caseload.list = ListState::default();
                self.caseload_stale = true;
            }
            Action::NextWeek | Action::PreviousWeek | Action::ThisWeek => {
                let today = self.session.today;
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
            Action::Team => self.screen = Screen::Team,
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
            Action::Help => {
                use crate::tui::keymap::{label, GLOBAL_KEYS, LIST_KEYS};
                let actions = [self.screen.keys(), LIST_KEYS, GLOBAL_KEYS]
                    .iter()
                    .flat_map(|table| table.iter())
                    .filter(|b| b.action != Action::Help)
                    .map(|b| crate::tui::popup::HelpAction {
                        action: b.action,
                        key: label(b, &self.rebound),
                        what: b.description,
                    })
                    .collect();
                self.popups.push(Popup::Help {
                    scroll: 0,
                    search: Default::default(),
                    actions,
                })
            }
            Action::Back => self.back(),
            Action::Quit => self.quit = true,
            Action::Refresh => self.reread(),
            _ => self.start_flow(action),
        }
    }

    /// What is under the cursor, for a flow to start from.
    pub(super) fn on(&self) -> On<'_> {
        On {
            here: self.here(),
            work_item: self.selected_work_item(),
            client: self.client_for_edit(),
            dossier: self
                .dossier
                .as_ref()
                .filter(|_| self.screen == Screen::Dossier),
            caseload: &self.caseload,
            real_today: self.peek.as_ref().map(|p| p.today),
        }
    }

    /// A key that starts an edit opens its flow with what is under the cursor;
    /// which flow, and what it needs there, each flow says (`flow::starter`).
    fn start_flow(&mut self, action: Action) {
        let Some(starter) = flow::starter(action) else {
            return;
        };
        if let Some(started) = (starter.start)(&self.on()) {
            self.start(started);
        }
    }

    fn move_cursor(&mut self, action: Action) {
        let week = self.screen == Screen::Week;
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
            if week {
                self.week.move_by(delta);
            } else {
                list.move_by(delta, len);
            }
        }
    }

    /// Esc: out of the dossier, out of a block, a kept search or filter cleared,
    /// back from looking ahead.
    fn back(&mut self) {
        match self.screen {
            Screen::Dossier => self.screen = self.back,
            Screen::Overview if self.overview.rows.is_some() => self.overview.rows = None,
            Screen::Worklist if !self.worklist.text.is_empty() => self.worklist.set_text(""),
            Screen::Worklist if self.worklist.clear_filters() => {}
            Screen::Caseload if !self.caseload.text.is_empty() => self.search_caseload(""),
            Screen::Caseload if self.caseload.clear_filters() => {}
            Screen::Week if !self.week.text.is_empty() => self.week.set_text(""),
            _ if self.peek.is_some() => self.stop_peeking(),
            _ => {}
        }
    }

    /// Ctrl-L: read the file again, and sync with the team now where the file
    /// syncs.
    fn reread(&mut self) {
        self.redraw_all = true;
        if let Some(sync) = &mut self.sync {
            sync.now();
        }
        match self.refresh() {
            Ok(()) => self.message = Some("Opnieuw ingelezen".to_owned()),
            Err(err) => self.fail(err),
        }
    }

    /// Shows the werkvoorraad and week as they will stand on `on` if nothing is done
    /// before then: the real file is copied into memory and the copy swept.
    pub(super) fn peek_ahead(&mut self, on: NaiveDate) {
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

    /// The client an edit started here is for, with their name.
    pub(super) fn client_for_edit(&self) -> Option<(i64, String)> {
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

    pub(super) fn open_dossier(&mut self, id: i64) {
        let today = self.session.today;
        match DossierView::load(&self.store, id, today) {
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

    /// Said when an edit is asked while looking ahead.
    pub(super) fn peeking_refusal(&mut self) {
        self.popups.clear();
        self.message = Some(PEEKING.to_owned());
    }
}
