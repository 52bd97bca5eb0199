//! The werkvoorraad screen: open work items grouped by when they are due.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;

use super::caseload::deadline_span;
use super::list::ListState;
use crate::domain::date::add_days;
use crate::domain::search::{fold, Query};
use crate::domain::work_item::WorkItem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Group {
    pub fn of(due: NaiveDate, today: NaiveDate) -> Group {
        let week_end = add_days(today, 7);
        if due < today {
            Group::Overdue
        } else if due == today {
            Group::Today
        } else if due <= week_end {
            Group::ThisWeek
        } else {
            Group::Later
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Group::Overdue => "Te laat",
            Group::Today => "Vandaag",
            Group::ThisWeek => "Deze week",
            Group::Later => "Later",
        }
    }
}

/// A line of the list: a group heading or an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Heading(Group, usize),
    Item(usize),
}

#[derive(Debug, Default)]
pub struct WorklistView {
    /// The open items that pass the search, in werkvoorraad order.
    pub items: Vec<WorkItem>,
    all: Vec<WorkItem>,
    /// `all`'s client, kind and title, folded for the search.
    folded: Vec<String>,
    /// Only items whose client, kind or title contains this (case and accents
    /// ignored).
    pub text: String,
    today: Option<NaiveDate>,
    entries: Vec<Entry>,
    /// For each item, its line in `entries`.
    positions: Vec<usize>,
    pub list: ListState,
}

impl WorklistView {
    /// Takes new rows (in werkvoorraad order), keeping the selection on the same
    /// item where it is still there.
    pub fn set_items(&mut self, items: Vec<WorkItem>, today: NaiveDate) {
        self.folded = items
            .iter()
            .map(|i| fold(&format!("{}\n{}\n{}", i.client_name, i.kind, i.title)))
            .collect();
        self.all = items;
        self.today = Some(today);
        self.rebuild(true);
    }

    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_owned();
        self.rebuild(false);
    }

    pub fn total(&self) -> usize {
        self.all.len()
    }

    /// All open items, whatever the search.
    pub fn all_items(&self) -> &[WorkItem] {
        &self.all
    }

    /// `same_client`: when the selected item is gone, go to its client's next item
    /// (after a refresh) rather than the first one (after a new search).
    fn rebuild(&mut self, same_client: bool) {
        let Some(today) = self.today else { return };
        let selected = self.selected().map(|i| (i.id, i.client_id));
        let query = Query::new(&self.text);
        self.items = self
            .all
            .iter()
            .zip(&self.folded)
            .filter(|(_, folded)| query.in_text(folded))
            .map(|(item, _)| item.clone())
            .collect();
        self.entries.clear();
        self.positions.clear();
        let mut current: Option<Group> = None;
        for (index, item) in self.items.iter().enumerate() {
            let group = Group::of(item.due_date, today);
            if current != Some(group) {
                let count = self.items[index..]
                    .iter()
                    .take_while(|i| Group::of(i.due_date, today) == group)
                    .count();
                self.entries.push(Entry::Heading(group, count));
                current = Some(group);
            }
            self.positions.push(self.entries.len());
            self.entries.push(Entry::Item(index));
        }
        // The same item stays selected; when it is gone, the same client's next
        // item (after a refresh) or the first one found — never whatever now stands
        // on the old row, which may be another client's.
        self.list.selected = selected
            .and_then(|(id, client)| {
                let items = &self.items;
                items.iter().position(|i| i.id == id).or_else(|| {
                    items
                        .iter()
                        .position(|i| same_client && i.client_id == client)
                })
            })
            .unwrap_or(0);
    }

    pub fn selected(&self) -> Option<&WorkItem> {
        self.items.get(self.list.selected)
    }

    pub fn count(&self, group: Group) -> usize {
        self.entries
            .iter()
            .find_map(|e| match e {
                Entry::Heading(g, n) if *g == group => Some(*n),
                _ => None,
            })
            .unwrap_or(0)
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate) {
        let height = area.height.saturating_sub(2) as usize; // top border + header
        if self.items.is_empty() {
            let block = Block::new().borders(Borders::TOP);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let text = if self.all.is_empty() {
                "Geen open werkitems. Alles is afgehandeld."
            } else {
                "Geen werkitems die bij de zoekopdracht passen."
            };
            frame.render_widget(Line::from(text).dim(), inner);
            return;
        }
        // Keep the heading above the first item of a group in view.
        let position = self.positions[self.list.selected];
        let mut window = self.list.window(position, self.entries.len(), height);
        let heading_above =
            position > 0 && matches!(self.entries[position - 1], Entry::Heading(..));
        if heading_above && window.start == position && height > 1 {
            self.list.offset = position - 1;
            window = self.list.window(position, self.entries.len(), height);
        }
        let rows: Vec<Row> = self.entries[window]
            .iter()
            .map(|entry| match *entry {
                Entry::Heading(group, count) => {
                    let style = match group {
                        Group::Overdue => Style::new().red().bold(),
                        Group::Today => Style::new().yellow().bold(),
                        _ => Style::new().bold(),
                    };
                    Row::new(vec![Line::from(Span::styled(
                        format!("{} ({count})", group.label()),
                        style,
                    ))])
                }
                Entry::Item(index) => {
                    let item = &self.items[index];
                    let kind = if item.legal {
                        Span::styled(format!("§ {}", item.kind), Style::new().magenta().bold())
                    } else {
                        Span::raw(format!("  {}", item.kind))
                    };
                    let row = Row::new(vec![
                        Line::from(deadline_span(item.due_date, today)),
                        Line::from(item.client_name.clone()),
                        Line::from(kind),
                        Line::from(item.title.clone()),
                    ]);
                    if index == self.list.selected {
                        row.style(Style::new().reversed())
                    } else {
                        row
                    }
                }
            })
            .collect();
        let header = Row::new(["Vervalt", "Klant", "Soort", "Wat"]).style(Style::new().bold());
        let table = Table::new(
            rows,
            [
                Constraint::Length(17),
                Constraint::Fill(1),
                Constraint::Length(16),
                Constraint::Fill(2),
            ],
        )
        .header(header)
        .block(Block::new().borders(Borders::TOP));
        frame.render_widget(table, area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn groups_by_due_date() {
        let today = d("2026-11-22");
        assert_eq!(Group::of(d("2026-11-21"), today), Group::Overdue);
        assert_eq!(Group::of(today, today), Group::Today);
        assert_eq!(Group::of(d("2026-11-23"), today), Group::ThisWeek);
        assert_eq!(Group::of(d("2026-11-29"), today), Group::ThisWeek);
        assert_eq!(Group::of(d("2026-11-30"), today), Group::Later);
    }
}
