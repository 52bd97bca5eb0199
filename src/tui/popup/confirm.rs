//! A yes-or-no question before an edit that cannot be typed back (an undo, letters
//! sent, clients ended after a handover).

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::Reply;
use crate::tui::chrome::centered;
use crate::tui::intent::Question;
use crate::tui::keymap::inner::{footer, inner_for, key_label, Inner, CONFIRM_KEYS};

pub(super) fn handle_key(question: &mut Question, key: KeyEvent) -> Reply {
    // Drawing keeps the scroll within what there is to see.
    let scroll = &mut question.scroll;
    match inner_for(CONFIRM_KEYS, key) {
        Some(Inner::Yes) => {
            return match &question.intent {
                Some(intent) => Reply::Apply(intent.clone()),
                None => Reply::Close,
            }
        }
        Some(Inner::No) => return Reply::Close,
        Some(Inner::Down) => *scroll = scroll.saturating_add(1),
        Some(Inner::Up) => *scroll = scroll.saturating_sub(1),
        Some(Inner::PageDown) => *scroll = scroll.saturating_add(10),
        Some(Inner::PageUp) => *scroll = scroll.saturating_sub(10),
        Some(Inner::Bottom) => *scroll = u16::MAX,
        _ => {}
    }
    Reply::Stay
}

pub(super) fn draw(question: &mut Question, frame: &mut Frame) {
    if question.long {
        return draw_long(question, frame);
    }
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

/// A question with a list to read: as high as the screen allows, one line per line
/// (cut at the right, as a list is), the first line kept above the scrolling rest.
fn draw_long(question: &mut Question, frame: &mut Frame) {
    let full = frame.area();
    let area = centered(
        full,
        full.width.saturating_sub(4).min(110),
        full.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(format!(" {} ", question.title))
        .title_bottom(match question.intent {
            Some(_) => footer(
                CONFIRM_KEYS,
                &[
                    (Inner::Yes, "ja"),
                    (Inner::No, "nee"),
                    (Inner::Down, "bladert"),
                ],
            ),
            None => footer(
                CONFIRM_KEYS,
                &[(Inner::No, "sluit"), (Inner::Down, "bladert")],
            ),
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some((first, rest)) = question.lines.split_first() else {
        return;
    };
    let head = Rect {
        height: inner.height.min(2),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::from(first.as_str()).bold()).wrap(Wrap { trim: true }),
        head,
    );
    let body = Rect {
        y: inner.y + head.height,
        height: inner.height.saturating_sub(head.height),
        ..inner
    };
    let most = (rest.len() as u16).saturating_sub(body.height);
    question.scroll = question.scroll.min(most);
    let lines: Vec<Line> = rest.iter().map(|l| Line::from(l.as_str())).collect();
    frame.render_widget(Paragraph::new(lines).scroll((question.scroll, 0)), body);
}
