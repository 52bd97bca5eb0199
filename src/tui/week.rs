//! The week screen: seven days at a glance — the afspraken of each day in order of
//! time, what expires, which work items fall due. A line about a client opens the
//! dossier, a work item can be handled where it stands, and the week pages forward
//! and back.

use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::chrome::count;
use super::list::ListState;
use crate::domain::catalog::Catalog;
use crate::domain::date::{add_days, dutch};
use crate::domain::work_item::WorkItem;
use crate::store::AgendaEntry;

pub const DAYS: u64 = 7;

#[derive(Debug, Clone, Default)]
pub struct Day {
    pub date: NaiveDate,
    pub items: Vec<WorkItem>,
    pub expiring: Vec<AgendaEntry>,
    pub appointments: Vec<AgendaEntry>,
}

/// What a line of the week is about.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    None,
    Client(i64),
    Item(WorkItem),
}

#[derive(Debug, Default)]
pub struct WeekView {
    /// The first day shown; `None` until the week is first set (then today).
    pub start: Option<NaiveDate>,
    pub days: Vec<Day>,
    /// Every line of the week, and those the search leaves.
    all: Vec<(Line<'static>, Target)>,
    lines: Vec<(Line<'static>, Target)>,
    pub list: ListState,
    /// The search: only lines about what holds these words (a day's heading
    /// stays).
    pub text: String,
}

impl WeekView {
    /// Sorts the open items and agenda entries into the seven days from `start`.
    pub fn set(
        &mut self,
        items: &[WorkItem],
        agenda: Vec<AgendaEntry>,
        start: NaiveDate,
        catalog: &Catalog,
    ) {
        self.start = Some(start);
        self.days = (0..DAYS)
            .map(|n| add_days(start, n as i64))
            .map(|date| Day {
                date,
                ..Day::default()
            })
            .collect();
        for item in items {
            if let Some(day) = self.days.iter_mut().find(|d| d.date == item.due_date) {
                day.items.push(item.clone());
            }
        }
        for entry in agenda {
            if let Some(day) = self.days.iter_mut().find(|d| d.date == entry.date) {
                if entry.appointment {
                    day.appointments.push(entry);
                } else {
                    day.expiring.push(entry);
                }
            }
        }
        for day in &mut self.days {
            // An afspraak without a time comes after the ones with one.
            day.appointments
                .sort_by(|a, b| (a.time.is_none(), &a.time).cmp(&(b.time.is_none(), &b.time)));
        }
        self.all = self
            .days
            .iter()
            .flat_map(|day| day_lines(day, catalog))
            .collect();
        self.narrow();
    }

    /// Narrows the week to the lines holding `text`.
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_owned();
        self.narrow();
    }

    fn narrow(&mut self) {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let was = self.lines.get(self.list.selected).map(|(_, t)| t.clone());
        let holds = |line: &Line| {
            let text = line.to_string().to_lowercase();
            words.iter().all(|w| text.contains(w))
        };
        // Day by day: its heading, the lines that hold the words, the blank line;
        // a day with none of them is left out while searching.
        self.lines.clear();
        for day in self
            .all
            .split_inclusive(|(line, target)| *target == Target::None && line.spans.is_empty())
        {
            let found: Vec<_> = day
                .iter()
                .filter(|(line, target)| *target != Target::None && holds(line))
                .cloned()
                .collect();
            if found.is_empty() && !words.is_empty() {
                continue;
            }
            let heading = day.iter().take_while(|(_, t)| *t == Target::None);
            let blank = day.last().filter(|(line, _)| line.spans.is_empty());
            self.lines.extend(heading.take(1).cloned());
            self.lines.extend(found);
            self.lines.extend(blank.cloned());
        }
        // The same line stays selected where it is still shown.
        if let Some(at) = was.and_then(|t| self.lines.iter().position(|(_, l)| *l == t)) {
            self.list.selected = at;
        }
        self.settle(1);
    }

    /// Moves the cursor `delta` lines, passing over the days' headings and the
    /// blank lines between days: only a line about a client is selected.
    pub fn move_by(&mut self, delta: isize) {
        self.list.move_by(delta, self.lines.len());
        self.settle(if delta < 0 { -1 } else { 1 });
    }

    /// The nearest line about a client, first in `direction`, else the other
    /// way.
    fn settle(&mut self, direction: isize) {
        if self.lines.is_empty() {
            self.list.selected = 0;
            return;
        }
        let about = |i: &usize| !matches!(self.lines[*i].1, Target::None);
        let from = self.list.selected.min(self.lines.len() - 1);
        let forward = (from..self.lines.len()).find(about);
        let back = (0..=from).rev().find(about);
        let found = if direction < 0 {
            back.or(forward)
        } else {
            forward.or(back)
        };
        self.list.selected = found.unwrap_or(0);
    }

    /// The first day of the week `weeks` from the one shown.
    pub fn paged(&self, weeks: i64, today: NaiveDate) -> NaiveDate {
        add_days(self.start.unwrap_or(today), weeks * DAYS as i64)
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The client of the selected line, if it is about one.
    pub fn selected_client(&self) -> Option<i64> {
        match &self.lines.get(self.list.selected)?.1 {
            Target::Client(id) => Some(*id),
            Target::Item(item) => Some(item.client_id),
            Target::None => None,
        }
    }

    pub fn selected_item(&self) -> Option<&WorkItem> {
        match &self.lines.get(self.list.selected)?.1 {
            Target::Item(item) => Some(item),
            _ => None,
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        let block = Block::new().borders(Borders::TOP);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let height = inner.height as usize;
        let mut window = self.list.visible(self.lines.len(), height);
        let selected = self.list.selected;
        // Keep the day's heading above its first line in view.
        let heading_above = selected > 0 && self.lines[selected - 1].1 == Target::None;
        if heading_above && window.start == selected && height > 1 {
            self.list.offset = selected - 1;
            window = self.list.window(selected, self.lines.len(), height);
        }
        let lines: Vec<Line> = self.lines[window.clone()]
            .iter()
            .zip(window)
            .map(|((line, _), i)| {
                if i == selected {
                    line.clone().style(Style::new().reversed())
                } else {
                    line.clone()
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

fn day_lines(day: &Day, catalog: &Catalog) -> Vec<(Line<'static>, Target)> {
    let mut lines = vec![(
        Line::from(vec![
            Span::styled(format!("{:<16}", dutch(day.date)), Style::new().bold()),
            Span::raw(format!(
                "{} · {} · {}",
                count(day.appointments.len(), "afspraak", "afspraken"),
                count(day.expiring.len(), "einddatum", "einddatums"),
                count(day.items.len(), "werkitem", "werkitems"),
            )),
        ]),
        Target::None,
    )];
    for a in &day.appointments {
        let when = a.time.as_deref().unwrap_or("     ");
        let channel = a
            .channel
            .as_deref()
            .map(|c| format!(" ({})", catalog.channel_name(c)))
            .unwrap_or_default();
        lines.push((
            Line::from(vec![
                Span::styled(format!("  {when} afspraak "), Style::new().cyan()),
                Span::raw(format!("{} — {}{channel}", a.client_name, a.title)),
            ]),
            Target::Client(a.client_id),
        ));
    }
    for a in &day.expiring {
        lines.push((
            Line::from(vec![
                Span::styled("  eindigt        ", Style::new().yellow()),
                Span::raw(format!(
                    "{} — {} ({})",
                    a.client_name,
                    a.title,
                    catalog.activity_type_name(&a.type_code)
                )),
            ]),
            Target::Client(a.client_id),
        ));
    }
    for item in &day.items {
        let mark = if item.legal { "§" } else { " " };
        lines.push((
            Line::from(vec![
                Span::styled(format!("  werkitem {mark}     "), Style::new().dim()),
                Span::raw(format!("{} — {}", item.client_name, item.title)),
            ]),
            Target::Item(item.clone()),
        ));
    }
    lines.push((Line::default(), Target::None));
    lines
}
