//! The week screen: the coming seven days at a glance — what expires, which
//! appointments, how many work items fall due each day.

use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use super::list::ListState;
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

#[derive(Debug, Default)]
pub struct WeekView {
    pub days: Vec<Day>,
    lines: Vec<Line<'static>>,
    pub list: ListState,
}

impl WeekView {
    /// Sorts the open items and agenda entries into the seven days from `today`.
    pub fn set(&mut self, items: &[WorkItem], agenda: Vec<AgendaEntry>, today: NaiveDate) {
        self.days = (0..DAYS)
            .map(|n| add_days(today, n as i64))
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
        self.lines = self.days.iter().flat_map(day_lines).collect();
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        let block = Block::new().borders(Borders::TOP);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // Scrolling moves the window; there is nothing to select.
        let height = inner.height as usize;
        let max_offset = self.lines.len().saturating_sub(height);
        self.list.selected = self.list.selected.min(max_offset);
        self.list.page = height;
        let window = self.list.selected..(self.list.selected + height).min(self.lines.len());
        frame.render_widget(Paragraph::new(self.lines[window].to_vec()), inner);
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn day_lines(day: &Day) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<16}", dutch(day.date)), Style::new().bold()),
        Span::raw(format!(
            "{} · {} · {}",
            count(day.items.len(), "werkitem", "werkitems"),
            count(day.expiring.len(), "einddatum", "einddatums"),
            count(day.appointments.len(), "afspraak", "afspraken"),
        )),
    ])];
    for a in &day.appointments {
        let when = a.time.as_deref().unwrap_or("     ");
        let channel = a
            .channel
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("  afspraak {when} "), Style::new().cyan()),
            Span::raw(format!("{} — {}{channel}", a.client_name, a.title)),
        ]));
    }
    for a in &day.expiring {
        lines.push(Line::from(vec![
            Span::styled("  eindigt        ", Style::new().yellow()),
            Span::raw(format!("{} — {} ({})", a.client_name, a.title, a.type_code)),
        ]));
    }
    for item in &day.items {
        let mark = if item.legal { "§" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(format!("  werkitem {mark}     "), Style::new().dim()),
            Span::raw(format!("{} — {}", item.client_name, item.title)),
        ]));
    }
    lines.push(Line::default());
    lines
}
