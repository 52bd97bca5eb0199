//! What surrounds every screen: the title bar, the status line, the help popup and
//! the too-small notice.

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::keymap::inner::{
    self, footer, key_label, Inner, EDITING_KEYS, FORM_KEYS, HELP_KEYS, PICKER_KEYS,
};
use super::keymap::{key_of, label, Action, Binding, Rebound, GLOBAL_KEYS};
use super::{Screen, Session};
use crate::domain::date::dutch;

/// Below this the screens cannot show a useful row.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn draw_too_small(frame: &mut Frame) {
    let area = frame.area();
    let text = vec![
        Line::from("venster te klein"),
        Line::from(format!("minimaal {MIN_WIDTH}×{MIN_HEIGHT}")),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let inner = Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top),
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        inner,
    );
}

/// Splits the frame into title bar, body and status line.
pub fn layout(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The title bar: the program, the screens as tabs (the current one marked), and a
/// summary of the current screen.
/// `team`: the file knows the team, and the Team screen has a tab.
pub fn draw_title(
    frame: &mut Frame,
    area: Rect,
    (screen, summary): (Screen, &str),
    team: bool,
    rebound: &[Rebound],
) {
    let mut screens = vec![
        (Action::Worklist, Screen::Worklist),
        (Action::Caseload, Screen::Caseload),
        (Action::Week, Screen::Week),
        (Action::Overview, Screen::Overview),
    ];
    if team {
        screens.push((Action::Team, Screen::Team));
    }
    let line = |named: bool| {
        let mut spans = vec![
            Span::styled(" inbeeld ", Style::new().reversed().bold()),
            Span::raw(" "),
        ];
        for (action, tab) in &screens {
            let key = key_of(*action, rebound);
            spans.push(if *tab == screen {
                Span::styled(
                    format!(" {key} {} ", tab.title()),
                    Style::new().bold().underlined(),
                )
            } else if named {
                Span::styled(format!(" {key} {} ", tab.title()), Style::new().dim())
            } else {
                Span::styled(format!(" {key} "), Style::new().dim())
            });
        }
        if screen == Screen::Dossier {
            spans.push(Span::styled(" Dossier ", Style::new().bold().underlined()));
        }
        spans.push(Span::raw("  "));
        spans.push(Span::raw(summary.to_owned()));
        Line::from(spans)
    };
    // The other screens by name where the line has room; else by their key only,
    // so that the screen's own summary (what is filtered, how much is late)
    // keeps its room.
    let named = line(true);
    let shown = if named.width() <= usize::from(area.width) {
        named
    } else {
        line(false)
    };
    frame.render_widget(Paragraph::new(shown), area);
}

pub fn draw_status(
    frame: &mut Frame,
    area: Rect,
    (session, message, sync): (&Session, Option<&str>, Option<&str>),
    screen_keys: &[Binding],
    (rebound, unusable): (&[Rebound], &[Action]),
) {
    let mut spans = vec![Span::styled(
        format!(" {} ", dutch(session.today)),
        Style::new().reversed(),
    )];
    if session.peeking {
        spans.push(Span::styled(
            " VOORUITKIJKEN · bewaart niets ",
            Style::new().yellow().bold().reversed(),
        ));
    } else if session.today_overridden {
        spans.push(Span::styled(" (--today)", Style::new().yellow().bold()));
    }
    spans.push(Span::raw("  "));
    // The team's sync goes before the file's name: the name is what gets cut.
    if let (None, Some(sync)) = (message, sync) {
        let style = if sync.starts_with("gesynchroniseerd") {
            Style::new().dim()
        } else {
            Style::new().yellow().bold()
        };
        spans.push(Span::styled(format!("{sync} · "), style));
    }
    match message {
        Some(text) => spans.push(Span::styled(text.to_owned(), Style::new().bold())),
        None => spans.push(Span::styled(session.db_label.clone(), Style::new().dim())),
    }

    // A message says what just happened: it gets the whole line. Otherwise the
    // hints get what the date and the file leave; where they do not all fit, the
    // least important go first: `q`, then the screen's later keys, never its first
    // (`afhandelen` on the werkvoorraad) nor `?` for all keys.
    let left_width: u16 = spans.iter().map(|s| s.width() as u16).sum();
    let bindings: Vec<&Binding> = screen_keys
        .iter()
        .chain(GLOBAL_KEYS)
        .filter(|b| b.hint && message.is_none())
        // A key that does nothing here is not offered.
        .filter(|b| !unusable.contains(&b.action))
        .collect();
    let hint = |b: &Binding| {
        [
            Span::styled(format!(" {} ", label(b, rebound)), Style::new().bold()),
            Span::raw(b.description),
        ]
    };
    let width_of = |shown: &[&Binding]| -> u16 {
        shown
            .iter()
            .flat_map(|b| hint(b))
            .map(|s| s.width() as u16)
            .sum()
    };
    let room = area
        .width
        .saturating_sub(left_width.min(area.width / 2) + 1);
    // Least important first: the order in which hints are dropped.
    let mut dropping: Vec<usize> = (0..bindings.len())
        .filter(|&i| i > 0 && bindings[i].action != Action::Help)
        .collect();
    dropping.sort_by_key(|&i| (bindings[i].action != Action::Quit, std::cmp::Reverse(i)));
    let mut kept: Vec<&Binding> = bindings.clone();
    for i in dropping {
        if width_of(&kept) <= room {
            break;
        }
        kept.retain(|b| !std::ptr::eq(*b, bindings[i]));
    }
    let hints: Vec<Span> = kept.iter().flat_map(|b| hint(b)).collect();
    let hints_width: u16 = hints.iter().map(|s| s.width() as u16).sum();
    let [left, right] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(hints_width + 1)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(
        Paragraph::new(Line::from(hints)).alignment(Alignment::Right),
        right,
    );
    // A message the line would cut (a clash warning, what an uitstroom did) is
    // shown whole, in a box above the status line, until the next key.
    if let Some(text) = message.filter(|_| left_width > area.width) {
        draw_long_message(frame, area, text);
    }
}

fn draw_long_message(frame: &mut Frame, status: Rect, text: &str) {
    let width = status.width.saturating_sub(2).max(1);
    let lines = (Span::raw(text).width() as u16).div_ceil(width).clamp(1, 6);
    let height = (lines + 2).min(status.y);
    let area = Rect {
        x: status.x,
        y: status.y.saturating_sub(height),
        width: status.width,
        height,
    };
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text.to_owned())
            .wrap(Wrap { trim: true })
            .style(Style::new().bold())
            .block(Block::bordered()),
        area,
    );
}

/// A popup in the middle of `area`, never larger than it.
/// "1 dag", "3 dagen": a number with the word that fits it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The help while it searches: the actions whose words hold what is typed, the
/// chosen one marked (dim where it does nothing here); Enter runs it.
pub fn draw_help_search(
    frame: &mut Frame,
    title: &str,
    search: &crate::tui::help::HelpSearch,
    actions: &[crate::tui::help::HelpAction],
    unusable: &[Action],
) {
    let found = crate::tui::help::help_found(actions, &search.text);
    let full = frame.area();
    let width = 66.min(full.width.saturating_sub(2)).max(20);
    let room = usize::from(full.height.saturating_sub(3)).max(1);
    // The chosen line stays in sight.
    let skip = search.selected.saturating_sub(room.saturating_sub(1));
    let mut lines: Vec<Line> = found
        .iter()
        .enumerate()
        .skip(skip)
        .take(room)
        .map(|(i, a)| {
            let pad = 8usize
                .saturating_sub(Span::raw(a.key.as_str()).width())
                .max(1);
            let mut line = Line::from(vec![
                Span::styled(a.key.clone(), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(" ".repeat(pad)),
                Span::raw(a.what),
            ]);
            if unusable.contains(&a.action) {
                line = line.dim();
            }
            if i == search.selected {
                line = line.reversed();
            }
            line
        })
        .collect();
    if found.is_empty() {
        lines.push(Line::from("Geen toets die dat doet.").dim());
    }
    let area = centered(full, width, lines.len() as u16 + 2);
    let block = Block::bordered()
        .title(format!(" Toetsen: {title} · zoek: {} ", search.text))
        .title_bottom(" Enter voert uit · ↑/↓ kiest · Esc wist ");
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn draw_help(
    frame: &mut Frame,
    title: &str,
    tables: &[&[Binding]],
    (rebound, unusable): (&[Rebound], &[Action]),
    scroll: &mut u16,
) {
    // Headed sections: this screen's keys, the lists', everywhere, then in a form
    // and in a picker, all from the tables the keys are handled by.
    // A key that does nothing here is shown dim.
    let mut lines: Vec<(String, &str, bool, bool)> = Vec::new();
    let headings = ["Dit scherm", "In lijsten", "Overal"];
    for (table, heading) in tables.iter().zip(headings) {
        lines.push((heading.to_owned(), "", true, true));
        lines.extend(table.iter().map(|b| {
            let usable = !unusable.contains(&b.action);
            (label(b, rebound), b.description, false, usable)
        }));
    }
    let inner_tables = [
        ("In een formulier", FORM_KEYS, EDITING_KEYS),
        ("In een keuzelijst", PICKER_KEYS, &[][..]),
    ];
    for (heading, table, editing) in inner_tables {
        lines.push((heading.to_owned(), "", true, true));
        lines.extend(
            table
                .iter()
                .map(|b| (inner::label(b), b.description, false, true)),
        );
        lines.extend(
            editing
                .iter()
                .map(|(key, what)| ((*key).to_owned(), *what, false, true)),
        );
    }
    let full = frame.area();
    // Two columns where they fit side by side; what does not fit the height
    // scrolls, both columns together.
    // A line is its key column (8) and its words; two columns only where every
    // line fits its half, else one column that scrolls.
    let widest = lines
        .iter()
        .map(|(key, what, _, _)| {
            8.max(Span::raw(key.as_str()).width() + 1) + Span::raw(*what).width()
        })
        .max()
        .unwrap_or(0) as u16;
    let half: u16 = if full.width >= 2 * 46 + 2 { 46 } else { 39 };
    let (columns, column_width): (usize, u16) = if full.width >= half * 2 + 2 && widest <= half {
        (2, half)
    } else {
        (1, widest.max(half).min(full.width.saturating_sub(2)))
    };
    let per_column = lines.len().div_ceil(columns);
    let room = usize::from(full.height.saturating_sub(2)).max(1);
    let shown = per_column.min(room);
    let last = (per_column - shown) as u16;
    *scroll = (*scroll).min(last);
    let area = centered(full, column_width * columns as u16 + 2, shown as u16 + 2);
    let close = format!(
        " typ om te zoeken ·{}",
        footer(HELP_KEYS, &[(Inner::Cancel, "sluit")])
    );
    // Where there is more: which key shows it, and how far down this is.
    let hint = if last == 0 {
        close
    } else if *scroll < last {
        format!(
            " {} meer ({}/{}) ·{close}",
            key_label(HELP_KEYS, Inner::Down),
            *scroll + shown as u16,
            per_column
        )
    } else {
        format!(
            " {} terug ({}/{}) ·{close}",
            key_label(HELP_KEYS, Inner::Up),
            *scroll + shown as u16,
            per_column
        )
    };
    let block = Block::bordered()
        .title(format!(" Toetsen: {title} "))
        .title_bottom(hint);
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (chunk, part) in lines.chunks(per_column.max(1)).zip(parts.iter()) {
        let shown: Vec<Line> = chunk
            .iter()
            .skip(usize::from(*scroll))
            .take(shown)
            .map(|(key, what, heading, usable)| {
                if *heading {
                    Line::from(Span::styled(key.as_str(), Style::new().underlined()))
                } else {
                    // The key column is 8 wide, whatever the keys' characters.
                    let pad = 8usize
                        .saturating_sub(Span::raw(key.as_str()).width())
                        .max(1);
                    let line = Line::from(vec![
                        Span::styled(key.as_str(), Style::new().add_modifier(Modifier::BOLD)),
                        Span::raw(" ".repeat(pad)),
                        Span::raw(*what),
                    ]);
                    if *usable {
                        line
                    } else {
                        line.dim()
                    }
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown), *part);
    }
}
