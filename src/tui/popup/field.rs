//! A form's fields on `tui-textarea`: what each takes, its name, and how it is
//! drawn. Checking a value against the other fields is the form's (`form.rs`).

use chrono::NaiveDate;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use tui_textarea::TextArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text that may not be empty.
    Text,
    /// Text that may not be empty, read as a list (one item per `;`): the form
    /// shows the items as a letter will print them.
    List,
    /// Text that may be left empty.
    OptionalText,
    /// Lines of text (a note); Enter adds a line, Ctrl-S saves.
    Multiline,
    /// A date not before `not_before` and not after `not_after`.
    Date {
        not_before: Option<NaiveDate>,
        not_after: Option<NaiveDate>,
    },
    /// A date not before the date in the field named `start` (an end date).
    EndOf { start: &'static str },
    /// A time of day (UU:MM) that may be left empty.
    OptionalTime,
    /// A date that may be left empty (a birth date), not after `not_after`.
    OptionalDate { not_after: Option<NaiveDate> },
    /// A BSN that passes the elfproef, or nothing.
    OptionalBsn,
    /// A whole number from `min` to `max`.
    Number { min: i64, max: i64 },
    /// One of the field's `choices`, typed as its code or its name ("e-mail",
    /// "Op locatie"); `optional` lets it be left empty.
    Choice { optional: bool },
    /// A passphrase: shown masked, long enough to seal a bundle with.
    Passphrase,
    /// The passphrase in the field named `of` once more, masked.
    SameAs { of: &'static str },
}

/// The width of every form, borders included.
pub(super) const FORM_WIDTH: u16 = 66;

/// How many lines `text` takes inside a form (an estimate that may round up: word
/// wrapping can need one more line than the width alone says).
pub(super) fn wrapped_lines(text: &str) -> u16 {
    let width = usize::from(FORM_WIDTH - 2);
    let chars = unicode_width::UnicodeWidthStr::width(text);
    let lines = chars.div_ceil(width).max(1);
    // Words pushed to the next line take up to a word's width per line.
    let lines = if chars > width {
        (chars + lines * 12).div_ceil(width)
    } else {
        lines
    };
    lines as u16
}

pub struct Field {
    /// What the form's purpose reads the value by (`values.date("end")`).
    pub name: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub(super) input: TextArea<'static>,
    /// For a choice: (code, name) of what may be chosen.
    pub(super) choices: Vec<(String, String)>,
    /// A deadline or an afspraak: a weekend or feestdag is warned about.
    pub(super) deadline: bool,
    /// What the field held when the form opened: changed, it is typed text that
    /// Esc asks about before throwing it away.
    pub(super) initial: String,
}

/// Letters and digits only, lower case: "E-mail", "e mail" and "email" are one.
pub(super) fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The value of a field, once it is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Empty,
    Date(NaiveDate),
    Number(i64),
}

impl Value {
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        }
    }

    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(d) => Some(*d),
            _ => None,
        }
    }

    pub fn number(&self) -> Option<i64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

impl Field {
    pub fn new(name: &'static str, label: &'static str, kind: FieldKind, initial: &str) -> Field {
        let mut input = TextArea::new(initial.lines().map(str::to_owned).collect());
        input.move_cursor(tui_textarea::CursorMove::Bottom);
        input.move_cursor(tui_textarea::CursorMove::End);
        input.set_cursor_line_style(Style::new());
        // A prefilled value is selected on entry: shown as selected without colour.
        input.set_selection_style(Style::new().reversed());
        if matches!(kind, FieldKind::Passphrase | FieldKind::SameAs { .. }) {
            input.set_mask_char('•');
        }
        Field {
            name,
            label,
            kind,
            input,
            choices: Vec::new(),
            deadline: false,
            initial: initial.to_owned(),
        }
    }

    /// Marks the date as a deadline or an afspraak: a day that is no working day
    /// gets a warning naming the next one.
    pub fn deadline(mut self) -> Field {
        self.deadline = true;
        self
    }

    /// A field that takes one of `choices` (code, name); it starts on `initial`'s
    /// name.
    pub fn choice(
        name: &'static str,
        label: &'static str,
        choices: Vec<(String, String)>,
        optional: bool,
        initial: Option<&str>,
    ) -> Field {
        let shown = initial
            .map(|code| {
                choices
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or(code, |(_, name)| name.as_str())
            })
            .unwrap_or_default()
            .to_owned();
        let mut field = Field::new(name, label, FieldKind::Choice { optional }, &shown);
        field.choices = choices;
        field
    }

    pub fn date(name: &'static str, label: &'static str, initial: NaiveDate) -> Field {
        Field::new(
            name,
            label,
            FieldKind::Date {
                not_before: None,
                not_after: None,
            },
            &initial.to_string(),
        )
    }

    pub fn text(&self) -> String {
        self.input.lines().join("\n")
    }

    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    pub(super) fn rows(&self) -> u16 {
        if self.kind == FieldKind::Multiline {
            8
        } else {
            1
        }
    }

    pub(super) fn masked(&self) -> bool {
        matches!(self.kind, FieldKind::Passphrase | FieldKind::SameAs { .. })
    }

    /// The cursor comes into this field: a one-line value is selected whole, so
    /// that typing replaces it and an arrow key keeps it.
    pub(super) fn enter(&mut self) {
        if self.kind != FieldKind::Multiline && !self.is_blank() {
            self.input.select_all();
        }
    }

    /// Ctrl-U: a one-line field is emptied, a note loses the line up to the cursor
    /// (as in a shell), never the whole text at once.
    pub(super) fn clear(&mut self) {
        if self.kind == FieldKind::Multiline {
            self.input.delete_line_by_head();
        } else {
            self.input.select_all();
            self.input.cut();
        }
    }

    /// A one-line field without the cursor: its text from the start (a focused one
    /// scrolls to the cursor and would stay scrolled).
    pub(super) fn draw_resting(&self, frame: &mut Frame, area: Rect) {
        let text = self.text();
        let shown = if self.masked() {
            "•".repeat(text.chars().count())
        } else {
            text
        };
        frame.render_widget(
            Paragraph::new(crate::domain::text::visible(&shown, false).into_owned()),
            area,
        );
    }

    /// A note, wrapped at the field's width, scrolled so that the cursor shows.
    pub(super) fn draw_wrapped(&self, frame: &mut Frame, area: Rect, focused: bool) {
        let width = usize::from(area.width.max(1));
        let (cursor_row, cursor_col) = self.input.cursor();
        let mut lines: Vec<String> = Vec::new();
        let mut cursor = (0, 0);
        for (row, line) in self.input.lines().iter().enumerate() {
            let pieces = wrap_line(line, width);
            for (start, piece) in &pieces {
                if row == cursor_row && cursor_col >= *start {
                    cursor = (lines.len(), cursor_col - start);
                }
                lines.push(piece.clone());
            }
        }
        // At the end of a full line the cursor stands on the next one.
        if cursor.1 >= width {
            cursor = (cursor.0 + 1, 0);
            if cursor.0 == lines.len() {
                lines.push(String::new());
            }
        }
        // As many lines as fit, ending with the last; further up only to keep the
        // cursor in view.
        let height = usize::from(area.height);
        let top = lines.len().saturating_sub(height).min(cursor.0);
        let shown: Vec<Line> = lines
            .iter()
            .skip(top)
            .take(height)
            .map(|l| Line::from(crate::domain::text::visible(l, false).into_owned()))
            .collect();
        frame.render_widget(Paragraph::new(shown), area);
        if focused {
            let before: String = lines[cursor.0].chars().take(cursor.1).collect();
            let x = area.x + unicode_width::UnicodeWidthStr::width(before.as_str()) as u16;
            let y = area.y + (cursor.0 - top) as u16;
            if x < area.right() && y < area.bottom() {
                frame.buffer_mut()[(x, y)].set_style(Style::new().reversed());
            }
        }
    }
}

/// `line` in pieces of at most `width` columns, broken after a space where one is
/// near, each with the index of its first character.
pub(super) fn wrap_line(line: &str, width: usize) -> Vec<(usize, String)> {
    use unicode_width::UnicodeWidthChar;
    let chars: Vec<char> = line.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = start;
        let mut used = 0;
        while end < chars.len() {
            let w = chars[end].width().unwrap_or(1);
            if used + w > width {
                break;
            }
            used += w;
            end += 1;
        }
        if end < chars.len() {
            // Break after the last space in the piece, unless that leaves it short.
            if let Some(space) = chars[start..end].iter().rposition(|c| *c == ' ') {
                if space > 0 {
                    end = start + space + 1;
                }
            }
            end = end.max(start + 1);
        }
        pieces.push((start, chars[start..end].iter().collect()));
        start = end;
    }
    if pieces.is_empty() {
        pieces.push((0, String::new()));
    }
    pieces
}
