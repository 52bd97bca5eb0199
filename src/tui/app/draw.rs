//! The frame: the title with a summary of the screen, the screen, the status
//! line with its keys, and the popup on top.

use ratatui::Frame;

use super::{App, Screen};
use crate::domain::date::dutch;
use crate::tui::chrome;
use crate::tui::keymap::Rebound;
use crate::tui::keymap::{Action, GLOBAL_KEYS, LIST_KEYS};
use crate::tui::popup;
use crate::tui::theme::Theme;
use crate::tui::worklist::Group;

impl App {
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
                let found = if self.week.text.is_empty() {
                    String::new()
                } else {
                    format!("zoek '{}' · ", self.week.text)
                };
                format!(
                    "{found}vanaf {} · {} · {}",
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
                .map(|d| {
                    let client = &d.dossier.client;
                    match client.ended_on {
                        Some(on) => format!("{} · uitgestroomd op {}", client.name, dutch(on)),
                        None => client.name.clone(),
                    }
                })
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
        self.too_small = chrome::too_small(area);
        if self.too_small {
            chrome::draw_too_small(frame);
            return;
        }
        let [title, body, status] = chrome::layout(area);
        let today = self.session.today;
        let mut summary = self.summary();
        if self.session.read_only {
            summary = format!("ALLEEN LEZEN · {summary}");
        }
        chrome::draw_title(
            frame,
            title,
            (self.screen, &summary),
            self.has_team,
            &self.rebound,
        );
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
        // What does nothing here, for the hints and the help.
        let unusable: Vec<Action> = keys
            .iter()
            .chain(LIST_KEYS)
            .chain(GLOBAL_KEYS)
            .map(|b| b.action)
            .filter(|a| self.unavailable(*a).is_some())
            .collect();
        chrome::draw_status(
            frame,
            status,
            (&self.session, self.message.as_deref(), sync.as_deref()),
            keys,
            (&rebound, &unusable),
        );
        let screen = self.screen;
        // Only the top popup: a form drawn over the picker that led to it would
        // leave the picker's edges showing.
        if let Some(popup) = self.top_popup() {
            popup::draw(popup, frame, |f, scroll, search, actions| {
                if search.text.is_empty() {
                    chrome::draw_help(
                        f,
                        screen.title(),
                        &[keys, LIST_KEYS, GLOBAL_KEYS],
                        (&rebound, &unusable),
                        scroll,
                    )
                } else {
                    chrome::draw_help_search(f, screen.title(), search, actions, &unusable)
                }
            });
        }
    }
}
