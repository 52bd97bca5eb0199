//! Output for people (aligned tables) and for scripts (JSON).

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::print_failed;
use crate::domain::text::visible;

/// Pretty JSON on stdout, followed by a newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    // Stdout is line-buffered: without a buffer, pretty JSON costs a write per line.
    let mut out = io::BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out).map_err(print_failed)?;
    out.flush().map_err(print_failed)
}

/// A table with a header row; columns are as wide as their widest cell.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> anyhow::Result<()> {
    // A stored control character is shown, not sent to the terminal.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| visible(c, false).into_owned()).collect())
        .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.width());
        }
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let header: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(&widths).enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(width - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end()).map_err(print_failed)?;
    }
    out.flush().map_err(print_failed)
}

/// A line of plain text on stdout.
pub fn line(text: &str) -> anyhow::Result<()> {
    writeln!(io::stdout(), "{}", visible(text, true)).map_err(print_failed)
}

pub fn or_dash<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

pub fn yes_no(value: bool) -> String {
    if value { "ja" } else { "nee" }.to_owned()
}
