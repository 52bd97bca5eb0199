//! The caseload screen: every client, how long since the last contact, what is next.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;

use crate::domain::catalog::Catalog;
use crate::domain::client::ClientSummary;
use crate::domain::date::relative;

/// A scrollable list of rows. Only the visible window is turned into widgets, so a
/// list of 10,000 rows costs no more to draw than one of 30.
#[derive(Debug, Default)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
    /// Rows that fitted at the last draw: a page for PgUp/PgDn.
    pub page: usize,
}

impl ListState {
    pub fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
    }

    pub fn page_size(&self) -> isize {
        self.page.max(1) as isize
    }

    /// Keeps the selection inside the window of `height` rows.
    pub fn visible(&mut self, len: usize, height: usize) -> std::ops::Range<usize> {
        self.page = height;
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if height > 0 && self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset..(self.offset + height).min(len)
    }
}

#[derive(Debug, Default)]
pub struct CaseloadView {
    pub rows: Vec<ClientSummary>,
    pub list: ListState,
}

impl CaseloadView {
    pub fn out_of_view(&self) -> usize {
        self.rows.iter().filter(|c| !c.in_view).count()
    }

    pub fn selected(&self) -> Option<&ClientSummary> {
        self.rows.get(self.list.selected)
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect, catalog: &Catalog, today: NaiveDate) {
        let block = Block::new().borders(Borders::TOP);
        let inner_height = area.height.saturating_sub(2) as usize; // top border + header
        let window = self.list.visible(self.rows.len(), inner_height);
        let selected = self.list.selected;
        let rows: Vec<Row> = self.rows[window.clone()]
            .iter()
            .zip(window)
            .map(|(client, index)| {
                let contact = match client.days_since_contact {
                    Some(days) => format!("{days} dagen"),
                    None => "nooit".to_owned(),
                };
                let contact = if client.in_view {
                    Span::raw(contact)
                } else {
                    Span::styled(format!("{contact} ▲"), Style::new().red().bold())
                };
                let deadline = client
                    .next_deadline
                    .map(|d| deadline_span(d, today))
                    .unwrap_or_else(|| Span::raw("-"));
                let row = Row::new(vec![
                    Line::from(client.name.clone()),
                    Line::from(catalog.category_name(&client.category).to_owned()),
                    Line::from(contact),
                    Line::from(deadline),
                    Line::from(client.open_items.to_string()),
                ]);
                if index == selected {
                    row.style(Style::new().reversed())
                } else {
                    row
                }
            })
            .collect();
        let header = Row::new(["Klant", "Categorie", "Contact", "Deadline", "Open"])
            .style(Style::new().bold());
        let table = Table::new(
            rows,
            [
                Constraint::Fill(1),
                Constraint::Length(18),
                Constraint::Length(12),
                Constraint::Length(16),
                Constraint::Length(4),
            ],
        )
        .header(header)
        .block(block);
        frame.render_widget(table, area);
    }
}

/// A deadline as "over 3 dagen", red once it has passed.
pub fn deadline_span(date: NaiveDate, today: NaiveDate) -> Span<'static> {
    let text = relative(date, today);
    if date < today {
        Span::styled(text, Style::new().red())
    } else if date == today {
        Span::styled(text, Style::new().yellow().bold())
    } else {
        Span::raw(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_the_selection() {
        let mut list = ListState::default();
        assert_eq!(list.visible(100, 10), 0..10);
        list.move_by(15, 100);
        assert_eq!(list.visible(100, 10), 6..16);
        list.move_by(-100, 100);
        assert_eq!(list.visible(100, 10), 0..10);
        list.move_by(1000, 100);
        assert_eq!(list.selected, 99);
        assert_eq!(list.visible(100, 10), 90..100);
        assert_eq!(list.visible(0, 10), 0..0);
        assert_eq!(list.visible(5, 0), 0..0);
    }
}
