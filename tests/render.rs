//! The cockpit's screens rendered into a `TestBackend` on the demo caseload with a
//! fixed `today`: snapshots of the text, and separate checks of the styles that
//! carry meaning (out of view in red).

mod common;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Session};
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use ratatui::Terminal;

fn today() -> NaiveDate {
    common::TODAY.parse().unwrap()
}

fn demo_app(db: &common::Db) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    let session = Session {
        today: today(),
        today_overridden: true,
        db_label: "~/demo.sqlite".into(),
    };
    App::new(store, session).unwrap()
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn caseload_at_120x40() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    insta::assert_snapshot!(render(&mut app, 120, 40).backend());
}

#[test]
fn caseload_at_80x24() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    insta::assert_snapshot!(render(&mut app, 80, 24).backend());
}

#[test]
fn help_popup_lists_the_keys_of_the_screen() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    app.handle_key(key(KeyCode::Char('?')));
    assert!(app.help_open());
    insta::assert_snapshot!(render(&mut app, 80, 24).backend());
    app.handle_key(key(KeyCode::Esc));
    assert!(!app.help_open());
}

#[test]
fn too_small_says_so_at_every_small_size() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    insta::assert_snapshot!(render(&mut app, 20, 5).backend());
    // No size panics, down to nothing at all.
    for width in 0..=62 {
        for height in [0, 1, 2, 5, 11, 12, 13] {
            render(&mut app, width, height);
        }
    }
}

#[test]
fn scrolling_keeps_the_selection_on_screen() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    for _ in 0..40 {
        app.handle_key(key(KeyCode::Down));
    }
    let terminal = render(&mut app, 80, 24);
    let selected = app.selected_client().unwrap();
    let name = Store::open(&db.path)
        .unwrap()
        .client(selected)
        .unwrap()
        .name;
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains(&name), "{name} is visible after scrolling");
    app.handle_key(key(KeyCode::Char('g')));
    app.handle_key(key(KeyCode::Char('G')));
    app.handle_key(key(KeyCode::Down));
    let last = app.selected_client();
    app.handle_key(key(KeyCode::Down));
    assert_eq!(app.selected_client(), last, "stays on the last row");
}

#[test]
fn clients_out_of_view_are_marked_in_red() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let red_markers = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buffer[(x, y)];
            cell.symbol() == "▲" && cell.fg == Color::Red
        })
        .count();
    let out_of_view = Store::open(&db.path)
        .unwrap()
        .client_summaries(today())
        .unwrap()
        .iter()
        .take(37)
        .filter(|c| !c.in_view)
        .count();
    assert!(out_of_view > 0);
    assert_eq!(
        red_markers, out_of_view,
        "each visible client out of view has a red marker"
    );
}

#[test]
fn q_and_ctrl_c_quit() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    app.handle_key(key(KeyCode::Char('q')));
    assert!(app.should_quit());
    let mut app = demo_app(&common::Db::new());
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.should_quit());
}
