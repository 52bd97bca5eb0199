//! The cockpit's key handling as a state machine: keys in, state and store changes
//! out. Nothing here draws; `tests/render.rs` looks at the screens.

mod common;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Screen, Session};

fn today() -> NaiveDate {
    common::TODAY.parse().unwrap()
}

fn session(overridden: bool) -> Session {
    Session {
        today: today(),
        today_overridden: overridden,
        db_label: "test".into(),
    }
}

fn demo_app(db: &common::Db) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    App::new(store, session(true)).unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        press(app, *code);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Status, outcome and note of a work item, read straight from the file.
fn item_row(db: &common::Db, id: i64) -> (String, Option<String>, Option<String>, String) {
    db.conn()
        .query_row(
            "SELECT status, outcome_code, outcome_note, due_date FROM work_items WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap()
}

/// Moves the selection to the first open item of `kind` and returns its id.
fn select_kind(app: &mut App, db: &common::Db, kind: &str) -> i64 {
    press(app, KeyCode::Char('g'));
    for _ in 0..200 {
        let id = app.selected_item().unwrap();
        let found: String = db
            .conn()
            .query_row(
                "SELECT kind_code FROM work_items WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        if found == kind {
            return id;
        }
        press(app, KeyCode::Down);
    }
    panic!("no open item of kind {kind}");
}

#[test]
fn the_cockpit_opens_on_the_swept_werkvoorraad() {
    let db = common::Db::new();
    let app = demo_app(&db);
    assert_eq!(app.screen(), Screen::Worklist);
    let expired_without_item: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM activities a WHERE status = 'open' AND end_date <= ?1 AND NOT EXISTS
               (SELECT 1 FROM work_items w WHERE w.source_activity_id = a.id AND w.source_end_date = a.end_date)",
            [common::TODAY],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(expired_without_item, 0, "opening the cockpit ran the sweep");
    assert!(app.selected_item().is_some());
}

#[test]
fn close_with_an_outcome_that_needs_nothing() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let id = select_kind(&mut app, &db, "hersteltermijn");
    press(&mut app, KeyCode::Char('a'));
    assert!(app.popup_open());
    press(&mut app, KeyCode::Enter); // the first allowed outcome: ontvangen
    assert!(!app.popup_open());
    let (status, outcome, _, _) = item_row(&db, id);
    assert_eq!(
        (status.as_str(), outcome.as_deref()),
        ("closed", Some("ontvangen"))
    );
    assert_ne!(
        app.selected_item(),
        Some(id),
        "the handled item left the werkvoorraad"
    );
    assert!(app.message().unwrap().contains("afgehandeld"));
}

#[test]
fn an_outcome_that_needs_a_reason_asks_for_it() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let id = select_kind(&mut app, &db, "traject");
    let before = db.counts();
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('3')]); // afgebroken
    assert!(app.popup_open(), "a reason form opened");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "an empty reason is not accepted");
    assert_eq!(db.counts(), before, "nothing saved half");
    type_text(&mut app, "Klant is verhuisd");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open());
    let (status, outcome, note, _) = item_row(&db, id);
    assert_eq!(status, "closed");
    assert_eq!(outcome.as_deref(), Some("afgebroken"));
    assert_eq!(note.as_deref(), Some("Klant is verhuisd"));
}

#[test]
fn verlengd_asks_for_a_valid_new_date_and_moves_the_activity() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let id = select_kind(&mut app, &db, "traject");
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('2')]); // verlengd
                                                               // Replace the suggested date with a wrong one, then with a good one.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-02-30");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(item_row(&db, id).0, "open");
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-01-15");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open());
    assert_eq!(item_row(&db, id).1.as_deref(), Some("verlengd"));
    let end: String = db
        .conn()
        .query_row(
            "SELECT a.end_date FROM activities a JOIN work_items w ON w.source_activity_id = a.id WHERE w.id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(end, "2027-01-15");
}

#[test]
fn postpone_moves_the_due_date_with_a_reason() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let id = app.selected_item().unwrap();
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "the reason is required");
    // The refused Enter put the cursor in the empty field.
    type_text(&mut app, "Klant op vakantie");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        item_row(&db, id).3,
        "2026-11-29",
        "a week from today by default"
    );
    let reason: String = db
        .conn()
        .query_row(
            "SELECT reason FROM postponements WHERE work_item_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reason, "Klant op vakantie");
}

#[test]
fn esc_leaves_without_a_change() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let before = db.counts();
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('3')]);
    type_text(&mut app, "half");
    keys(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
    assert!(!app.popup_open());
    keys(
        &mut app,
        &[
            KeyCode::Char('u'),
            KeyCode::Esc,
            KeyCode::Char('n'),
            KeyCode::Esc,
        ],
    );
    assert!(!app.popup_open());
    assert_eq!(db.counts(), before);
}

#[test]
fn a_follow_up_from_the_caseload() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.screen(), Screen::Caseload);
    press(&mut app, KeyCode::Down);
    let client = app.selected_client().unwrap();
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Werkgever bellen");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (kind, due): (String, String) = db
        .conn()
        .query_row(
            "SELECT kind_code, due_date FROM work_items WHERE client_id = ?1 AND title = 'Werkgever bellen'",
            [client],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (kind.as_str(), due.as_str()),
        ("vervolgactie", "2026-11-29")
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen(), Screen::Worklist);
}

#[test]
fn the_minute_tick_picks_up_a_new_day() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    let mut app = App::new(store, session(false)).unwrap();
    let open = |db: &common::Db| -> i64 {
        db.conn()
            .query_row(
                "SELECT count(*) FROM work_items WHERE status = 'open'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let before = open(&db);
    app.tick(today());
    assert_eq!(open(&db), before, "same day, nothing new");
    let later: NaiveDate = "2026-12-22".parse().unwrap();
    app.tick(later);
    assert_eq!(app.today(), later, "midnight rolled the date over");
    assert!(
        open(&db) > before,
        "the new day's expiries became work items"
    );
    assert!(app.message().unwrap().contains("nieuwe werkitems"));
}

#[test]
fn a_fixed_today_stays_fixed() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    app.tick("2027-03-01".parse().unwrap());
    assert_eq!(app.today(), today());
}

#[test]
fn ctrl_c_asks_first_when_a_form_holds_text() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "q");
    assert!(!app.should_quit(), "q in a form is a letter");
    app.handle_key(ctrl_c);
    assert!(!app.should_quit());
    assert!(app.message().unwrap().contains("niet bewaard"));
    app.handle_key(ctrl_c);
    assert!(app.should_quit());

    let mut app = demo_app(&common::Db::new());
    press(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit(), "without a form, q quits at once");
}
