//! The caseload screen: every client, how long since the last contact, what is next.

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Row, Table};
use ratatui::Frame;

use super::list::ListState;
use crate::domain::catalog::Catalog;
use crate::domain::client::ClientSummary;
use crate::domain::date::relative;

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
