//! The store on its own: round trips, upgrades, refusals and the rules the schema
//! enforces whatever the code does.

use crate::common::{self, today};

use chrono::NaiveDate;
use inbeeld::domain::activity::{ActivityStatus, NewActivity};
use inbeeld::domain::bsn::Bsn;
use inbeeld::domain::client::NewClient;
use inbeeld::domain::journal::{NewContact, NewNote};
use inbeeld::domain::InputError;
use inbeeld::store::{Store, StoreError, SCHEMA_VERSION};
use inbeeld::workflow;
use rusqlite::Connection;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn new_client(name: &str, category: &str) -> NewClient {
    NewClient {
        name: name.into(),
        bsn: Some(Bsn::parse("123456782").unwrap()),
        birth_date: Some(d("1988-04-02")),
        category: category.into(),
        phone: Some("06-12345678".into()),
        email: Some("a@example.nl".into()),
        contact_preference: Some("whatsapp".into()),
        ..Default::default()
    }
}

#[test]
fn every_entity_round_trips() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let new = new_client("Fatima El Amrani", "bijna_job_ready");
    let id = inbeeld::workflow::add_client(&mut store, &new, today())
        .map(|done| done.id())
        .unwrap();

    let client = store.client(id).unwrap();
    assert_eq!(client.name, new.name);
    assert_eq!(client.bsn, new.bsn);
    assert_eq!(client.birth_date, new.birth_date);
    assert_eq!(client.category, new.category);
    assert_eq!(client.phone, new.phone);
    assert_eq!(client.email, new.email);
    assert_eq!(client.contact_preference, new.contact_preference);
    assert_eq!(client.registered_on, today());

    let activity = NewActivity {
        client_id: id,
        type_code: "werkervaringsplaats".into(),
        title: Some("WEP kringloop".into()),
        start_date: d("2026-09-01"),
        end_date: d("2027-03-01"),
    };
    let activity_id = workflow::add_activity(&mut store, &activity, None, today())
        .unwrap()
        .id();
    let stored = &store.activities(Some(id)).unwrap()[0];
    assert_eq!(stored.id, activity_id);
    assert_eq!(stored.type_code, "werkervaringsplaats");
    assert_eq!(stored.title, "WEP kringloop");
    assert_eq!(
        (stored.start_date, stored.end_date),
        (d("2026-09-01"), d("2027-03-01"))
    );
    assert_eq!(stored.status, ActivityStatus::Open);

    let contact_id = workflow::add_contact(
        &mut store,
        &NewContact {
            client_id: id,
            channel: "beeldbellen".into(),
            date: d("2026-11-20"),
            note: Some("Voortgang besproken".into()),
        },
        today(),
    )
    .unwrap()
    .id();
    let contact = &store.contacts(id).unwrap()[0];
    assert_eq!(contact.id, contact_id);
    assert_eq!(contact.channel, "beeldbellen");
    assert_eq!(contact.date, d("2026-11-20"));
    assert_eq!(contact.note.as_deref(), Some("Voortgang besproken"));

    let note_id = inbeeld::workflow::add_note(
        &mut store,
        &NewNote {
            client_id: id,
            date: today(),
            text: "Klant wil een opleiding in de zorg".into(),
        },
        "2026-11-22".parse().unwrap(),
    )
    .map(|done| done.id())
    .unwrap();
    let note = &store.notes(id).unwrap()[0];
    assert_eq!(
        (note.id, note.text.as_str()),
        (note_id, "Klant wil een opleiding in de zorg")
    );

    // Reopening gives the same data: it was committed, not cached.
    drop(store);
    let store = Store::open(&db.path).unwrap();
    let dossier = store.dossier(id, today()).unwrap();
    assert_eq!(dossier.client, client);
    assert_eq!(dossier.activities.len(), 1);
    assert_eq!(dossier.contacts.len(), 1);
    assert_eq!(dossier.notes.len(), 1);
    assert_eq!(dossier.days_since_contact, Some(2));
    assert!(dossier.in_view);
    assert_eq!(dossier.next_deadline, Some(d("2027-03-01")));
    assert_eq!(dossier.bsn_masked.as_deref(), Some("******782"));
}

#[test]
fn every_edit_writes_one_audit_row() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = inbeeld::workflow::add_client(&mut store, &new_client("A", "beheer"), today())
        .map(|done| done.id())
        .unwrap();
    let activity = workflow::add_activity(
        &mut store,
        &NewActivity {
            client_id: id,
            type_code: "afspraak".into(),
            title: None,
            start_date: d("2026-12-01"),
            end_date: d("2026-12-01"),
        },
        None,
        today(),
    )
    .unwrap()
    .id();
    let audit = store.audit_for("client", id).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "client.add");
    let manager: String = Connection::open(&db.path)
        .unwrap()
        .query_row("SELECT name FROM case_managers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        audit[0].actor, manager,
        "the klantmanager of this file made the edit"
    );
    assert_eq!(
        audit[0].detail["bsn"], "******782",
        "the log keeps the BSN masked"
    );
    let audit = store.audit_for("activity", activity).unwrap();
    assert_eq!(audit[0].detail["end_date"], "2026-12-01");
    assert_eq!(
        audit[0].detail["title"], "Afspraak",
        "title defaults to the type's name"
    );
}

#[test]
fn an_empty_file_becomes_a_current_database() {
    let db = common::Db::new();
    std::fs::write(&db.path, b"").unwrap();
    let store = Store::open(&db.path).unwrap();
    let catalog = store.catalog().unwrap();
    for code in [
        "traject",
        "scholing",
        "werkervaringsplaats",
        "onderzoek",
        "hersteltermijn",
        "afspraak",
    ] {
        assert!(catalog.activity_type(code).is_ok(), "{code} seeded");
    }
    let categories: Vec<_> = catalog.categories.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(
        categories,
        [
            "job_ready",
            "bijna_job_ready",
            "nog_niet_job_ready",
            "niet_job_ready",
            "beheer"
        ]
    );
    assert!(catalog
        .categories
        .iter()
        .all(|c| !c.activity_types.is_empty()));
    drop(store);
    let conn = Connection::open(&db.path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn opening_twice_does_not_apply_the_schema_again() {
    let db = common::Db::new();
    Store::open(&db.path).unwrap();
    let before = common::counts(&db.path);
    Store::open(&db.path).unwrap();
    assert_eq!(common::counts(&db.path), before);
}

#[test]
fn two_processes_creating_one_file_at_once_both_succeed() {
    let db = common::Db::new();
    let path = db.path.clone();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || Store::open(&path).map(|_| ()))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap().expect("open while another opens");
    }
    let conn = Connection::open(&path).unwrap();
    let managers: i64 = conn
        .query_row("SELECT count(*) FROM case_managers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(managers, 1, "initialised exactly once");
}

fn assert_untouched(path: &std::path::Path, before: &[u8], err: StoreError) {
    assert_eq!(std::fs::read(path).unwrap(), before, "file unchanged");
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(
        !std::path::Path::new(&wal).exists(),
        "no journal created beside it"
    );
    assert!(!err.is_bad_input());
    assert!(err.to_string().contains("niet gewijzigd"), "{err}");
}

#[test]
fn refuses_a_database_of_another_program() {
    let db = common::Db::without_file();
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.execute_batch(
            "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('stamppot');",
        )
        .unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("geen inbeeld-database"));
    assert_untouched(&db.path, &before, err);
}

#[test]
fn refuses_a_file_that_is_not_sqlite() {
    let db = common::Db::new();
    std::fs::write(&db.path, "naam;bsn\nJan;123456782\n").unwrap();
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert_untouched(&db.path, &before, err);
}

#[test]
fn refuses_a_database_from_a_newer_version() {
    let db = common::Db::new();
    Store::open(&db.path).unwrap();
    {
        let conn = Connection::open(&db.path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = Store::open(&db.path).err().expect("refused");
    assert!(
        matches!(err, StoreError::Newer { found, .. } if found == SCHEMA_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("nieuwere versie"));
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

#[test]
fn refused_input_stores_nothing() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = inbeeld::workflow::add_client(&mut store, &new_client("A", "beheer"), today())
        .map(|done| done.id())
        .unwrap();
    let before = common::counts(&db.path);
    let not_allowed = workflow::add_activity(
        &mut store,
        &NewActivity {
            client_id: id,
            type_code: "scholing".into(),
            title: None,
            start_date: today(),
            end_date: today(),
        },
        None,
        today(),
    );
    assert!(matches!(
        not_allowed,
        Err(StoreError::Input(InputError::TypeNotAllowed { .. }))
    ));
    let duplicate = inbeeld::workflow::add_client(&mut store, &new_client("B", "beheer"), today())
        .map(|done| done.id());
    assert!(matches!(duplicate, Err(StoreError::Input(InputError::DuplicateBsn(i))) if i == id));
    let future = workflow::add_contact(
        &mut store,
        &NewContact {
            client_id: id,
            channel: "telefoon".into(),
            date: d("2026-11-23"),
            note: None,
        },
        today(),
    );
    assert!(matches!(future, Err(StoreError::Input(_))));
    let unknown = inbeeld::workflow::add_note(
        &mut store,
        &NewNote {
            client_id: id + 100,
            date: today(),
            text: "x".into(),
        },
        "2026-11-22".parse().unwrap(),
    )
    .map(|done| done.id());
    assert!(matches!(
        unknown,
        Err(StoreError::Input(InputError::UnknownId { .. }))
    ));
    assert_eq!(common::counts(&db.path), before);
}

#[test]
fn the_schema_refuses_what_the_rules_forbid() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = inbeeld::workflow::add_client(&mut store, &new_client("A", "beheer"), today())
        .map(|done| done.id())
        .unwrap();
    drop(store);
    let conn = Connection::open(&db.path).unwrap();
    let insert = |start: &str, end: &str| {
        conn.execute(
            "INSERT INTO activities (client_id, type_code, title, start_date, end_date, created_at)
             VALUES (?1, 'afspraak', 't', ?2, ?3, 'now')",
            rusqlite::params![id, start, end],
        )
    };
    assert!(
        insert("2026-02-01", "2026-01-01").is_err(),
        "end before start"
    );
    assert!(insert("2026-02-30", "2026-03-01").is_err(), "no such day");
    assert!(insert("1-2-2026", "2026-03-01").is_err(), "not ISO");
    assert!(insert("2026-02-01", "2026-02-01").is_ok());
    conn.execute(
        "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
         VALUES (?1, 'vervolgactie', 'Bellen', '2026-12-01', 'manual', 'now')",
        [id],
    )
    .unwrap();
    let err = conn.execute("DELETE FROM work_items", []).unwrap_err();
    assert!(err.to_string().contains("nooit verwijderd"), "{err}");
    assert!(conn
        .execute("UPDATE audit_log SET actor = 'x'", [])
        .is_err());
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
    let closed_without_outcome = conn.execute(
        "UPDATE work_items SET status = 'closed', closed_at = 'now'",
        [],
    );
    assert!(closed_without_outcome.is_err(), "closing needs an outcome");
}

#[test]
fn the_demo_names_each_item_after_its_own_activity() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    inbeeld::demo::generate(&mut store, inbeeld::demo::Options::default(), today()).unwrap();
    let mismatched: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM work_items w JOIN activities a ON a.id = w.source_activity_id
             JOIN activity_types t ON t.code = a.type_code
             WHERE w.source = 'activity'
               AND w.title <> CASE WHEN a.title = t.name THEN t.expiry_title
                                   ELSE t.expiry_title || ' — ' || a.title END",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0);
}

/// A demo a klantmanager believes: nothing planned or held on a weekend or a
/// feestdag, no hersteltermijn without its aanvraag, a huisbezoek held at home,
/// proof of leaving a previous municipality asked of a newcomer only, no job
/// hunting asked of a client far from work, and `check` finds nothing, for several
/// seeds.
#[test]
fn the_demo_follows_the_calendar_and_the_rules_it_demonstrates() {
    use inbeeld::domain::calendar::LegalCalendar;
    let calendar = LegalCalendar::new(Vec::new());
    for seed in [2026, 7, 42] {
        let db = common::Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let options = inbeeld::demo::Options {
            seed,
            ..inbeeld::demo::Options::default()
        };
        inbeeld::demo::generate(&mut store, options, today()).unwrap();
        // As the cockpit opens it: swept first.
        workflow::sweep(&mut store, today()).unwrap();
        let report = store.check(today()).unwrap();
        assert!(
            report.invariants.is_empty(),
            "seed {seed}: {:?}",
            report.invariants
        );
        let conn = db.conn();
        let days = |sql: &str| -> Vec<(String, NaiveDate)> {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        for (what, day) in days(
            "SELECT 'afspraak ' || title, end_date FROM activities WHERE type_code = 'afspraak'
             UNION ALL SELECT 'contact ' || channel_code, contact_date FROM contacts
             UNION ALL SELECT 'einde ' || type_code, end_date FROM activities WHERE status = 'open'
             UNION ALL SELECT 'begin ' || type_code, start_date FROM activities
                 WHERE application_id IS NULL
             UNION ALL SELECT 'notitie', note_date FROM notes",
        ) {
            assert!(
                calendar.is_working_day(day),
                "seed {seed}: {what} on {day}, a {}",
                calendar.closed_reason(day).unwrap_or_default()
            );
        }
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(
            count("SELECT count(*) FROM activities WHERE type_code = 'hersteltermijn' AND application_id IS NULL"),
            0,
            "seed {seed}: a hersteltermijn without its aanvraag"
        );
        assert_eq!(
            count("SELECT count(*) FROM activities WHERE type_code = 'afspraak' AND title = 'Huisbezoek'
                   AND channel_code <> 'huisbezoek'"),
            0,
            "seed {seed}: a huisbezoek held elsewhere"
        );
        assert_eq!(
            count(
                "SELECT count(*) FROM activities a JOIN clients c ON c.id = a.client_id
                   WHERE a.title LIKE '%uitschrijving%'
                     AND julianday(a.start_date) - julianday(c.registered_on) > 90"
            ),
            0,
            "seed {seed}: proof of leaving another municipality asked of a long-standing client"
        );
        assert_eq!(
            count("SELECT count(*) FROM goals g JOIN plans p ON p.id = g.plan_id
                   JOIN clients c ON c.id = p.client_id
                   WHERE g.domain_code = 'werk' AND c.category_code IN ('beheer', 'niet_job_ready')"),
            0,
            "seed {seed}: a work goal for a client far from work"
        );
    }
}

/// The full-text index follows every way a note changes: added, corrected, the
/// correction undone, the file restored from a backup.
#[test]
fn the_notes_index_follows_corrections_undo_and_restore() {
    use inbeeld::domain::search::Query;
    inbeeld::clock::pin_today(Some(today()));
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = workflow::add_client(&mut store, &new_client("Ayşe Yıldız", "beheer"), today())
        .unwrap()
        .id();
    let note = inbeeld::workflow::add_note(
        &mut store,
        &NewNote {
            client_id: id,
            date: today(),
            text: "Schulden bij de zorgverzekeraar".into(),
        },
        "2026-11-22".parse().unwrap(),
    )
    .map(|done| done.id())
    .unwrap();
    let found = |store: &Store, typed: &str| -> Vec<i64> {
        store
            .search_journal(&Query::new(typed))
            .unwrap()
            .iter()
            .map(|h| h.client_id)
            .collect()
    };
    assert_eq!(found(&store, "zorgverz"), [id]);

    workflow::correct_note(
        &mut store,
        note,
        "Schulden bij de energieleverancier",
        today(),
    )
    .unwrap();
    assert!(found(&store, "zorgverz").is_empty(), "the old text is gone");
    assert_eq!(found(&store, "energie"), [id]);

    let edit = workflow::undoable(&store, today()).unwrap().unwrap();
    workflow::undo(&mut store, edit.id, today()).unwrap();
    assert_eq!(
        found(&store, "zorgverz"),
        [id],
        "undone: the old text again"
    );
    assert!(found(&store, "energie").is_empty());

    let backup = db.path.with_extension("backup");
    store.backup_to(&backup).unwrap();
    inbeeld::workflow::add_note(
        &mut store,
        &NewNote {
            client_id: id,
            date: today(),
            text: "Na de kopie: woningruil".into(),
        },
        "2026-11-22".parse().unwrap(),
    )
    .map(|done| done.id())
    .unwrap();
    assert_eq!(found(&store, "woningruil"), [id]);
    store
        .restore_from(&backup, &db.path.with_extension("kept"))
        .unwrap();
    assert!(
        found(&store, "woningruil").is_empty(),
        "restored: not in the backup"
    );
    assert_eq!(found(&store, "zorgverz"), [id]);
}

#[test]
fn a_stored_bsn_that_fails_the_elfproef_is_named_never_read_as_none() {
    let db = common::Db::new();
    let id = db.client("Jan de Vries", "job_ready");
    // Nine digits, as the schema allows, but no valid BSN: a damaged or foreign row.
    db.conn()
        .execute("UPDATE clients SET bsn = '123456789' WHERE id = ?1", [id])
        .unwrap();
    let out = db
        .cmd()
        .args(["client", "show", &id.to_string()])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "the client is not shown without its BSN"
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("elfproef"), "{said}");
}
