//! The klantmanager's whole day in the cockpit, as a state machine: a new client, a
//! doorstroom, an uitstroom, a correction and an undo, by keys alone; and the
//! refusals that store nothing.

mod common;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::store::Store;
use inbeeld::tui::{App, Screen, Session};

fn today() -> NaiveDate {
    common::TODAY.parse().unwrap()
}

fn app(db: &common::Db) -> App {
    // As `--today` does: edits are made (and undone) on the session's day.
    inbeeld::clock::pin_today(Some(today()));
    let store = Store::open(&db.path).unwrap();
    App::new(
        store,
        Session {
            today: today(),
            today_overridden: true,
            db_label: "test".into(),
            read_only: false,
        },
    )
    .unwrap()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Registers "Sanne Bakker" (job ready, born 1990-04-02) from the caseload.
fn register(app: &mut App) {
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Char('n'));
    press(app, KeyCode::Char('1')); // job ready
    type_text(app, "Sanne Bakker");
    press(app, KeyCode::Tab);
    type_text(app, "1990-04-02");
    press(app, KeyCode::Enter);
}

#[test]
fn a_new_client_is_registered_from_the_caseload_and_her_dossier_opens() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(app.screen(), Screen::Dossier);
    assert_eq!(
        db.scalar("SELECT name || ' ' || birth_date || ' ' || category_code FROM clients"),
        "Sanne Bakker 1990-04-02 job_ready"
    );
}

#[test]
fn the_same_name_and_birth_date_warns_once_and_a_second_enter_registers() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    register(&mut app);
    assert!(app.popup_open(), "the warning stays in the form");
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "1");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open());
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "2");
}

#[test]
fn an_invalid_bsn_is_refused_in_the_form_and_nothing_is_stored() {
    let db = common::Db::new();
    let mut app = app(&db);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "Piet");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "123456789");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "0");
}

#[test]
fn doorstroom_and_uitstroom_by_keys_and_ctrl_z_takes_the_uitstroom_back() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    // Doorstroom to beheer (the last category), with a reason.
    press(&mut app, KeyCode::Char('K'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Enter); // no reason yet: refused in the form
    assert!(app.popup_open());
    // The cursor went to what is wrong: the reason.
    type_text(&mut app, "langdurig ziek");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT category_code FROM clients"), "beheer");
    assert_eq!(
        db.scalar("SELECT reason FROM category_changes"),
        "langdurig ziek"
    );
    // Uitstroom for werk; the rhythm item the sweep raised lapses with it.
    db.conn()
        .execute(
            "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
             VALUES (1, 'vervolgactie', 'Bellen', '2026-11-22', 'manual', 'x')",
            [],
        )
        .unwrap();
    press(&mut app, KeyCode::Char('U'));
    press(&mut app, KeyCode::Char('1')); // werk
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT ended_on || ' ' || end_reason FROM clients"),
        "2026-11-22 werk"
    );
    assert_eq!(
        db.scalar("SELECT outcome_code || ': ' || outcome_note FROM work_items"),
        "vervallen: Uitstroom: werk"
    );
    // Ctrl-Z names the uitstroom and, after j, takes it back.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(app.popup_open());
    press(&mut app, KeyCode::Char('j'));
    assert!(
        app.message()
            .unwrap_or("")
            .starts_with("Ongedaan gemaakt: "),
        "{:?}",
        app.message()
    );
    assert_eq!(db.scalar("SELECT ended_on IS NULL FROM clients"), "1");
    assert_eq!(db.scalar("SELECT status FROM work_items"), "open");
    // Esc on the question leaves everything as it is.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    press(&mut app, KeyCode::Esc);
    assert_eq!(db.scalar("SELECT category_code FROM clients"), "beheer");
}

#[test]
fn a_note_is_corrected_and_a_handled_item_reopened_from_the_dossier() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Bij UWV");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    // To the notes tab: activities, termijnen, plan, werkitems, contacten, notities.
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('l'));
    }
    press(&mut app, KeyCode::Char('f'));
    type_text(&mut app, " (Den Haag)");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT text FROM notes"), "Bij UWV (Den Haag)");
    assert_eq!(
        db.scalar("SELECT original FROM note_corrections"),
        r#"{"text":"Bij UWV"}"#
    );
    // A handled vervolgactie comes back with a reason.
    db.conn()
        .execute(
            "INSERT INTO work_items (client_id, kind_code, title, due_date, source, status,
                 outcome_code, closed_at, created_at)
             VALUES (1, 'vervolgactie', 'Bellen', '2026-11-22', 'manual', 'closed', 'uitgevoerd', 'x', 'x')",
            [],
        )
        .unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('l'));
    }
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "a reason is required");
    type_text(&mut app, "nog niet gebeld");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT status FROM work_items"), "open");
    assert_eq!(
        db.scalar("SELECT reason FROM reopenings"),
        "nog niet gebeld"
    );
}
