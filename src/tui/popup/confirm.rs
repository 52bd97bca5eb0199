//! A yes-or-no question before an edit that cannot be typed back (an undo, letters
//! sent, clients ended after a handover).

use crossterm::event::KeyEvent;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::Reply;
use crate::tui::chrome::centered;
use crate::tui::intent::Question;
use crate::tui::keymap::inner::{inner_for, key_label, Inner, CONFIRM_KEYS};

pub(super) fn handle_key(question: &Question, key: KeyEvent) -> Reply {
    match inner_for(CONFIRM_KEYS, key) {
        Some(Inner::Yes) => Reply::Apply(question.intent.clone()),
        Some(Inner::No) => Reply::Close,
        _ => Reply::Stay,
    }
}

pub(super) fn draw(question: &Question, frame: &mut Frame) {
    let height = question.lines.len() as u16 * 2 + 3;
    let area = centered(frame.area(), 66, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {} ", question.title))
        .title_bottom(format!(
            " {}: ja · {}: nee ",
            key_label(CONFIRM_KEYS, Inner::Yes),
            key_label(CONFIRM_KEYS, Inner::No)
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text: Vec<Line> = question
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::from(l.as_str()).bold()
            } else {
                Line::from(l.as_str())
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
