//! The pieces every dossier tab is drawn with: an empty tab's line, a table
//! under the tab bar, the selected row, and the lines about it below.

use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, Wrap};
use ratatui::Frame;

pub fn empty(frame: &mut Frame, area: Rect, text: &str) {
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Line::from(text.to_owned()).dim(), inner);
}

/// A few lines under a list about its selected row.
pub fn draw_detail(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::new().borders(Borders::TOP)),
        area,
    );
}

pub fn table<'a>(rows: Vec<Row<'a>>, header: Row<'a>, widths: &[Constraint]) -> Table<'a> {
    Table::new(rows, widths.to_vec())
        .header(header.style(Style::new().bold()))
        .block(Block::new().borders(Borders::TOP))
}

/// The selected row, reversed.
pub fn highlight(row: Row<'_>, selected: bool) -> Row<'_> {
    if selected {
        row.style(Style::new().reversed())
    } else {
        row
    }
}

/// A column as wide as its widest entry, within `min` and `max`: a status or a
/// kind is never cut where the room is there.
pub fn fit(widths: impl Iterator<Item = usize>, min: usize, max: usize) -> Constraint {
    Constraint::Length(widths.max().unwrap_or(0).clamp(min, max) as u16)
}
