//! The Team screen, on the teamleider's snapshot: one row per klantmanager (clients,
//! open work, late, in view, handled this week) for the weekly start. Enter shows
//! that klantmanager's clients in the caseload.

use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Table};
use ratatui::Frame;

use super::list::ListState;
use crate::domain::team::MemberFigures;

#[derive(Debug, Default)]
pub struct TeamView {
    pub rows: Vec<MemberFigures>,
    pub list: ListState,
    /// When the server was read (UTC, as stored), for the title line.
    pub snapshot_at: Option<String>,
}

impl TeamView {
    pub fn set(&mut self, rows: Vec<MemberFigures>) {
        self.rows = rows;
        self.list.selected = self.list.selected.min(self.rows.len().saturating_sub(1));
    }

    pub fn selected(&self) -> Option<&MemberFigures> {
        self.rows.get(self.list.selected)
    }

    /// The title line's words: whose figures, and of when.
    pub fn describe(&self) -> String {
        let members = super::chrome::count(self.rows.len(), "klantmanager", "klantmanagers");
        match self
            .snapshot_at
            .as_deref()
            .and_then(crate::clock::local_moment)
        {
            Some(at) => format!("momentopname van {at} · {members}"),
            None => members,
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(
                    "Nog geen teamgegevens: maak een momentopname met 'inbeeld team snapshot'.",
                ),
                area,
            );
            return;
        }
        let header = Row::new([
            "Klantmanager",
            "Klanten",
            "Open",
            "Te laat",
            "In beeld",
            "Afgehandeld deze week",
        ])
        .style(Style::new().bold());
        // The header, the rows, and the team's total under a line of its own.
        let height = area.height.saturating_sub(3) as usize;
        let window = self.list.visible(self.rows.len(), height);
        let selected = self.list.selected;
        let mut rows: Vec<Row> = window
            .clone()
            .map(|i| {
                let r = &self.rows[i];
                let row = figures_row(r.member.clone(), r);
                if i == selected {
                    row.style(Style::new().reversed())
                } else {
                    row
                }
            })
            .collect();
        let total = crate::domain::team::team_total(&self.rows);
        rows.push(Row::new([Line::from("")]));
        rows.push(figures_row("Team".to_owned(), &total).style(Style::new().bold()));
        let widths = [
            Constraint::Min(14),
            Constraint::Length(8),
            Constraint::Length(7),
            Constraint::Length(8),
            Constraint::Length(11),
            Constraint::Length(22),
        ];
        frame.render_widget(Table::new(rows, widths).header(header), area);
    }
}

fn figures_row(name: String, r: &MemberFigures) -> Row<'static> {
    let late = Cell::from(r.late.to_string());
    Row::new([
        Cell::from(name),
        Cell::from(r.clients.to_string()),
        Cell::from(r.open.to_string()),
        if r.late > 0 {
            late.style(Style::new().red().bold())
        } else {
            late
        },
        Cell::from(format!("{} ({}%)", r.in_view, r.in_view_percent())),
        Cell::from(r.handled_this_week.to_string()),
    ])
}
