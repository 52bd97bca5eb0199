//! Every key the settings may move, moved at once: no help line and no hint of
//! the status line still names a key it had before.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Session};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::common::{self, today};

/// Keys that are never moved: the list's own, Esc and the Ctrl keys.
const FIXED: &[&str] = &[
    "↑/k", "↓/j", "PgUp", "PgDn", "g", "G", "Esc", "Ctrl-Z", "Ctrl-L",
];

/// The sections of the help whose keys the settings may move (the popups' own
/// keys follow).
const MOVABLE_SECTIONS: &[&str] = &["Dit scherm", "In lijsten", "Overal"];

fn app(db: &common::Db) -> App {
    let store = Store::open(&db.path).unwrap();
    let session = Session {
        today: today(),
        today_overridden: true,
        db_label: "demo.sqlite".into(),
        read_only: false,
        peeking: false,
    };
    App::new(store, session).unwrap()
}

fn press(app: &mut App, key: &str) {
    let mut chars = key.chars();
    let c = chars.next().unwrap();
    assert_eq!(chars.next(), None, "one character: {key}");
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

/// Tall enough that the help needs no scrolling.
fn screen(app: &mut App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(120, 90)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal
        .backend()
        .buffer()
        .content
        .chunks(120)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}

/// The help's (section, key, description) lines, read from its two columns.
fn help_lines(rows: &[String]) -> Vec<(String, String, String)> {
    // The box from its title row to its bottom border, by character columns:
    // the screen behind it may draw lines of its own.
    let rows: Vec<Vec<char>> = rows.iter().map(|r| r.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().collect::<String>().contains("┌ Toetsen"))
        .expect("the help is open");
    let left = rows[top].iter().position(|c| *c == '┌').unwrap();
    let right = rows[top].iter().position(|c| *c == '┐').unwrap();
    let inside: Vec<String> = rows[top + 1..]
        .iter()
        .take_while(|r| r[left] != '└')
        .map(|r| r[left + 1..right].iter().collect())
        .collect();
    let columns: Vec<Vec<String>> = (0..2)
        .map(|column| {
            inside
                .iter()
                .map(|line| {
                    let chars: Vec<char> = line.chars().collect();
                    let half = chars.len() / 2;
                    let part = if column == 0 {
                        &chars[..half]
                    } else {
                        &chars[half..]
                    };
                    part.iter().collect::<String>().trim_end().to_owned()
                })
                .collect()
        })
        .collect();
    let mut section = String::new();
    let mut lines = Vec::new();
    for line in columns.concat() {
        let line = line.trim_start();
        if line.is_empty() {
            continue;
        }
        let known = MOVABLE_SECTIONS
            .iter()
            .chain(&["In een formulier", "In een keuzelijst"])
            .find(|s| **s == line);
        if let Some(heading) = known {
            section = (*heading).to_owned();
            continue;
        }
        let (key, description) = line.split_once(' ').unwrap_or((line, ""));
        lines.push((
            section.clone(),
            key.to_owned(),
            description.trim().to_owned(),
        ));
    }
    lines
}

#[test]
fn moving_every_key_leaves_no_help_line_or_hint_with_the_old_one() {
    // A key of its own for every action the settings may move, bound nowhere.
    let names: Vec<&str> = inbeeld::tui::look::key_names().collect();
    let pool: Vec<char> = ('À'..='ʯ').filter(|c| c.is_alphabetic()).collect();
    assert!(pool.len() > names.len());
    let moved: BTreeMap<&str, String> = names
        .iter()
        .zip(&pool)
        .map(|(name, c)| (*name, c.to_string()))
        .collect();
    let settings = inbeeld::settings::Settings {
        keys: moved
            .iter()
            .enumerate()
            .map(|(line, (name, key))| inbeeld::settings::Entry {
                name: (*name).into(),
                value: key.clone(),
                line,
            })
            .collect(),
        ..Default::default()
    };
    let rebound = inbeeld::tui::look::from_settings(&settings)
        .expect("every name is known and every key free")
        .rebound;
    let new_keys: Vec<&str> = moved.values().map(String::as_str).collect();

    // Every screen the way a klantmanager reaches it, before and after.
    let db = common::Db::new();
    demo::generate(
        &mut Store::open(&db.path).unwrap(),
        Options::default(),
        today(),
    )
    .unwrap();
    let mut before = app(&db);
    let mut after = app(&db);
    after.set_keys(rebound);
    let routes: [(&str, &[&str]); 5] = [
        ("werkvoorraad", &["werkvoorraad"]),
        ("caseload", &["caseload"]),
        ("week", &["week"]),
        ("overzicht", &["overzicht"]),
        ("dossier", &["caseload", "dossier"]),
    ];
    let default_key = |name: &str| match name {
        "werkvoorraad" => "1",
        "caseload" => "2",
        "week" => "3",
        "overzicht" => "4",
        "dossier" => "o",
        "toetsen" => "?",
        other => panic!("no default key for {other}"),
    };
    let mut checked = 0;
    for (screen_name, route) in routes {
        for name in route {
            press(&mut before, default_key(name));
            press(&mut after, &moved[name]);
        }
        let status_before = screen(&mut before).last().cloned().unwrap();
        let status_after = screen(&mut after).last().cloned().unwrap();
        press(&mut before, "?");
        press(&mut after, &moved["toetsen"]);
        let help_before = help_lines(&screen(&mut before));
        let help_after = help_lines(&screen(&mut after));
        assert!(help_before.len() > 20, "{screen_name}: {help_before:?}");
        assert_eq!(help_before.len(), help_after.len(), "{screen_name}");
        for ((section, old, what), (_, new, what_after)) in help_before.iter().zip(&help_after) {
            assert_eq!(what, what_after, "{screen_name}: the same line");
            if !MOVABLE_SECTIONS.contains(&section.as_str()) || FIXED.contains(&old.as_str()) {
                continue;
            }
            assert!(
                new_keys.contains(&new.as_str()),
                "{screen_name}, {section}: '{what}' still shows '{new}' (was '{old}')"
            );
            // A hint of the status line names the key the help names.
            let hint = format!(" {old} {what}");
            if status_before.contains(&hint) {
                assert!(
                    status_after.contains(&format!(" {new} {what}"))
                        && !status_after.contains(&hint),
                    "{screen_name}: the hint '{hint}' in {status_after}"
                );
            }
            checked += 1;
        }
        // Out of the help, back to the start.
        after.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        before.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    assert!(checked > 80, "the help's lines were read: {checked}");
}
