//! One place for the rules: each rule through the command-line entry points that
//! reach it, and the same edit along two paths leaving the same file.

use crate::common;

use common::Db;
use serde_json::Value;

/// The first open item of `kind`, as its id.
fn open_id(db: &Db, kind: &str) -> String {
    let (id, _) = db
        .open_item(kind)
        .unwrap_or_else(|| panic!("no open {kind} item"));
    id.to_string()
}

fn activity_of(db: &Db, type_code: &str) -> String {
    db.conn()
        .query_row(
            "SELECT id FROM activities WHERE type_code = ?1 ORDER BY id DESC",
            [type_code],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        .to_string()
}

/// Everything an edit decides, without the moments it was made.
fn state(db: &Db) -> Vec<String> {
    let conn = db.conn();
    let mut rows = Vec::new();
    for sql in [
        "SELECT id, status, decision, decided_on, decided_late, received_on FROM applications ORDER BY id",
        "SELECT id, type_code, status, outcome_code, end_date, coalesce(term_from, '') FROM activities ORDER BY id",
        "SELECT id, kind_code, status, coalesce(outcome_code, ''), due_date, coalesce(source_end_date, '') FROM work_items ORDER BY id",
        "SELECT activity_id, from_date, to_date FROM suspensions ORDER BY id",
        "SELECT client_id, channel_code, contact_date, no_show FROM contacts ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let found: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.extend(found);
    }
    rows
}

/// A client with an aanvraag received on 1 October 2026 (beslistermijn to 26
/// November), and a hersteltermijn given on 5 October that ran out unused on 19
/// October, handled on 20 October: the buitenbehandeling term runs.
fn aanvraag_with_unused_herstel(db: &Db) -> String {
    let client = db.client("Jan de Vries", "bijna_job_ready").to_string();
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
    db.on(
        "2026-10-05",
        &["aanvraag", "herstel", &app, "--missing", "Bankafschriften"],
    );
    let item = {
        db.on("2026-10-19", &["sweep"]);
        open_id(db, "hersteltermijn")
    };
    db.refused_on(
        "2026-10-19",
        &["item", "close", &item, "--outcome", "niet_ontvangen"],
        "loopt nog t/m 2026-10-19",
    );
    db.on(
        "2026-10-20",
        &["item", "close", &item, "--outcome", "niet_ontvangen"],
    );
    app
}

#[test]
fn besloten_on_the_item_is_the_besluit_exactly() {
    let by_item = Db::new();
    let app = aanvraag_with_unused_herstel(&by_item);
    let by_decide = Db::new();
    aanvraag_with_unused_herstel(&by_decide);
    by_item.on("2026-12-01", &["sweep"]);
    by_decide.on("2026-12-01", &["sweep"]);
    let item = open_id(&by_item, "beslistermijn");
    by_item.refused_on(
        "2026-12-01",
        &["item", "close", &item, "--outcome", "besloten"],
        "vraagt het besluit en de dag waarop het is bekendgemaakt (--decision CODE --made-known JJJJ-MM-DD)",
    );
    by_item.refused_on(
        "2026-12-01",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "besloten",
            "--decision",
            "misschien",
            "--made-known",
            "2026-12-01",
        ],
        "onbekend besluit",
    );
    let said = by_item.on(
        "2026-12-01",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "besloten",
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-11-30",
        ],
    );
    assert!(
        said.contains("besluit buiten_behandeling vastgelegd"),
        "{said}"
    );
    assert!(said.contains("bezwaartermijn loopt tot"), "{said}");
    by_decide.on(
        "2026-12-01",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-11-30",
        ],
    );
    assert_eq!(
        state(&by_item),
        state(&by_decide),
        "the same edit along two paths"
    );
    let view = by_item.json_on("2026-12-01", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["status"], "decided");
    assert_eq!(view["decided_late"], false);
    let running: Vec<&str> = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "open")
        .map(|t| t["rule"].as_str().unwrap())
        .collect();
    assert_eq!(running, ["bezwaartermijn"], "only the bezwaartermijn runs");
}

#[test]
fn buiten_behandeling_only_after_a_hersteltermijn_ran_out_unused() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
    db.refused_on(
        "2026-10-10",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-10-10",
        ],
        "Awb 4:5 lid 1",
    );
}

#[test]
fn the_buitenbehandeling_item_is_handled_by_the_besluit_too() {
    let db = Db::new();
    let app = aanvraag_with_unused_herstel(&db);
    // Four weeks from 19 October: 16 November, signalled a week before.
    // Not before the hersteltermijn ran out unused (it ran to 19 October).
    db.refused_on(
        "2026-10-21",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-10-19",
        ],
        "pas bekendgemaakt na het ongebruikt verstrijken van de hersteltermijn (t/m 2026-10-19",
    );
    db.on("2026-11-09", &["sweep"]);
    let item = open_id(&db, "buitenbehandeling");
    db.refused_on(
        "2026-11-10",
        &["item", "close", &item, "--outcome", "bekendgemaakt"],
        "--made-known",
    );
    db.on(
        "2026-11-10",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "bekendgemaakt",
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-11-10",
        ],
    );
    let view = db.json_on("2026-11-10", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["decision"], "buiten_behandeling");
    assert_eq!(view["decided_on"], "2026-11-10");
}

#[test]
fn a_besluit_after_the_beslistermijn_is_recorded_as_late() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
    db.on(
        "2026-11-30",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "toegekend",
            "--made-known",
            "2026-11-27",
        ],
    );
    let view = db.json_on("2026-11-30", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["decided_late"], true, "26 November was the last day");
    assert!(db
        .on("2026-11-30", &["aanvraag", "show", &app])
        .contains("na de beslistermijn"));
}

#[test]
fn closing_the_voorschot_activity_starts_the_next_cycle_like_its_item() {
    let setup = |db: &Db| {
        let client = db.client("A", "job_ready").to_string();
        db.aanvraag("2026-10-01", &client, "2026-10-01");
        db.on("2026-10-23", &["sweep"]);
    };
    let by_item = Db::new();
    setup(&by_item);
    let by_activity = Db::new();
    setup(&by_activity);
    let item = open_id(&by_item, "voorschot");
    by_item.on(
        "2026-10-23",
        &["item", "close", &item, "--outcome", "verstrekt"],
    );
    let voorschot = activity_of(&by_activity, "voorschot");
    by_activity.on(
        "2026-10-23",
        &["activity", "close", &voorschot, "--outcome", "verstrekt"],
    );
    assert_eq!(state(&by_item), state(&by_activity));
    let end: String = by_activity
        .conn()
        .query_row(
            "SELECT end_date FROM activities WHERE type_code = 'voorschot'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(end, "2026-11-26", "four weeks on (Pw art. 52)");
}

#[test]
fn an_end_date_moves_only_forward_and_never_back_to_an_old_cycle() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let traject = db.add(&[
        "activity",
        "add",
        "--client",
        &client,
        "--type",
        "traject",
        "--start",
        "2026-06-01",
        "--end",
        "2026-11-20",
    ]);
    let traject = traject.to_string();
    db.on("2026-11-22", &["sweep"]);
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", &traject, "--to", "2026-11-21"],
        "moet na vandaag (2026-11-22) liggen",
    );
    db.refused_on(
        "2026-11-22",
        &["activity", "extend", &traject, "--to", "2026-11-22"],
        "moet na vandaag",
    );
    let item = open_id(&db, "traject");
    db.on(
        "2026-11-22",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "verlengd",
            "--to",
            "2026-12-20",
        ],
    );
    // Planning back in time: 20 November is after "today", but it had its cycle.
    db.refused_on(
        "2026-11-01",
        &["activity", "extend", &traject, "--to", "2026-11-20"],
        "had al een cyclus die op 2026-11-20 eindigde",
    );
    assert_eq!(
        db.cmd_on("2026-11-22")
            .arg("check")
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );

    // A file from before these rules: the end date moved back to a cycle that
    // was already handled as extended. Nothing expires any more; check says so.
    db.conn()
        .execute(
            "UPDATE activities SET end_date = '2026-11-20', expired_end_date = '2026-11-20' WHERE id = ?1",
            [&traject],
        )
        .unwrap();
    let out = db.cmd_on("2026-11-22").arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "activiteit {traject} is op 2026-11-20 verlopen zonder werkitem voor die cyclus"
        )),
        "{stdout}"
    );
}

#[test]
fn a_legal_item_is_postponed_within_its_term_only() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    db.aanvraag("2026-10-01", &client, "2026-10-01");
    // The beslistermijn item appears two weeks before 26 November.
    db.on("2026-11-12", &["sweep"]);
    let item = open_id(&db, "beslistermijn");
    db.conn()
        .execute(
            "UPDATE work_items SET due_date = '2026-11-20' WHERE id = ?1",
            [&item],
        )
        .unwrap();
    db.refused_on(
        "2026-11-12",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-27",
            "--reason",
            "advies",
        ],
        "Awb 4:13 lid 2, uiterlijk 2026-11-26",
    );
    db.on(
        "2026-11-12",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-26",
            "--reason",
            "advies",
        ],
    );
    // On its last day: no later date lies within the term.
    db.refused_on(
        "2026-11-12",
        &[
            "item",
            "postpone",
            &item,
            "--to",
            "2026-11-27",
            "--reason",
            "advies",
        ],
        "kan niet meer worden uitgesteld: Awb 4:13 lid 2, uiterlijk 2026-11-26",
    );
    // Moved past it behind the program's back: check says so.
    db.conn()
        .execute(
            "UPDATE work_items SET due_date = '2026-12-01' WHERE id = ?1",
            [&item],
        )
        .unwrap();
    let out = db.cmd_on("2026-11-12").arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!(
        "werkitem {item} is uitgesteld voorbij het einde van zijn wettelijke termijn (2026-11-26)"
    )));
}

#[test]
fn an_afspraak_is_spoken_on_its_day_whichever_way_it_is_closed() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let afspraak = db
        .on(
            "2026-11-20",
            &[
                "appointment",
                "add",
                "--client",
                &client,
                "--date",
                "2026-11-25",
                "--channel",
                "beeldbellen",
            ],
        )
        .trim()
        .to_owned();
    db.on("2026-11-24", &["sweep"]);
    db.refused_on(
        "2026-11-24",
        &["activity", "close", &afspraak, "--outcome", "gesproken"],
        "de afspraak is pas op 2026-11-25",
    );
    db.on(
        "2026-11-27",
        &["activity", "close", &afspraak, "--outcome", "gesproken"],
    );
    let dossier = db.json_on("2026-11-27", &["client", "show", &client, "--json"]);
    assert_eq!(dossier["contacts"][0]["date"], "2026-11-25");
    assert_eq!(dossier["contacts"][0]["channel"], "beeldbellen");
}

#[test]
fn nabellen_falls_on_the_previous_working_day_and_lapses_on_the_day() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    // Made on Wednesday for Monday 30 November: called on Friday 27 November.
    db.on(
        "2026-11-25",
        &[
            "appointment",
            "add",
            "--client",
            &client,
            "--date",
            "2026-11-30",
            "--channel",
            "op_locatie",
        ],
    );
    db.on("2026-11-26", &["sweep"]);
    assert!(db
        .conn()
        .query_row(
            "SELECT 1 FROM work_items WHERE kind_code = 'nabellen'",
            [],
            |_| Ok(())
        )
        .is_err());
    db.on("2026-11-27", &["sweep"]);
    let (due, status): (String, String) = db
        .conn()
        .query_row(
            "SELECT due_date, status FROM work_items WHERE kind_code = 'nabellen'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((due.as_str(), status.as_str()), ("2026-11-27", "open"));
    // Not handled: on the day of the afspraak it lapses, recorded like any outcome.
    db.on("2026-11-30", &["sweep"]);
    let (status, outcome, note): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT status, outcome_code, outcome_note FROM work_items WHERE kind_code = 'nabellen'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (status.as_str(), outcome.as_str(), note.as_str()),
        ("closed", "verlopen", "afspraak is vandaag")
    );

    // Made on Saturday for Monday: Friday has passed, no late reminder.
    db.on(
        "2026-12-05",
        &[
            "appointment",
            "add",
            "--client",
            &client,
            "--date",
            "2026-12-07",
            "--channel",
            "op_locatie",
        ],
    );
    db.on("2026-12-05", &["sweep"]);
    db.on("2026-12-06", &["sweep"]);
    let reminders: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM work_items WHERE kind_code = 'nabellen'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reminders, 1);
}

#[test]
fn a_hersteltermijn_belongs_to_the_open_aanvraag_whichever_way_it_is_given() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let aanvraag = |received: &str| db.aanvraag(received, &client, received);
    let first = aanvraag("2026-10-01");
    let herstel = |today: &str, extra: &[&str]| {
        let mut args = vec![
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "hersteltermijn",
            "--start",
            "2026-10-05",
            "--end",
            "2026-10-19",
            "--title",
            "Loonstroken",
        ];
        args.extend_from_slice(extra);
        db.on(today, &args)
    };
    herstel("2026-10-05", &[]);
    let view = db.json_on("2026-10-05", &["aanvraag", "show", &first, "--json"]);
    assert_eq!(view["hersteltermijnen"].as_array().unwrap().len(), 1);
    let beslis = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "beslistermijn")
        .unwrap();
    assert_eq!(beslis["end_date"], "2026-12-10", "suspended 6–19 October");
    // With two open aanvragen the klantmanager chooses.
    let second = aanvraag("2026-10-02");
    db.refused_on(
        "2026-10-05",
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "hersteltermijn",
            "--start",
            "2026-10-05",
            "--end",
            "2026-10-19",
        ],
        "meer dan één open aanvraag (1, 2); kies de aanvraag waar de hersteltermijn bij hoort (--aanvraag ID)",
    );
    herstel("2026-10-05", &["--aanvraag", &second]);
    let view = db.json_on("2026-10-05", &["aanvraag", "show", &second, "--json"]);
    assert_eq!(view["hersteltermijnen"].as_array().unwrap().len(), 1);
}

#[test]
fn a_verdaging_moves_the_beslistermijn_within_the_eight_weeks_only() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let add = |received: &str| db.aanvraag(received, &client, received);
    let app = add("2026-10-01");
    db.on("2026-11-20", &["sweep"]);
    db.refused_on(
        "2026-11-20",
        &[
            "aanvraag",
            "adjourn",
            &app,
            "--to",
            "2026-11-25",
            "--reason",
            "advies arts",
        ],
        "na het huidige einde van de beslistermijn (2026-11-26)",
    );
    db.on(
        "2026-11-20",
        &[
            "aanvraag",
            "adjourn",
            &app,
            "--to",
            "2027-01-07",
            "--reason",
            "advies arts",
        ],
    );
    let view = db.json_on("2026-11-20", &["aanvraag", "show", &app, "--json"]);
    let beslis = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "beslistermijn")
        .unwrap();
    assert_eq!(beslis["end_date"], "2027-01-07");
    assert!(beslis["explanation"]
        .as_str()
        .unwrap()
        .contains("Awb 4:14 lid 3): advies arts"));
    // One verdaging only (Awb 4:14 lid 3).
    db.refused_on(
        "2026-12-10",
        &[
            "aanvraag",
            "adjourn",
            &app,
            "--to",
            "2027-02-04",
            "--reason",
            "nog een advies",
        ],
        "al verdaagd tot 2027-01-07",
    );
    let late = add("2026-10-02");
    db.on("2026-11-30", &["sweep"]);
    db.refused_on(
        "2026-11-30",
        &[
            "aanvraag",
            "adjourn",
            &late,
            "--to",
            "2027-01-07",
            "--reason",
            "advies arts",
        ],
        "die liep af op 2026-11-27 (Awb 4:14 lid 3)",
    );
}

#[test]
fn a_new_gelijkgestelde_dag_moves_running_terms_and_unknown_years_are_said() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    // Received Monday 6 November 2028: eight weeks end on Nieuwjaarsdag 2029, so
    // on Tuesday 2 January — as far as 2029's gelijkgestelde dagen are known.
    let app = db.aanvraag("2028-11-06", &client, "2028-11-06");
    let beslis = |today: &str| -> Value {
        db.json_on(today, &["aanvraag", "show", &app, "--json"])["terms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["rule"] == "beslistermijn")
            .unwrap()
            .clone()
    };
    let before = beslis("2028-11-06");
    assert_eq!(before["end_date"], "2029-01-02");
    assert!(
        before["explanation"]
            .as_str()
            .unwrap()
            .contains("gelijkgestelde dagen van 2029 zijn nog niet bekend"),
        "{before}"
    );
    assert!(db
        .on("2028-11-06", &["calendar", "holidays", "--year", "2029"])
        .contains("nog niet bekend"));
    assert!(db
        .on(
            "2028-11-06",
            &[
                "term",
                "end",
                "--rule",
                "beslistermijn",
                "--from",
                "2028-11-06"
            ]
        )
        .contains("nog niet bekend"));
    db.on(
        "2028-11-07",
        &[
            "calendar",
            "add",
            "--date",
            "2029-01-02",
            "--name",
            "Dinsdag na Nieuwjaarsdag",
            "--source",
            "Besluit gelijkstelling 2029",
            // The besluit names every such day of 2029: the year is known.
            "--complete",
        ],
    );
    let after = beslis("2028-11-07");
    assert_eq!(after["end_date"], "2029-01-03", "recomputed at once");
    assert!(!after["explanation"]
        .as_str()
        .unwrap()
        .contains("nog niet bekend"));
    assert!(!db
        .on("2028-11-07", &["calendar", "holidays", "--year", "2029"])
        .contains("nog niet bekend"));
}

#[test]
fn stored_moments_follow_today() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let item = db.on(
        "2026-10-05",
        &[
            "item",
            "add",
            "--client",
            &client,
            "--title",
            "Bellen",
            "--due",
            "2026-10-06",
        ],
    );
    db.on(
        "2026-10-07",
        &["item", "close", item.trim(), "--outcome", "uitgevoerd"],
    );
    let (created, closed): (String, String) = db
        .conn()
        .query_row(
            "SELECT created_at, closed_at FROM work_items WHERE id = ?1",
            [item.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(created.starts_with("2026-10-05T"), "{created}");
    assert!(closed.starts_with("2026-10-07T"), "{closed}");
}

#[test]
fn the_plan_evaluation_moves_forward_and_a_replaced_plan_raises_nothing() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    db.on("2026-11-01", &["plan", "new", "--client", &client]);
    db.on(
        "2026-11-01",
        &[
            "plan",
            "evaluation",
            "--client",
            &client,
            "--date",
            "2026-11-20",
        ],
    );
    let goal = db
        .on(
            "2026-11-01",
            &[
                "plan",
                "goal",
                "--client",
                &client,
                "--text",
                "VCA halen",
                "--domain",
                "werk",
                "--deadline",
                "2026-11-21",
            ],
        )
        .trim()
        .to_owned();
    db.on("2026-11-22", &["sweep"]);
    let evaluation_item = open_id(&db, "plan");
    db.refused_on(
        "2026-11-22",
        &[
            "plan",
            "evaluation",
            "--client",
            &client,
            "--date",
            "2026-11-10",
        ],
        "ligt in het verleden",
    );
    db.on(
        "2026-11-22",
        &[
            "plan",
            "evaluation",
            "--client",
            &client,
            "--date",
            "2026-12-15",
        ],
    );
    let outcome: String = db
        .conn()
        .query_row(
            "SELECT outcome_code FROM work_items WHERE id = ?1",
            [&evaluation_item],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(outcome, "bijgesteld", "the previous cycle's item is closed");

    db.on(
        "2026-11-22",
        &[
            "plan",
            "outcome",
            &goal,
            "--outcome",
            "bijgesteld",
            "--to",
            "2027-01-10",
        ],
    );
    // A new version: the old evaluation raises nothing any more.
    db.on("2026-11-23", &["plan", "new", "--client", &client]);
    db.on("2026-12-16", &["sweep"]);
    let plan_items: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM work_items WHERE kind_code = 'plan' AND status = 'open'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(plan_items, 0);

    // The goal's status is stored, and goes along in a handover.
    let bundle = db.on("2026-12-16", &["export", "--plain", "--client", &client]);
    let other = Db::new();
    let path = other.path.with_file_name("bundel.json");
    std::fs::write(&path, bundle).unwrap();
    other.on("2026-12-16", &["import", path.to_str().unwrap()]);
    let plans = other.json_on("2026-12-16", &["plan", "show", "1", "--json"]);
    assert_eq!(
        plans["current"]["goals"][0]["status"], "bijgesteld",
        "{plans}"
    );
}
