//! No escape: activities expire into exactly one work item per end date, and work
//! items leave the werkvoorraad only with an allowed outcome. Driven through the
//! command line with `--today` walking over the calendar.

use crate::common;

use chrono::{Days, NaiveDate};
use common::Db;
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn days(from: &str, to: &str) -> Vec<String> {
    let (mut day, end) = (d(from), d(to));
    let mut out = Vec::new();
    while day <= end {
        out.push(day.to_string());
        day = day + Days::new(1);
    }
    out
}

fn worklist(db: &Db, today: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(&db.on(today, &["worklist", "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn items_of(db: &Db, activity: i64) -> Vec<(String, String, String)> {
    let conn = db.conn();
    let mut stmt = conn
        .prepare(
            "SELECT source_end_date, status, coalesce(outcome_code, '') FROM work_items
             WHERE source_activity_id = ?1 ORDER BY id",
        )
        .unwrap();
    stmt.query_map([activity], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A traject that ended on 2026-11-20 and its work item, as (activity id, item id).
fn expired_traject(db: &Db) -> (i64, String) {
    let client = db.client("A", "bijna_job_ready").to_string();
    let activity = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "traject",
        "--start",
        "2026-10-01",
        "--end",
        "2026-11-20",
    ]);
    let item = worklist(db, "2026-11-22")[0]["id"].as_i64().unwrap();
    (activity, item.to_string())
}

#[test]
fn an_activity_expires_once_on_its_end_date_and_not_before() {
    let db = Db::new();
    let client = db.client("Anouk de Jong", "bijna_job_ready").to_string();
    let traject = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "traject",
        "--start",
        "2026-11-01",
        "--end",
        "2026-11-25",
        "--title",
        "Werkfit",
    ]);
    let hersteltermijn = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "hersteltermijn",
        "--start",
        "2026-11-20",
        "--end",
        "2026-11-27",
        "--title",
        "Loonstroken",
    ]);

    for today in days("2026-11-22", "2026-12-02") {
        // Repeated sweeps and reads on the same day change nothing.
        db.on(&today, &["sweep"]);
        let list = worklist(&db, &today);
        db.on(&today, &["sweep"]);
        for (activity, end) in [(traject, "2026-11-25"), (hersteltermijn, "2026-11-27")] {
            let items = items_of(&db, activity);
            if today.as_str() < end {
                assert!(items.is_empty(), "{today}: no item before {end}");
            } else {
                assert_eq!(items.len(), 1, "{today}: exactly one item for {end}");
                assert_eq!(items[0].0, end);
                assert!(list.iter().any(|i| i["source_activity_id"] == activity));
            }
        }
    }
    let list = worklist(&db, "2026-12-02");
    assert_eq!(list.len(), 2);
    let item = &list[1];
    for field in [
        "id",
        "client_id",
        "client_name",
        "kind",
        "title",
        "due_date",
        "source_activity_id",
        "status",
    ] {
        assert!(item.get(field).is_some(), "worklist field {field}");
    }
    assert_eq!(list[0]["kind"], "traject");
    assert_eq!(list[0]["due_date"], "2026-11-25");
    assert_eq!(list[0]["title"], "Traject evalueren — Werkfit");
    assert_eq!(list[1]["kind"], "hersteltermijn");
    // Set by the municipality, not by law: no §. "Stukken ontvangen?" falls due the
    // day after the term, when it can be known that nothing came.
    assert_eq!(list[1]["legal"], false);
    assert_eq!(list[1]["due_date"], "2026-11-28");
    assert_eq!(list[1]["status"], "open");
}

#[test]
fn the_sweep_prints_how_many_it_created() {
    let db = Db::new();
    let client = db.client("A", "beheer").to_string();
    for end in ["2026-11-20", "2026-11-21", "2026-11-30"] {
        db.add(&[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "onderzoek",
            "--start",
            "2026-11-01",
            "--end",
            end,
        ]);
    }
    assert_eq!(db.on("2026-11-22", &["sweep"]).trim(), "2");
    assert_eq!(db.on("2026-11-22", &["sweep"]).trim(), "0");
    assert_eq!(db.on("2026-12-01", &["sweep"]).trim(), "1");
}

#[test]
fn same_day_legal_deadlines_sort_first() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "scholing",
        "--start",
        "2026-11-01",
        "--end",
        "2026-11-20",
    ]);
    // Received Friday 25 September: the beslistermijn ends Friday 20 November.
    db.add(&[
        "aanvraag",
        "add",
        "--client",
        &client,
        "--received",
        "2026-09-25",
    ]);
    db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "traject",
        "--start",
        "2026-11-01",
        "--end",
        "2026-11-19",
    ]);
    let kinds: Vec<_> = worklist(&db, "2026-11-22")
        .iter()
        .map(|i| i["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        kinds,
        ["voorschot", "traject", "beslistermijn", "traject"],
        "by due date, then legal first"
    );
}

#[test]
fn closing_finishes_the_activity_and_nothing_expires_again() {
    let db = Db::new();
    let (activity, item) = expired_traject(&db);

    let shown: Value =
        serde_json::from_str(&db.on("2026-11-22", &["item", "show", &item, "--json"])).unwrap();
    let allowed: Vec<_> = shown["allowed_outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["code"].as_str().unwrap())
        .collect();
    assert_eq!(allowed, ["afgerond", "verlengd", "afgebroken"]);

    db.on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "afgerond",
            "--note",
            "Klant heeft werk",
        ],
    );
    assert!(worklist(&db, "2026-11-22").is_empty());
    let a: Value =
        serde_json::from_str(&db.on("2026-11-22", &["activity", "list", "--json"])).unwrap();
    assert_eq!(a[0]["status"], "closed");
    assert_eq!(a[0]["outcome"], "afgerond");
    for today in days("2026-11-23", "2026-12-31") {
        db.on(&today, &["sweep"]);
    }
    assert_eq!(
        items_of(&db, activity).len(),
        1,
        "a finished activity does not expire again"
    );

    let audit: (String, String) = db
        .conn()
        .query_row(
            "SELECT action, detail FROM audit_log WHERE entity = 'work_item' AND entity_id = ?1 AND action = 'work_item.close'",
            [item.parse::<i64>().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let detail: Value = serde_json::from_str(&audit.1).unwrap();
    assert_eq!(detail["old"]["status"], "open");
    assert_eq!(detail["new"]["outcome"], "afgerond");
    assert_eq!(detail["new"]["note"], "Klant heeft werk");
}

#[test]
fn verlengd_gives_a_new_cycle_with_exactly_one_new_item() {
    let db = Db::new();
    let client = db.client("A", "bijna_job_ready").to_string();
    let activity = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "werkervaringsplaats",
        "--start",
        "2026-06-01",
        "--end",
        "2026-11-22",
    ]);
    let item = worklist(&db, "2026-11-22")[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    db.on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "verlengd",
            "--to",
            "2026-12-10",
        ],
    );

    for today in days("2026-11-22", "2026-12-15") {
        db.on(&today, &["sweep"]);
        let items = items_of(&db, activity);
        let expected = if today.as_str() < "2026-12-10" { 1 } else { 2 };
        assert_eq!(items.len(), expected, "{today}");
    }
    let items = items_of(&db, activity);
    assert_eq!(
        items[0],
        ("2026-11-22".into(), "closed".into(), "verlengd".into())
    );
    assert_eq!(
        items[1],
        ("2026-12-10".into(), "open".into(), String::new())
    );
    let list: Value =
        serde_json::from_str(&db.on("2026-12-15", &["activity", "list", "--json"])).unwrap();
    assert_eq!(list[0]["end_date"], "2026-12-10");
    assert_eq!(list[0]["status"], "open");
}

#[test]
fn outcomes_ask_for_what_they_need() {
    let db = Db::new();
    let (_, item) = expired_traject(&db);
    db.refused_on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "verlengd"],
        "vraagt een nieuwe datum (--to JJJJ-MM-DD)",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "verlengd",
            "--to",
            "2026-11-21",
        ],
        "na vandaag",
    );
    db.refused_on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "afgebroken"],
        "vraagt een reden",
    );
    db.refused_on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "gesproken"],
        "past niet bij",
    );
    db.refused_on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "weg"],
        "onbekende afhandeling",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "afgerond",
            "--to",
            "2026-12-01",
        ],
        "geen nieuwe datum",
    );
    db.on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "afgebroken",
            "--note",
            "Klant verhuisd",
        ],
    );
    db.refused_on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "afgerond"],
        "al afgehandeld",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-12-01",
            "--reason",
            "x",
        ],
        "al afgehandeld",
    );
    db.refused_on(
        "2026-11-22",
        &["item", "close", "999", "--outcome", "afgerond"],
        "onbekend werkitem 999",
    );
    db.refused_on(
        "2026-11-22",
        &["item", "show", "999"],
        "onbekend werkitem 999",
    );
}

#[test]
fn postponing_moves_the_date_and_stays_in_the_history() {
    let db = Db::new();
    let client = db.client("A", "beheer").to_string();
    let item = db
        .add(&[
            "item",
            "add",
            "--client",
            &client,
            "--title",
            "Bellen over huurachterstand",
            "--due",
            "2026-11-25",
        ])
        .to_string();
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-21",
            "--reason",
            "ziek",
        ],
        "verleden",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-12-01",
            "--reason",
            " ",
        ],
        "reden van uitstel",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-25",
            "--reason",
            "x",
        ],
        "na 2026-11-25",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-23",
            "--reason",
            "x",
        ],
        "na 2026-11-25",
    );
    db.on(
        "2026-11-22",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-12-01",
            "--reason",
            "Klant op vakantie",
        ],
    );

    let shown: Value =
        serde_json::from_str(&db.on("2026-11-22", &["item", "show", &item, "--json"])).unwrap();
    assert_eq!(shown["due_date"], "2026-12-01");
    assert_eq!(shown["kind"], "vervolgactie");
    assert_eq!(shown["source"], "manual");
    assert_eq!(shown["postponements"][0]["from_date"], "2026-11-25");
    assert_eq!(shown["postponements"][0]["to_date"], "2026-12-01");
    assert_eq!(shown["postponements"][0]["reason"], "Klant op vakantie");
    let detail: String = db
        .conn()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'work_item.postpone'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let detail: Value = serde_json::from_str(&detail).unwrap();
    assert_eq!(
        (
            detail["old"]["due_date"].as_str(),
            detail["new"]["due_date"].as_str()
        ),
        (Some("2026-11-25"), Some("2026-12-01"))
    );
    let allowed: Vec<_> = shown["allowed_outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["code"].as_str().unwrap())
        .collect();
    assert_eq!(allowed, ["uitgevoerd", "vervallen"]);
    db.on(
        "2026-11-22",
        &["item", "close", &item, "--outcome", "uitgevoerd"],
    );
    assert!(worklist(&db, "2026-11-22").is_empty());
}

#[test]
fn item_add_refuses_bad_input() {
    let db = Db::new();
    let client = db.client("A", "beheer").to_string();
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "add",
            "--client",
            "999",
            "--title",
            "x",
            "--due",
            "2026-12-01",
        ],
        "onbekende klant 999",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "add",
            "--client",
            &client,
            "--title",
            " ",
            "--due",
            "2026-12-01",
        ],
        "titel mag niet leeg",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item",
            "add",
            "--client",
            &client,
            "--title",
            "x",
            "--due",
            "2026-11-21",
        ],
        "verleden",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "item", "add", "--client", &client, "--title", "x", "--due", "morgen",
        ],
        "ongeldige datum",
    );
}

#[test]
fn an_activity_closed_early_never_expires() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let activity = db
        .add(&[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "hersteltermijn",
            "--start",
            "2026-11-20",
            "--end",
            "2026-12-04",
        ])
        .to_string();
    db.refused_on(
        "2026-11-22",
        &["activity", "close", &activity, "--outcome", "afgerond"],
        "past niet bij",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "close", &activity, "--outcome", "verlengd"],
        "activity extend",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "close", "999", "--outcome", "ontvangen"],
        "onbekende activiteit 999",
    );
    db.on(
        "2026-11-22",
        &["activity", "close", &activity, "--outcome", "ontvangen"],
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "close", &activity, "--outcome", "ontvangen"],
        "al afgesloten",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", &activity, "--to", "2026-12-20"],
        "al afgesloten",
    );
    for today in days("2026-12-01", "2026-12-10") {
        db.on(&today, &["sweep"]);
    }
    assert!(items_of(&db, activity.parse().unwrap()).is_empty());
}

#[test]
fn extending_starts_a_new_cycle_and_settles_the_old_item() {
    let db = Db::new();
    let client = db.client("A", "nog_niet_job_ready").to_string();
    let activity = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "scholing",
        "--start",
        "2026-09-01",
        "--end",
        "2026-11-20",
    ]);
    let id = activity.to_string();
    // The cycle that ended on 11-20 gets its item, even though nobody looked before.
    db.on(
        "2026-11-22",
        &["activity", "extend", &id, "--to", "2026-12-20"],
    );
    let items = items_of(&db, activity);
    assert_eq!(
        items,
        [("2026-11-20".into(), "closed".into(), "verlengd".into())]
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", &id, "--to", "2026-08-31"],
        "vóór de startdatum",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", &id, "--to", "2026-12-20"],
        "eindigt al op",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", "999", "--to", "2026-12-20"],
        "onbekende activiteit",
    );
    db.on("2026-12-20", &["sweep"]);
    assert_eq!(items_of(&db, activity).len(), 2);
    let audit: String = db
        .conn()
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'activity.extend'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let audit: Value = serde_json::from_str(&audit).unwrap();
    assert_eq!(audit["old"]["end_date"], "2026-11-20");
    assert_eq!(audit["new"]["end_date"], "2026-12-20");
}

#[test]
fn there_is_no_command_that_deletes_anything() {
    // Every command and subcommand the command line has, walked from its definition:
    // none removes a row (an item leaves the werkvoorraad only with an outcome).
    fn walk(command: &clap::Command, path: &str, seen: &mut Vec<String>) {
        for sub in command.get_subcommands() {
            let path = format!("{path} {}", sub.get_name());
            seen.push(path.clone());
            walk(sub, &path, seen);
        }
    }
    let mut seen = Vec::new();
    walk(
        &<inbeeld::cli::Cli as clap::CommandFactory>::command(),
        "inbeeld",
        &mut seen,
    );
    assert!(
        seen.iter().any(|c| c == "inbeeld item close"),
        "the walk reaches the subcommands: {seen:?}"
    );
    for command in &seen {
        let verb = command.rsplit(' ').next().unwrap_or_default();
        assert!(
            ![
                "delete",
                "remove",
                "rm",
                "del",
                "verwijder",
                "wis",
                "purge",
                "drop"
            ]
            .contains(&verb),
            "{command} deletes"
        );
    }
}

#[test]
fn two_sweeps_from_two_processes_at_once_make_no_duplicate() {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--no-open",
        "--clients",
        "150",
        "--years",
        "2",
        "--seed",
        "3",
    ]);
    // Reopen every activity, so that a sweep a year later has much to do.
    db.conn()
        .execute_batch("UPDATE activities SET status = 'open', outcome_code = NULL, closed_on = NULL, outcome_note = NULL")
        .unwrap();
    let count = |sql: &str| -> i64 { db.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    // What one sweep of that day raises, by the sweep's own rule (a copy swept
    // alone): the four at once must raise exactly that.
    let alone = db.path.with_file_name("alone.sqlite");
    db.conn()
        .execute("VACUUM INTO ?1", [alone.to_str().unwrap()])
        .unwrap();
    let expiries = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT count(*) FROM work_items WHERE source = 'activity'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let before_alone = expiries(&alone);
    let swept = std::process::Command::new(assert_cmd::cargo::cargo_bin("inbeeld"))
        .env("INBEELD_DB", &alone)
        .env("INBEELD_TODAY", "2027-11-22")
        .arg("sweep")
        .output()
        .unwrap();
    assert!(swept.status.success());
    let expected = expiries(&alone) - before_alone;
    let items_before = count("SELECT count(*) FROM work_items");
    let expiries_before = count("SELECT count(*) FROM work_items WHERE source = 'activity'");
    let activities_before = count("SELECT count(*) FROM activities");
    let terms_before =
        count("SELECT count(*) FROM activities WHERE type_code = 'buitenbehandeling'");
    assert!(expected > 100, "enough work to overlap: {expected}");
    let children: Vec<_> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("inbeeld"))
                .env("INBEELD_DB", &db.path)
                .env("INBEELD_TODAY", "2027-11-22")
                .arg("sweep")
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let created: i64 = children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success());
            String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse::<i64>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        created,
        count("SELECT count(*) FROM work_items") - items_before,
        "what they said they created is what is there"
    );
    // Hersteltermijnen that ran out unused start their four weeks (Awb 4:5 lid 4),
    // each term in view at once with its item.
    let terms = count("SELECT count(*) FROM activities WHERE type_code = 'buitenbehandeling'")
        - terms_before;
    assert_eq!(
        count("SELECT count(*) FROM activities") - activities_before,
        terms,
        "the sweep starts nothing but those terms"
    );
    assert_eq!(
        count("SELECT count(*) FROM work_items WHERE source = 'activity'") - expiries_before,
        expected,
        "together they created each expiry item once, as one sweep alone does"
    );
    let duplicates = count(
        "SELECT (SELECT count(*) FROM (SELECT 1 FROM work_items WHERE source IN ('activity', 'nabellen')
                   GROUP BY source, source_activity_id, source_end_date HAVING count(*) > 1))
              + (SELECT count(*) FROM (SELECT 1 FROM work_items WHERE source = 'rhythm'
                   GROUP BY client_id, due_date HAVING count(*) > 1))
              + (SELECT count(*) FROM (SELECT 1 FROM work_items WHERE source = 'rhythm' AND status = 'open'
                   GROUP BY client_id HAVING count(*) > 1))",
    );
    assert_eq!(duplicates, 0);
}
