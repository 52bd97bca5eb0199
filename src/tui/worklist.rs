//! The werkvoorraad screen: open work items grouped by when they are due.

use std::collections::HashSet;

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::caseload::deadline_span;
use super::list::ListState;
use crate::domain::catalog::Catalog;
use crate::domain::date::{add_days, relative};
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
            Group::ThisWeek => "Komende 7 dagen",
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
    /// Only items with a statutory term (§).
    pub legal_only: bool,
    /// Only items of this kind (its code).
    pub kind: Option<String>,
    /// Only items due today or late.
    pub due_only: bool,
    /// Only the items of the clients of this klantmanager (from the Team screen).
    pub owner: Option<(String, HashSet<i64>)>,
    today: Option<NaiveDate>,
    /// The widths of the due, client and kind columns over `items`, measured at
    /// the first frame after the rows changed (not at every frame: 10,000 rows).
    widths: Option<[u16; 3]>,
    entries: Vec<Entry>,
    /// For each item, its line in `entries`.
    positions: Vec<usize>,
    pub list: ListState,
}

impl WorklistView {
    /// Takes new rows (in werkvoorraad order), keeping the selection on the same
    /// item where it is still there.
    pub fn set_items(&mut self, items: Vec<WorkItem>, today: NaiveDate, catalog: &Catalog) {
        self.folded = items
            .iter()
            .map(|i| {
                let kind = catalog.kind_name(&i.kind);
                fold(&format!("{}\n{kind}\n{}", i.client_name, i.title))
            })
            .collect();
        self.all = items;
        self.today = Some(today);
        self.rebuild(true);
    }

    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_owned();
        self.rebuild(false);
    }

    pub fn toggle_legal(&mut self) {
        self.legal_only = !self.legal_only;
        self.rebuild(false);
    }

    /// Shows only the items of `clients`, the caseload of `member`.
    pub fn only_of(&mut self, member: &str, clients: HashSet<i64>) {
        self.owner = Some((member.to_owned(), clients));
        self.list = ListState::default();
        self.rebuild(false);
    }

    pub fn toggle_due(&mut self) {
        self.due_only = !self.due_only;
        self.rebuild(false);
    }

    /// The next kind that has open items, in catalogue order; after the last, all.
    pub fn cycle_kind(&mut self, catalog: &Catalog) {
        // Only kinds that the other filters leave something of.
        let present: Vec<&str> = catalog
            .work_item_kinds
            .iter()
            .map(|k| k.code.as_str())
            .filter(|code| {
                self.all
                    .iter()
                    .any(|i| i.kind == *code && (!self.legal_only || i.legal))
            })
            .collect();
        let next = match &self.kind {
            None => present.first(),
            Some(current) => present
                .iter()
                .position(|c| c == current)
                .and_then(|i| present.get(i + 1)),
        };
        self.kind = next.map(|c| (*c).to_owned());
        self.rebuild(false);
    }

    /// Clears the filters (not the search); whether there were any.
    pub fn clear_filters(&mut self) -> bool {
        let any = self.legal_only || self.due_only || self.kind.is_some() || self.owner.is_some();
        self.legal_only = false;
        self.due_only = false;
        self.kind = None;
        self.owner = None;
        if any {
            self.rebuild(false);
        }
        any
    }

    /// What narrows the list, in the words of the header; empty when nothing does.
    pub fn narrowed_by(&self, catalog: &Catalog) -> Vec<String> {
        let mut parts = Vec::new();
        if !self.text.is_empty() {
            parts.push(format!("zoek '{}'", self.text));
        }
        if self.legal_only {
            parts.push("alleen §".to_owned());
        }
        if let Some(kind) = &self.kind {
            parts.push(format!("soort {}", catalog.kind_name(kind)));
        }
        if self.due_only {
            parts.push("t/m vandaag".to_owned());
        }
        if let Some((member, _)) = &self.owner {
            parts.push(format!("van {member}"));
        }
        parts
    }

    pub fn total(&self) -> usize {
        self.all.len()
    }

    /// Open items in `group`, whatever the search and filters.
    pub fn total_in(&self, group: Group) -> usize {
        let Some(today) = self.today else { return 0 };
        self.all
            .iter()
            .filter(|i| Group::of(i.due_date, today) == group)
            .count()
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
            .filter(|(item, folded)| {
                query.in_text(folded)
                    && (!self.legal_only || item.legal)
                    && self.kind.as_ref().is_none_or(|k| *k == item.kind)
                    && (!self.due_only || item.due_date <= today)
                    && self
                        .owner
                        .as_ref()
                        .is_none_or(|(_, clients)| clients.contains(&item.client_id))
            })
            .map(|(item, _)| item.clone())
            .collect();
        self.entries.clear();
        self.positions.clear();
        self.widths = None;
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

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, today: NaiveDate, catalog: &Catalog) {
        let height = area.height.saturating_sub(2) as usize; // top border + header
        if self.items.is_empty() {
            let block = Block::new().borders(Borders::TOP);
            let inner = block.inner(area);
            frame.render_widget(block, area);
            let text = if self.all.is_empty() {
                "Geen open werkitems. Alles is afgehandeld."
            } else {
                "Geen werkitems die bij de zoekopdracht of het filter passen; Esc wist ze."
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
        // Below 100 columns the kind leads what is asked, so that "Wat" keeps its
        // room.
        let narrow = area.width < 100;
        // A group's heading is drawn over its whole row after the table, so that it
        // does not widen the first column.
        let mut headings = Vec::new();
        let rows: Vec<Row> = self.entries[window]
            .iter()
            .enumerate()
            .map(|(row, entry)| match *entry {
                Entry::Heading(group, count) => {
                    let style = match group {
                        Group::Overdue => Style::new().red().bold(),
                        Group::Today => Style::new().yellow().bold(),
                        _ => Style::new().bold(),
                    };
                    headings.push((
                        row,
                        Line::from(Span::styled(format!("{} ({count})", group.label()), style)),
                    ));
                    Row::new(vec![Line::default()])
                }
                Entry::Item(index) => {
                    let item = &self.items[index];
                    let name = catalog.kind_name(&item.kind);
                    let kind = if item.legal {
                        Span::styled(format!("§ {name}"), Style::new().magenta().bold())
                    } else {
                        Span::raw(format!("  {name}"))
                    };
                    let asks = what(&item.title, name);
                    let row = if narrow {
                        // No column of its own for the kind: it leads what is asked.
                        let mark = if item.legal { "§ " } else { "" };
                        let says_kind = item.title.to_lowercase().starts_with(&name.to_lowercase());
                        let text = if says_kind {
                            item.title.clone()
                        } else {
                            format!("{name}: {asks}")
                        };
                        Row::new(vec![
                            Line::from(deadline_span(item.due_date, today)),
                            Line::from(item.client_name.clone()),
                            Line::from(vec![
                                Span::styled(mark, Style::new().magenta().bold()),
                                Span::raw(text),
                            ]),
                        ])
                    } else {
                        Row::new(vec![
                            Line::from(deadline_span(item.due_date, today)),
                            Line::from(item.client_name.clone()),
                            Line::from(kind),
                            Line::from(asks.to_owned()),
                        ])
                    };
                    if index == self.list.selected {
                        row.style(Style::new().reversed())
                    } else {
                        row
                    }
                }
            })
            .collect();
        let [due, client, kind] = *self
            .widths
            .get_or_insert_with(|| column_widths(&self.items, today, catalog));
        let (header, widths) = if narrow {
            (
                Row::new(["Vervalt", "Klant", "Wat"]),
                vec![
                    Constraint::Length(due),
                    Constraint::Length(client),
                    Constraint::Fill(1),
                ],
            )
        } else {
            (
                Row::new(["Vervalt", "Klant", "Soort", "Wat"]),
                vec![
                    Constraint::Length(due),
                    Constraint::Length(client),
                    Constraint::Length(kind),
                    Constraint::Fill(1),
                ],
            )
        };
        let header = header.style(Style::new().bold());
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::new().borders(Borders::TOP));
        frame.render_widget(table, area);
        // Below the top border and the header.
        for (row, line) in headings {
            let y = area.y + 2 + row as u16;
            if y < area.bottom() {
                let at = Rect {
                    y,
                    height: 1,
                    ..area
                };
                frame.render_widget(line, at);
            }
        }
    }
}

/// What a work item asks, without its kind in front where the title repeats it
/// ("Nabellen: herinner aan de afspraak" beside the kind Nabellen).
pub fn what<'a>(title: &'a str, kind_name: &str) -> &'a str {
    title
        .strip_prefix(kind_name)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(title)
}

/// The due, client and kind columns as wide as their widest entry (a name within
/// reason), so that what is to be done gets the rest. The due column also holds
/// the group headings ("Komende 7 dagen (12)").
fn column_widths(items: &[WorkItem], today: NaiveDate, catalog: &Catalog) -> [u16; 3] {
    let widest = |width: &dyn Fn(&WorkItem) -> usize| items.iter().map(width).max().unwrap_or(0);
    let due = widest(&|i| relative(i.due_date, today).width()).max(7);
    let client = widest(&|i| i.client_name.width()).clamp(6, 24);
    let kind = widest(&|i| catalog.kind_name(&i.kind).width() + 2).max(6);
    [due as u16, client as u16, kind as u16]
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
