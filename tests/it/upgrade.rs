//! A file made by schema version 1 opens in this version with nothing lost: the
//! outcome effects, the suspension periods and the goal status are derived from
//! what it holds.

use crate::common;

use common::Db;
use rusqlite::Connection;
use serde_json::Value;

/// A version-1 caseload: an aanvraag received on 1 October 2026 whose hersteltermijn
/// (given 5 October) was answered on 12 October, and a plan whose goal's deadline was
/// moved once.
fn version_1_file(db: &Db) {
    let conn = Connection::open(&db.path).unwrap();
    conn.execute_batch(include_str!("fixtures/schema_v1.sql"))
        .unwrap();
    conn.execute_batch(
        "PRAGMA application_id = 1768841836;
         PRAGMA user_version = 1;
         INSERT INTO meta (key, value) VALUES ('application', 'inbeeld'), ('created_at', 'x'),
             ('database_id', 'abc');
         INSERT INTO case_managers (name, created_at) VALUES ('km', 'x');
         INSERT INTO clients (name, category_code, case_manager_id, registered_on, created_at)
             VALUES ('Jan de Vries', 'job_ready', 1, '2026-09-01', 'x');
         INSERT INTO applications (client_id, received_on, created_at) VALUES (1, '2026-10-01', 'x');
         INSERT INTO activities (client_id, type_code, title, start_date, end_date, application_id,
                 term_rule, term_note, created_at)
             VALUES (1, 'beslistermijn', 'Beslistermijn', '2026-10-01', '2026-12-03', 1,
                 'beslistermijn', 'oud', 'x');
         INSERT INTO activities (client_id, type_code, title, start_date, end_date, application_id,
                 status, outcome_code, closed_on, created_at)
             VALUES (1, 'hersteltermijn', 'Bankafschriften', '2026-10-05', '2026-10-19', 1,
                 'closed', 'ontvangen', '2026-10-12', 'x');
         INSERT INTO activities (client_id, type_code, title, start_date, end_date, created_at)
             VALUES (1, 'doel', 'VCA halen', '2026-10-01', '2027-01-10', 'x');
         INSERT INTO plans (client_id, version, start_date, created_at) VALUES (1, 1, '2026-10-01', 'x');
         INSERT INTO goals (plan_id, text, domain_code, activity_id, created_at)
             VALUES (1, 'VCA halen', 'werk', 3, 'x');
         INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
             VALUES ('x', 'km', 'activity.extend', 'activity', 3, '{}');",
    )
    .unwrap();
}

#[test]
fn a_version_1_file_is_upgraded_with_nothing_lost() {
    let db = Db::without_file();
    version_1_file(&db);
    let view: Value =
        serde_json::from_str(&db.on("2026-10-20", &["aanvraag", "show", "1", "--json"])).unwrap();
    assert_eq!(view["received_on"], "2026-10-01");
    assert_eq!(
        view["suspensions"][0],
        serde_json::json!({ "activity": 2, "from": "2026-10-06", "to": "2026-10-11" }),
        "suspended up to the day before the information arrived"
    );
    let conn = db.conn();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, inbeeld::store::SCHEMA_VERSION);
    let effect: String = conn
        .query_row(
            "SELECT effect FROM kind_outcomes WHERE kind_code = 'afspraak' AND outcome_code = 'gesproken'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(effect, "contact");
    let legal: bool = conn
        .query_row(
            "SELECT legal FROM work_item_kinds WHERE code = 'hersteltermijn'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!legal, "a hersteltermijn is no statutory term");
    let plans: Value =
        serde_json::from_str(&db.on("2026-10-20", &["plan", "show", "1", "--json"])).unwrap();
    assert_eq!(plans["current"]["goals"][0]["status"], "bijgesteld");
    // Opening the upgraded file computed the running terms again: 26 November plus
    // the 6 suspended days of the migrated period (version 1 had counted 7).
    let view: Value =
        serde_json::from_str(&db.on("2026-10-20", &["aanvraag", "show", "1", "--json"])).unwrap();
    let beslis = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "beslistermijn")
        .unwrap();
    assert_eq!(beslis["end_date"], "2026-12-02");
    let out = db.cmd_on("2026-10-20").arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The schema a file reaches by upgrading is the schema a new file gets: the same
/// tables with the same columns, the same indexes and triggers.
#[test]
fn an_upgraded_file_has_the_schema_of_a_new_one() {
    fn shape(path: &std::path::Path) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut out: Vec<String> = conn
            .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            .unwrap()
            .query_map([], |r| {
                Ok(format!(
                    "{} {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for table in tables {
            let mut columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            columns.sort();
            out.push(format!("{table}: {}", columns.join(", ")));
        }
        out.sort();
        out
    }
    let old = Db::without_file();
    version_1_file(&old);
    old.on("2026-10-20", &["client", "list"]);
    let new = Db::new();
    new.on("2026-10-20", &["client", "list"]);
    assert_eq!(shape(&old.path), shape(&new.path));
}

/// The catalogue a file reaches by upgrading is the seed a new file gets: the same
/// outcomes with the same effects per kind (uitstroom, a lapsed reminder and what
/// the besluit ends among them), the same § marks, leads, titles and channels, and
/// the same triggers, word for word.
#[test]
fn an_upgraded_file_has_the_catalogue_of_a_new_one() {
    fn rows(path: &std::path::Path, sql: &str) -> Vec<String> {
        let conn = Connection::open(path).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let mut out: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        out.sort();
        out
    }
    let old = Db::without_file();
    version_1_file(&old);
    old.on("2026-10-20", &["client", "list"]);
    let new = Db::new();
    for sql in [
        "SELECT kind_code, outcome_code, effect, next_type, next_days, next_title FROM kind_outcomes",
        "SELECT category_code, activity_type_code FROM category_activity_types",
        "SELECT code, name, requires FROM outcomes",
        "SELECT code, legal FROM work_item_kinds",
        "SELECT code, name, default_days, lead_days, due_offset_days, expiry_title, source FROM activity_types",
        // The letters' kinds (a CHECK on the rebuilt table of version 12).
        // (a table renamed into place keeps its name quoted)
        "SELECT name, replace(replace(replace(replace(sql, char(10), ' '), '  ', ' '), '  ', ' '), '\"letters\"', 'letters') FROM sqlite_master WHERE name = 'letters'",
        // The effects a kind's outcomes may have (a CHECK on the table rebuilt for
        // version 13), and the order in which the cockpit offers them.
        "SELECT name, replace(replace(replace(replace(sql, char(10), ' '), '  ', ' '), '  ', ' '), '\"kind_outcomes\"', 'kind_outcomes') FROM sqlite_master WHERE name = 'kind_outcomes'",
        "SELECT kind_code, group_concat(outcome_code) FROM (SELECT * FROM kind_outcomes ORDER BY rowid) GROUP BY kind_code",
        "SELECT code, counts_as_contact FROM channels",
        "SELECT code, name, months, sort_order FROM risk_profiles",
        "SELECT code, contact_rhythm_days, retry_days FROM categories",
        "SELECT name, replace(replace(sql, char(10), ' '), '  ', ' ') FROM sqlite_master WHERE type = 'trigger'",
    ] {
        assert_eq!(rows(&old.path, sql), rows(&new.path, sql), "{sql}");
    }
}

/// Awb 4:5 is about an aanvraag: a hersteltermijn given without one was an
/// informatieverzoek. The upgrade offers each open one as a vervolgactie; the
/// klantmanager lets it go on as one (and can take that back); one of an aanvraag
/// stays what it is.
#[test]
fn a_hersteltermijn_without_an_aanvraag_is_offered_as_an_informatieverzoek_at_the_upgrade() {
    let db = Db::without_file();
    version_1_file(&db);
    Connection::open(&db.path)
        .unwrap()
        .execute(
            "INSERT INTO activities (client_id, type_code, title, start_date, end_date, created_at)
             VALUES (1, 'hersteltermijn', 'Loonstroken', '2026-10-10', '2026-10-24', 'x')",
            [],
        )
        .unwrap();
    let worklist = db.json_on("2026-10-20", &["worklist", "--json"]);
    let offered: Vec<&Value> = worklist
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| {
            i["title"]
                .as_str()
                .unwrap()
                .contains("zonder aanvraag (activiteit 4)")
        })
        .collect();
    assert_eq!(offered.len(), 1, "{worklist}");
    assert_eq!(offered[0]["kind"], "vervolgactie");

    db.refused_on(
        "2026-10-20",
        &["activity", "informatieverzoek", "1"],
        "geen hersteltermijn zonder aanvraag",
    );
    db.on("2026-10-20", &["activity", "informatieverzoek", "4"]);
    let type_of = || db.scalar("SELECT type_code FROM activities WHERE id = 4");
    assert_eq!(type_of(), "informatieverzoek");
    // Its item, once the term has run out, is the informatieverzoek's.
    let later = db.json_on("2026-10-26", &["worklist", "--json"]);
    assert!(
        later
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "informatieverzoek" && i["source_activity_id"] == 4),
        "{later}"
    );
    let out = db.cmd_on("2026-10-26").arg("check").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
