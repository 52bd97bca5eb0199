//! The cockpit's key handling as a state machine: keys in, state and store changes
//! out. Nothing here draws; `tests/render.rs` looks at the screens.

use crate::common::{self, press, today};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Screen, Session};

fn session(overridden: bool) -> Session {
    Session {
        today: today(),
        today_overridden: overridden,
        db_label: "test".into(),
        read_only: false,
        peeking: false,
    }
}

fn demo_app(db: &common::Db) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    App::new(store, session(true)).unwrap()
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
    // The sweep's own rule: a sweep of the same day finds nothing left to raise.
    assert_eq!(
        db.on(common::TODAY, &["sweep"]).trim(),
        "0",
        "opening the cockpit ran the sweep"
    );
    assert!(app.selected_item().is_some());
}

#[test]
fn documents_received_take_their_day_and_a_toelichting() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let id = select_kind(&mut app, &db, "hersteltermijn");
    press(&mut app, KeyCode::Char('a'));
    assert!(app.popup_open());
    press(&mut app, KeyCode::Enter); // the first allowed outcome: ontvangen
    assert!(app.popup_open(), "ontvangen asks the day of receipt");
    // A day of receipt after today is refused in the form, before anything is saved.
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-11-24");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(item_row(&db, id).0, "open");
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, common::TODAY);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "per post, compleet");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (status, outcome, note, _) = item_row(&db, id);
    assert_eq!(
        (status.as_str(), outcome.as_deref(), note.as_deref()),
        ("closed", Some("ontvangen"), Some("per post, compleet"))
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
    // A week on is a Sunday: the suggestion is the Monday after.
    assert_eq!(
        item_row(&db, id).3,
        "2026-11-30",
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
    select_kind(&mut app, &db, "traject");
    let before = db.counts();
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('3')]); // afgebroken: a reason
    type_text(&mut app, "half");
    press(&mut app, KeyCode::Esc);
    assert!(
        app.popup_open(),
        "typed text is not thrown away at the first Esc"
    );
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
    press(&mut app, KeyCode::Char('v'));
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
        ("vervolgactie", "2026-11-30"),
        "a week on, on a working day"
    );
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen(), Screen::Week);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.screen(), Screen::Overview);
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
    press(&mut app, KeyCode::Char('v'));
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

/// Opens the dossier of the first client of `category` from the caseload.
fn open_dossier(app: &mut App, db: &common::Db, category: &str) -> i64 {
    let id: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM clients WHERE category_code = ?1 ORDER BY name, id LIMIT 1",
            [category],
            |r| r.get(0),
        )
        .unwrap();
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Char('g'));
    while app.selected_client() != Some(id) {
        press(app, KeyCode::Down);
    }
    press(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Dossier);
    assert_eq!(app.selected_client(), Some(id));
    id
}

#[test]
fn add_an_activity_from_the_dossier_offers_only_fitting_types() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = open_dossier(&mut app, &db, "beheer");
    press(&mut app, KeyCode::Char('a'));
    // Beheer allows onderzoek, hersteltermijn, afspraak, vrijwilligerswerk,
    // hulpverlening: the fourth is vrijwilligerswerk (182 days), not scholing.
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (kind, start, end): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT type_code, start_date, end_date FROM activities WHERE client_id = ?1 ORDER BY id DESC LIMIT 1",
            [client],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(kind, "vrijwilligerswerk");
    assert_eq!(
        (start.as_str(), end.as_str()),
        ("2026-11-22", "2027-05-23"),
        "end suggested from the type"
    );
}

#[test]
fn an_end_before_the_start_is_refused_in_the_form() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = open_dossier(&mut app, &db, "beheer");
    let before = db.counts();
    keys(
        &mut app,
        &[
            KeyCode::Char('a'),
            KeyCode::Char('1'),
            KeyCode::Tab,
            KeyCode::Tab,
        ],
    );
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-11-01");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "the form stays");
    assert_eq!(db.counts(), before);
    let _ = client;
}

#[test]
fn register_a_contact_and_write_a_note_from_the_dossier() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = open_dossier(&mut app, &db, "niet_job_ready");
    keys(&mut app, &[KeyCode::Char('c'), KeyCode::Char('2')]); // whatsapp
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Afspraak bevestigd");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (channel, date, note): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT channel_code, contact_date, note FROM contacts WHERE client_id = ?1 ORDER BY id DESC LIMIT 1",
            [client],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (channel.as_str(), date.as_str(), note.as_str()),
        ("whatsapp", common::TODAY, "Afspraak bevestigd")
    );

    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Eerste regel");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Tweede regel");
    assert!(app.popup_open(), "Enter adds a line in a note");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(!app.popup_open());
    let text: String = db
        .conn()
        .query_row(
            "SELECT text FROM notes WHERE client_id = ?1 ORDER BY id DESC LIMIT 1",
            [client],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(text, "Eerste regel\nTweede regel");
}

#[test]
fn a_contact_in_the_future_is_refused_as_you_type() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    open_dossier(&mut app, &db, "job_ready");
    let before = db.counts();
    keys(&mut app, &[KeyCode::Char('c'), KeyCode::Char('1')]);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-11-23");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(db.counts(), before);
}

#[test]
fn close_and_extend_an_activity_from_the_dossier() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = open_dossier(&mut app, &db, "bijna_job_ready");
    // Two fresh activities, so the test does not depend on the demo's.
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('1'), KeyCode::Enter],
    ); // traject
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('4'), KeyCode::Enter],
    ); // onderzoek, 28 days
    let newest = |db: &common::Db, kind: &str| -> i64 {
        db.conn()
            .query_row(
                "SELECT id FROM activities WHERE client_id = ?1 AND type_code = ?2 ORDER BY id DESC LIMIT 1",
                rusqlite::params![client, kind],
                |r| r.get(0),
            )
            .unwrap()
    };
    let onderzoek = newest(&db, "onderzoek");
    press(&mut app, KeyCode::Char('g'));
    while app.selected_activity() != Some(onderzoek) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-01-31");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let end: String = db
        .conn()
        .query_row(
            "SELECT end_date FROM activities WHERE id = ?1",
            [onderzoek],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(end, "2027-01-31");

    let traject = newest(&db, "traject");
    press(&mut app, KeyCode::Char('g'));
    while app.selected_activity() != Some(traject) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('2')); // afgebroken: the picker offers no verlengd here
    type_text(&mut app, "Klant heeft werk");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (status, outcome, note): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT status, outcome_code, outcome_note FROM activities WHERE id = ?1",
            [traject],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), outcome.as_str(), note.as_str()),
        ("closed", "afgebroken", "Klant heeft werk")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.screen(),
        Screen::Caseload,
        "Esc goes back where the dossier was opened"
    );
}

#[test]
fn open_the_client_of_a_work_item() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = app.selected_client().unwrap();
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.screen(), Screen::Dossier);
    assert_eq!(app.selected_client(), Some(client));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Worklist);
}

#[test]
fn search_narrows_the_list_as_you_type_and_esc_restores_it() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    let all = app.visible_rows();
    let name: String = db
        .conn()
        .query_row("SELECT name FROM clients ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let last_name = name.split(' ').next_back().unwrap().to_lowercase();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, &last_name);
    let found = app.visible_rows();
    assert!(
        found >= 1 && found < all,
        "{found} of {all} for {last_name}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open());
    assert_eq!(app.visible_rows(), found, "Enter keeps the search");
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzz");
    assert_eq!(app.visible_rows(), 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_rows(), found, "Esc restores the search before");

    press(&mut app, KeyCode::Char('1'));
    let items = app.visible_rows();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "hersteltermijn");
    press(&mut app, KeyCode::Enter);
    let legal: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM work_items WHERE status = 'open' AND kind_code = 'hersteltermijn'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(legal > 0, "the demo has open hersteltermijn items");
    assert!(app.visible_rows() < items);
    assert_eq!(app.visible_rows() as i64, legal);
}

#[test]
fn caseload_filters_by_category_and_out_of_view() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    let count = |sql: &str| -> usize {
        db.conn()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap() as usize
    };
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(
        app.visible_rows(),
        count("SELECT count(*) FROM clients WHERE category_code = 'job_ready'")
    );
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(
        app.visible_rows(),
        count("SELECT count(*) FROM clients WHERE category_code = 'bijna_job_ready'")
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('f'));
    }
    assert_eq!(
        app.visible_rows(),
        60,
        "after beheer comes all categories again"
    );
    press(&mut app, KeyCode::Char('b'));
    let out_of_view = Store::open(&db.path)
        .unwrap()
        .client_summaries(today())
        .unwrap()
        .iter()
        .filter(|c| !c.in_view)
        .count();
    assert_eq!(app.visible_rows(), out_of_view);
}

#[test]
fn caseload_sorts_by_longest_without_contact() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('g'));
    let first = app.selected_client().unwrap();
    let summaries = Store::open(&db.path)
        .unwrap()
        .client_summaries(today())
        .unwrap();
    let longest = summaries
        .iter()
        .map(|c| c.days_since_contact.unwrap_or(i64::MAX))
        .max()
        .unwrap();
    let first = summaries.iter().find(|c| c.id == first).unwrap();
    assert_eq!(first.days_since_contact.unwrap_or(i64::MAX), longest);
}

#[test]
fn plan_ladder_and_situation_from_the_dossier() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM clients WHERE id NOT IN (SELECT client_id FROM plans) ORDER BY name, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    press(&mut app, KeyCode::Char('2'));
    while app.selected_client() != Some(client) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    // A first goal starts the plan: leefgebied werk (1), text, the suggested deadline.
    keys(&mut app, &[KeyCode::Char('d'), KeyCode::Char('1')]);
    type_text(&mut app, "Solliciteert elke week");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let plan = Store::open(&db.path).unwrap().plan_history(client).unwrap();
    let current = plan.current.expect("a plan was started");
    assert_eq!(current.start_date, today());
    assert_eq!(current.goals[0].domain, "werk");
    assert_eq!(
        current.goals[0].deadline.to_string(),
        "2027-02-21",
        "13 weeks on"
    );
    assert_eq!(
        db.scalar(
            "SELECT group_concat(tbl) FROM (SELECT DISTINCT tbl FROM edit_rows
             WHERE op = 'insert' AND edit_id = (SELECT max(edit_id) FROM edit_rows
                 WHERE tbl = 'plans') ORDER BY tbl)"
        ),
        "activities,goals,plans",
        "the plan and its first goal (its deadline an activity) in one edit"
    );

    press(&mut app, KeyCode::Char('p'));
    press(&mut app, KeyCode::Enter);
    let plan = Store::open(&db.path).unwrap().plan_history(client).unwrap();
    assert_eq!(
        plan.current.unwrap().evaluation_date.unwrap().to_string(),
        "2027-05-23"
    );

    press(&mut app, KeyCode::Char('t'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "step 7 does not exist");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let ladder = Store::open(&db.path).unwrap().ladder(client).unwrap();
    assert_eq!(
        (
            ladder.last().unwrap().step,
            ladder.last().unwrap().assessed_on
        ),
        (4, today())
    );

    keys(&mut app, &[KeyCode::Char('s'), KeyCode::Char('2')]); // financien
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    let situations = Store::open(&db.path).unwrap().situations(client).unwrap();
    let last = situations
        .iter()
        .rev()
        .find(|s| s.assessed_on == today())
        .unwrap();
    assert_eq!((last.domain.as_str(), last.score), ("financien", 3));
}

#[test]
fn plan_an_appointment_and_handle_a_no_show_from_the_cockpit() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client = open_dossier(&mut app, &db, "beheer");
    // Beheer offers onderzoek, hersteltermijn, afspraak (3): then the channel, then
    // subject, date (a week on) and time.
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('3'), KeyCode::Char('2')],
    ); // whatsapp
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9:30");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let (date, time, channel): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT end_date, appointment_time, channel_code FROM activities
             WHERE client_id = ?1 AND type_code = 'afspraak' ORDER BY id DESC LIMIT 1",
            [client],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (date.as_str(), time.as_str(), channel.as_str()),
        ("2026-11-29", "09:30", "whatsapp")
    );

    // On the day, the opkomst item: no-show with a vervolgactie instead.
    let mut store = Store::open(&db.path).unwrap();
    let day: NaiveDate = "2026-11-29".parse().unwrap();
    inbeeld::workflow::sweep(&mut store, day).unwrap();
    let mut app = App::new(
        store,
        Session {
            today: day,
            today_overridden: true,
            db_label: "t".into(),
            read_only: false,
            peeking: false,
        },
    )
    .unwrap();
    let item: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM work_items WHERE client_id = ?1 AND kind_code = 'afspraak' AND status = 'open'",
            [client],
            |r| r.get(0),
        )
        .unwrap();
    press(&mut app, KeyCode::Char('g'));
    while app.selected_item() != Some(item) {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('2')]); // niet verschenen
                                                               // Past the new afspraak's time and channel, to the vervolgactie instead.
    keys(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    type_text(&mut app, "Brief sturen");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(item_row(&db, item).1.as_deref(), Some("no_show"));
    let follow_up: String = db
        .conn()
        .query_row(
            "SELECT due_date FROM work_items WHERE client_id = ?1 AND title = 'Brief sturen'",
            [client],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(follow_up, "2026-12-06");
}

#[test]
fn a_second_cockpit_only_reads() {
    let db = common::Db::new();
    let first = inbeeld::tui::cockpit_lock(&db.path).unwrap();
    assert!(first.is_some(), "the first cockpit gets the lock");
    assert!(
        inbeeld::tui::cockpit_lock(&db.path).unwrap().is_none(),
        "a second does not"
    );
    drop(first);
    assert!(
        inbeeld::tui::cockpit_lock(&db.path).unwrap().is_some(),
        "released on close"
    );

    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    store.set_read_only().unwrap();
    let before = db.counts();
    let mut app = App::new(
        store,
        Session {
            read_only: true,
            ..session(true)
        },
    )
    .unwrap();
    assert!(app.read_only());
    assert_eq!(db.counts(), before, "no sweep in a read-only cockpit");
    let item = app.selected_item();
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('1'), KeyCode::Enter],
    );
    assert!(
        app.message().unwrap().contains("Alleen lezen"),
        "{:?}",
        app.message()
    );
    assert_eq!(app.selected_item(), item);
    assert_eq!(db.counts(), before, "nothing written");
}

/// A cockpit on a caseload of one client whose aanvraag came in 50 days ago: the
/// voorschot item is overdue, the beslistermijn item due within two weeks.
fn aanvraag_app(db: &common::Db) -> (App, i64) {
    use inbeeld::domain::client::NewClient;
    use inbeeld::workflow;
    let mut store = Store::open(&db.path).unwrap();
    let client = NewClient {
        name: "Jan de Vries".into(),
        bsn: None,
        birth_date: None,
        category: "job_ready".into(),
        phone: None,
        email: None,
        contact_preference: None,
        ..Default::default()
    };
    let client = workflow::add_client(&mut store, &client, today())
        .unwrap()
        .id();
    let received = "2026-10-03".parse().unwrap();
    let app_id = workflow::add_application(&mut store, client, received, false, today())
        .unwrap()
        .id();
    (App::new(store, session(true)).unwrap(), app_id)
}

fn screen(app: &mut App) -> String {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn the_beslistermijn_item_is_handled_by_recording_the_besluit() {
    let db = common::Db::new();
    let (mut app, aanvraag) = aanvraag_app(&db);
    let id = select_kind(&mut app, &db, "beslistermijn");
    press(&mut app, KeyCode::Char('a'));
    assert!(screen(&mut app).contains("vraagt het besluit"));
    press(&mut app, KeyCode::Enter); // besloten
    assert!(app.popup_open());
    assert!(
        screen(&mut app).contains("Afgewezen"),
        "the besluiten are offered"
    );
    press(&mut app, KeyCode::Char('2')); // afgewezen
    assert!(screen(&mut app).contains("Bekendgemaakt op"));
    assert_eq!(
        item_row(&db, id).0,
        "open",
        "nothing stored before the date"
    );
    press(&mut app, KeyCode::Enter); // made known today
    assert!(!app.popup_open(), "{:?}", app.message());
    let (status, decision, decided_on): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT status, decision, decided_on FROM applications WHERE id = ?1",
            [aanvraag],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), decision.as_str(), decided_on.as_str()),
        ("decided", "afgewezen", common::TODAY)
    );
    assert_eq!(item_row(&db, id).1.as_deref(), Some("besloten"));
    let message = app.message().unwrap();
    assert!(
        message.contains("besluit afgewezen vastgelegd"),
        "{message}"
    );
    assert!(message.contains("bezwaartermijn loopt tot"), "{message}");
}

#[test]
fn a_statutory_item_cannot_be_postponed_past_its_term_in_the_cockpit() {
    let db = common::Db::new();
    let (mut app, _) = aanvraag_app(&db);
    let id = select_kind(&mut app, &db, "voorschot");
    let due = item_row(&db, id).3;
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "wacht op bankafschriften");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "refused in the form that asked");
    let shown = screen(&mut app);
    assert!(shown.contains("Participatiewet art. 52"), "{shown}");
    assert!(
        !shown.contains("--to JJJJ") && !shown.contains("'inbeeld "),
        "no command-line syntax in the cockpit"
    );
    assert_eq!(item_row(&db, id).3, due, "the due date stayed");
}

#[test]
fn a_hersteltermijn_from_the_dossier_belongs_to_the_aanvraag_chosen() {
    let db = common::Db::new();
    let (app, _) = aanvraag_app(&db);
    drop(app);
    // A second open aanvraag: now the klantmanager chooses.
    let mut store = Store::open(&db.path).unwrap();
    let client: i64 = db
        .conn()
        .query_row("SELECT id FROM clients", [], |r| r.get(0))
        .unwrap();
    let second = inbeeld::workflow::add_application(
        &mut store,
        client,
        "2026-11-02".parse().unwrap(),
        false,
        today(),
    )
    .unwrap()
    .id();
    let mut app = App::new(store, session(true)).unwrap();
    open_dossier(&mut app, &db, "job_ready");
    press(&mut app, KeyCode::Char('a'));
    // Job ready: traject, scholing, onderzoek, hersteltermijn, afspraak.
    press(&mut app, KeyCode::Char('4'));
    let shown = screen(&mut app);
    assert!(shown.contains("bij welke aanvraag?"), "{shown}");
    // Each by what the klantmanager knows of it, not by a number.
    assert!(
        shown.contains("Aanvraag, ontvangen za 3 okt 2026"),
        "{shown}"
    );
    assert!(
        shown.contains("Aanvraag, ontvangen ma 2 nov 2026"),
        "{shown}"
    );
    // Newest first: the aanvraag of 2 November.
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let application: Option<i64> = db
        .conn()
        .query_row(
            "SELECT application_id FROM activities WHERE type_code = 'hersteltermijn'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(application, Some(second));
    let suspended: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM suspensions WHERE application_id = ?1",
            [second],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        suspended, 1,
        "it suspends the beslistermijn of that aanvraag"
    );
}

#[test]
fn a_paste_is_text_for_the_field_never_keys() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let before = db.counts();
    // On a list, a paste does nothing (its "a", "1" and line breaks are no keys).
    let item = app.selected_item();
    app.handle_paste("a1\n\nq");
    assert!(!app.popup_open());
    assert!(!app.should_quit());
    assert_eq!(app.selected_item(), item);
    assert!(app.message().unwrap().contains("Plakken kan alleen"));
    // Into a one-line field: line breaks become spaces, and the form stays open.
    press(&mut app, KeyCode::Char('v'));
    app.handle_paste("Werkgever bellen\nover de proefplaats\n");
    assert!(
        app.popup_open(),
        "a pasted line break does not save the form"
    );
    assert_eq!(db.counts(), before);
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT title FROM work_items ORDER BY id DESC LIMIT 1"),
        "Werkgever bellen over de proefplaats"
    );
}

#[test]
fn a_file_replaced_under_the_cockpit_is_noticed_before_an_edit() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let item = app.selected_item().unwrap();
    // Another caseload copied over the file (by hand, or a restore elsewhere): item
    // numbers now belong to other clients.
    let other = common::Db::new();
    let mut store = Store::open(&other.path).unwrap();
    demo::generate(
        &mut store,
        Options {
            seed: 99,
            ..Options::default()
        },
        today(),
    )
    .unwrap();
    drop(store);
    let copy = db.path.with_file_name("ander.sqlite");
    std::fs::copy(&other.path, &copy).unwrap();
    std::fs::rename(&copy, &db.path).unwrap();
    let before = db.counts();
    let row = |id: i64| db.scalar(&format!("SELECT status FROM work_items WHERE id = {id}"));
    let status = row(item);
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('1'), KeyCode::Enter],
    );
    assert!(
        app.message().unwrap().contains("vervangen"),
        "{:?}",
        app.message()
    );
    assert_eq!(db.counts(), before, "nothing written into the new file");
    assert_eq!(row(item), status);
    // After the reload the cockpit works on the file as it is now.
    let item = app.selected_item().unwrap();
    keys(
        &mut app,
        &[KeyCode::Char('a'), KeyCode::Char('1'), KeyCode::Enter],
    );
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(row(item), "closed");
}

#[test]
fn search_ignores_case_and_accents_and_finds_a_bsn_and_a_birth_date() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    let count = |part: &str| -> usize {
        db.conn()
            .query_row(
                "SELECT count(*) FROM clients WHERE ended_on IS NULL AND instr(name, ?1) > 0",
                [part],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize
    };
    let mut present = 0;
    for (typed, written) in [
        ("sahin", "Şahin"),
        ("DOGAN", "Doğan"),
        ("huseyin", "Hüseyin"),
        ("gokhan", "Gökhan"),
        ("ozturk", "Öztürk"),
    ] {
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, typed);
        assert_eq!(
            app.visible_rows(),
            count(written),
            "{typed} finds every {written}"
        );
        press(&mut app, KeyCode::Esc);
        present += usize::from(count(written) > 0);
    }
    assert!(
        present >= 3,
        "the demo has names with diacritics: {present}"
    );

    let (bsn, birth): (String, String) = db
        .conn()
        .query_row(
            "SELECT bsn, strftime('%d-%m-%Y', birth_date) FROM clients
             WHERE bsn IS NOT NULL AND birth_date IS NOT NULL AND ended_on IS NULL
             ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let all = app.visible_rows();
    for (typed, said) in [
        (bsn.clone(), "gevonden op BSN"),
        (bsn[bsn.len() - 4..].to_owned(), "gevonden op BSN"),
        (birth, "gevonden op geboortedatum"),
    ] {
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, &typed);
        press(&mut app, KeyCode::Enter);
        assert!(app.visible_rows() >= 1, "{typed}");
        let screen = common::screen(&mut app);
        assert!(screen.contains(said), "{typed}: {screen}");
        // A kept search is selected when the search opens again: typing replaces it.
        press(&mut app, KeyCode::Char('/'));
        type_text(&mut app, "sahin");
        assert_eq!(app.visible_rows(), count("Şahin"), "{typed} replaced");
        press(&mut app, KeyCode::Enter);
        // Esc clears the kept search.
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.visible_rows(), all);
    }
}

#[test]
fn a_change_by_another_process_shows_without_a_restart() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('2'));
    assert!(!app.notice_changes(), "nothing changed yet");
    let before = app.visible_rows();
    // A script registers a client while the cockpit is open.
    db.client("Door Script", "beheer");
    assert!(app.notice_changes(), "the other process's commit is seen");
    assert_eq!(app.visible_rows(), before + 1);
    assert!(!app.notice_changes(), "once");
    // Ctrl-L reads again at once and asks for a whole new screen.
    app.handle_key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
    assert!(app.take_redraw_all());
    assert!(!app.take_redraw_all());
    assert_eq!(app.message(), Some("Opnieuw ingelezen"));
}

#[test]
fn a_date_field_takes_dates_the_way_people_write_them_and_shows_what_it_understood() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    // Today is Sunday 22 November 2026.
    for (written, meant, shown) in [
        ("vrijdag", "2026-11-27", "✓ vr 27 nov 2026"),
        (
            "+2w",
            "2026-12-06",
            "let op: zo 6 dec 2026 valt in het weekend",
        ),
        ("3-12", "2026-12-03", "✓ do 3 dec 2026"),
        ("overmorgen", "2026-11-24", "✓ di 24 nov 2026"),
    ] {
        let id = select_kind(&mut app, &db, "contact");
        press(&mut app, KeyCode::Char('u'));
        for _ in 0..12 {
            press(&mut app, KeyCode::Backspace);
        }
        type_text(&mut app, written);
        let screen = common::screen(&mut app);
        assert!(screen.contains(shown), "{written}: {screen}");
        press(&mut app, KeyCode::Tab);
        type_text(&mut app, "Klant belt terug");
        press(&mut app, KeyCode::Enter);
        assert!(!app.popup_open(), "{written}: {:?}", app.message());
        assert_eq!(item_row(&db, id).3, meant, "{written}");
    }
}

#[test]
fn looking_ahead_shows_the_future_werkvoorraad_refuses_edits_and_stores_nothing() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let before = db.counts();
    let open_now = app.visible_rows();

    press(&mut app, KeyCode::Char('>'));
    assert!(app.popup_open());
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "+6w");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(app.today(), NaiveDate::from_ymd_opt(2027, 1, 3).unwrap());
    assert!(
        app.visible_rows() > open_now,
        "six weeks on, more is due: {} ≤ {open_now}",
        app.visible_rows()
    );
    assert!(common::screen(&mut app).contains("VOORUITKIJKEN"));

    // An edit is refused before any form opens; looking around is not.
    press(&mut app, KeyCode::Char('a'));
    assert!(!app.popup_open());
    assert!(app.message().unwrap().contains("bewaart niets"));
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.screen(), Screen::Week);
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(db.counts(), before, "looking ahead stored something");

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.today(), today());
    assert_eq!(app.visible_rows(), open_now);
    assert!(!common::screen(&mut app).contains("VOORUITKIJKEN"));
    assert_eq!(db.counts(), before);
}

#[test]
fn the_werkvoorraad_filters_on_legal_terms_kind_and_today_and_esc_clears_them() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let all = app.visible_rows();
    let open = |sql: &str| -> usize {
        db.conn()
            .query_row(
                &format!("SELECT count(*) FROM work_items w JOIN work_item_kinds k ON k.code = w.kind_code WHERE w.status = 'open' AND {sql}"),
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as usize
    };
    assert_eq!(all, open("1"));

    press(&mut app, KeyCode::Char('w'));
    assert_eq!(app.visible_rows(), open("k.legal = 1"));
    assert!(app.visible_rows() > 0 && app.visible_rows() < all);
    let header = common::screen(&mut app);
    assert!(
        header.contains(&format!("{} van {all}: alleen §", app.visible_rows())),
        "{header}"
    );

    press(&mut app, KeyCode::Char('t'));
    let due = format!("k.legal = 1 AND w.due_date <= '{}'", common::TODAY);
    assert_eq!(app.visible_rows(), open(&due));

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_rows(), all, "Esc clears the filters");

    // `f` steps through the kinds that have open items, then back to all.
    press(&mut app, KeyCode::Char('f'));
    let first = app.visible_rows();
    assert!(first > 0 && first < all);
    let kinds: i64 = db
        .conn()
        .query_row(
            "SELECT count(DISTINCT kind_code) FROM work_items WHERE status = 'open'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut seen = first;
    for _ in 1..kinds {
        press(&mut app, KeyCode::Char('f'));
        seen += app.visible_rows();
    }
    assert_eq!(seen, all, "every open item is in exactly one kind");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.visible_rows(), all);
}

#[test]
fn search_finds_a_client_by_what_a_note_or_contact_says_and_says_where() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let (id, name): (i64, String) = db
        .conn()
        .query_row(
            "SELECT id, name FROM clients WHERE ended_on IS NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let other: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM clients WHERE ended_on IS NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    db.ok(&[
        "note",
        "add",
        "--client",
        &id.to_string(),
        "--text",
        "Wil koken in het Élysée-café aan de Dam.",
    ]);
    db.ok(&[
        "contact",
        "add",
        "--client",
        &other.to_string(),
        "--channel",
        "telefoon",
        "--note",
        "Gebeld over de kinderopvangtoeslag.",
    ]);
    press(&mut app, KeyCode::Char('2'));

    // Accents ignored, words in any order, each as the start of a word.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "cafe elysee");
    assert_eq!(app.visible_rows(), 1);
    assert_eq!(app.selected_client(), Some(id));
    let screen = common::screen(&mut app);
    assert!(screen.contains("notitie 22-11-2026"), "{screen}");
    press(&mut app, KeyCode::Esc);

    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "kinderopvang");
    assert_eq!(app.visible_rows(), 1);
    assert_eq!(app.selected_client(), Some(other));
    assert!(common::screen(&mut app).contains("contact 22-11-2026"));
    press(&mut app, KeyCode::Esc);

    // Two letters look at names only.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ca");
    let shown = app.visible_rows();
    let by_name: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM clients WHERE ended_on IS NULL AND lower(name) LIKE '%ca%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(shown as i64, by_name, "{name}");
}

/// The top line of the popup on screen (its border, with the title).
fn popup_title(app: &mut App) -> String {
    common::screen(app)
        .lines()
        .find(|l| l.contains('┌'))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn every_popup_about_a_client_names_the_client() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let name = |db: &common::Db, id: i64| -> String {
        db.scalar(&format!("SELECT name FROM clients WHERE id = {id}"))
    };
    // The werkvoorraad: handling and postponing name the item's client.
    let item = app.selected_item().unwrap();
    let client: i64 = db
        .conn()
        .query_row(
            "SELECT client_id FROM work_items WHERE id = ?1",
            [item],
            |r| r.get(0),
        )
        .unwrap();
    for key in ['a', 'u', 'v'] {
        press(&mut app, KeyCode::Char(key));
        let title = popup_title(&mut app);
        assert!(title.contains(&name(&db, client)), "{key}: {title}");
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Esc);
    }
    // The dossier: every key that opens a popup about the client.
    let id = open_dossier(&mut app, &db, "nog_niet_job_ready");
    let client = name(&db, id);
    for keys in [
        "a", "c", "n", "d", "p", "t", "s", "w", "K", "U", "A", "v", "ja",
    ] {
        for c in keys.chars() {
            press(&mut app, KeyCode::Char(c));
        }
        if app.popup_open() {
            let title = popup_title(&mut app);
            assert!(title.contains(&client), "{keys}: {title}");
        }
        // Out of what opened (a key that opened nothing leaves nothing to close).
        for _ in 0..3 {
            if !app.popup_open() {
                break;
            }
            press(&mut app, KeyCode::Esc);
        }
        assert_eq!(app.screen(), Screen::Dossier, "{keys}");
    }
}

#[test]
fn a_deadline_on_a_weekend_or_feestdag_is_warned_about_naming_the_next_working_day() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    // Postponing an item: its new due date is a deadline.
    press(&mut app, KeyCode::Char('u'));
    // The warning wraps under the field: its two halves are on two lines.
    for (typed, warning, next) in [
        (
            "za",
            "let op: za 28 nov 2026 valt in het weekend",
            "ma 30 nov 2026",
        ),
        (
            "25-12",
            "let op: vr 25 dec 2026 valt op Eerste Kerstdag",
            "ma 28 dec 2026",
        ),
    ] {
        press(&mut app, KeyCode::Char('u')); // a letter for a moment: then Ctrl-U
        app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        type_text(&mut app, typed);
        let screen = common::screen(&mut app);
        assert!(screen.contains(warning), "{typed}: {screen}");
        assert!(
            screen.contains(&format!("werkdag is {next}")),
            "{typed}: {screen}"
        );
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    type_text(&mut app, "ma");
    assert!(common::screen(&mut app).contains("✓ ma 23 nov 2026"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    assert!(!app.popup_open());

    // The day a contact took place is no deadline: a Saturday is just a Saturday.
    open_dossier(&mut app, &db, "beheer");
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('1'));
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    type_text(&mut app, "21-11");
    let screen = common::screen(&mut app);
    assert!(screen.contains("✓ za 21 nov 2026"), "{screen}");
    assert!(!screen.contains("let op"), "{screen}");
    // A day that has passed: a weekday is the last one, not the next.
    app.handle_key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
    type_text(&mut app, "vr");
    assert!(common::screen(&mut app).contains("✓ vr 20 nov 2026"));
}

#[test]
fn keys_from_the_settings_replace_their_defaults_in_the_keys_the_hints_and_the_help() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let settings = inbeeld::settings::Settings {
        keys: vec![inbeeld::settings::Entry {
            name: "afhandelen".into(),
            value: "h".into(),
            line: 3,
        }],
        ..Default::default()
    };
    let look = inbeeld::tui::look::from_settings(&settings).unwrap();
    app.set_keys(look.rebound);
    press(&mut app, KeyCode::Char('a'));
    assert!(!app.popup_open(), "the old key does nothing");
    press(&mut app, KeyCode::Char('h'));
    assert!(popup_title(&mut app).contains("Afhandelen"));
    press(&mut app, KeyCode::Esc);
    let screen = common::screen(&mut app);
    let status = screen.lines().last().unwrap();
    assert!(status.contains(" h afhandelen"), "{status}");
    press(&mut app, KeyCode::Char('?'));
    assert!(common::screen(&mut app).contains("h       afhandelen"));
}

#[test]
fn every_text_that_names_a_key_names_the_one_the_settings_gave() {
    // Each action an empty screen or a message points to, moved to a key of its own.
    let moved = [
        ("nieuwe_klant", "î", "Nog geen klanten: î schrijft"),
        ("activiteit", "à", "Nog geen activiteiten. Toets à "),
        ("aanvraag", "ô", "Geen aanvragen. Toets ô "),
        ("doel", "ò", "Nog geen plan van aanpak. Toets ò "),
        ("evaluatiedatum", "ù", ""),
        (
            "trede",
            "â",
            "Nog niets vastgelegd. Toets â voor de trede, ê ",
        ),
        ("situatie", "ê", ""),
        ("brief", "û", "Nog geen brieven. Toets û "),
        ("contact", "è", "Nog geen contactmomenten. Toets è "),
        ("notitie", "ì", "Nog geen notities. Toets ì "),
        ("uitgestroomd", "ë", "toon ze met ë."),
    ];
    let settings = inbeeld::settings::Settings {
        keys: moved
            .iter()
            .enumerate()
            .map(|(line, (name, key, _))| inbeeld::settings::Entry {
                name: (*name).into(),
                value: (*key).into(),
                line,
            })
            .collect(),
        ..Default::default()
    };
    let rebound = inbeeld::tui::look::from_settings(&settings)
        .unwrap()
        .rebound;
    let old_keys = [
        "Toets n ", "Toets a ", "Toets A ", "Toets d ", "toets p.", "Toets t ", " s voor",
        "Toets b ", "Toets c ", "(d).", "met e.",
    ];
    let mut screens = Vec::new();

    // An empty caseload.
    let db = common::Db::new();
    let mut app = App::new(Store::open(&db.path).unwrap(), session(true)).unwrap();
    app.set_keys(rebound.clone());
    press(&mut app, KeyCode::Char('2'));
    screens.push(common::screen(&mut app));

    // A client with nothing yet: every tab of the dossier.
    let mut store = Store::open(&db.path).unwrap();
    inbeeld::workflow::add_client(
        &mut store,
        &inbeeld::domain::client::NewClient {
            name: "Lege Klant".into(),
            bsn: None,
            birth_date: None,
            category: "job_ready".into(),
            phone: None,
            email: None,
            contact_preference: None,
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let mut app = App::new(store, session(true)).unwrap();
    app.set_keys(rebound);
    // Heraanmelden where nobody has ended points to the list of those who have.
    keys(&mut app, &[KeyCode::Char('2'), KeyCode::Char('R')]);
    screens.push(common::screen(&mut app));
    press(&mut app, KeyCode::Enter);
    for _ in 0..8 {
        screens.push(common::screen(&mut app));
        press(&mut app, KeyCode::Char('l'));
    }
    // A message that points to a key: an evaluation date before any plan.
    while !common::screen(&mut app).contains("Nog geen plan van aanpak") {
        press(&mut app, KeyCode::Char('l'));
    }
    press(&mut app, KeyCode::Char('ù'));
    let message = common::screen(&mut app);
    assert!(message.contains("voeg eerst een doel toe (ò)"), "{message}");
    screens.push(message);

    let all = screens.join("\n");
    for (_, _, says) in moved.iter().filter(|(_, _, says)| !says.is_empty()) {
        assert!(all.contains(says), "no screen says {says:?}:\n{all}");
    }
    for old in old_keys {
        assert!(
            !all.contains(old),
            "a text still names the old key {old:?}:\n{all}"
        );
    }
}
