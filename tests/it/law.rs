//! The law's clock through the command line: the Atw calendar, term ends with their
//! explanation, and an aanvraag with two hersteltermijnen walked day by day with
//! `--today` through to its decision — each date and each work item checked,
//! including the suspension of the beslistermijn (Awb 4:15).

use crate::common;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use common::Db;
use serde_json::Value;

fn term_end_of(db: &Db, today: &str, app: &str, rule: &str) -> String {
    let view = db.json_on(today, &["aanvraag", "show", app, "--json"]);
    view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|t| t["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} term: {view}"))["end_date"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Registers an aanvraag for `client`, received on `received`; returns its number.
fn aanvraag(db: &Db, today: &str, client: &str, received: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "aanvraag",
        "add",
        "--client",
        client,
        "--received",
        received,
    ];
    args.extend_from_slice(extra);
    db.on(today, &args).trim().to_owned()
}

#[test]
fn calendar_holidays_lists_the_atw_days_with_their_grounds() {
    let db = Db::new();
    let days = db.json_on(
        "2026-11-22",
        &["calendar", "holidays", "--year", "2028", "--json"],
    );
    let dates: Vec<&str> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    // Easter 2028 is 16 April; Koningsdag on Thursday 27 April and the Friday after
    // declared equal, Hemelvaart 25 May and the Friday after declared equal.
    for expected in [
        "2028-01-01",
        "2028-04-14",
        "2028-04-17",
        "2028-04-27",
        "2028-04-28",
        "2028-05-05",
        "2028-05-25",
        "2028-05-26",
        "2028-06-05",
        "2028-12-25",
        "2028-12-26",
    ] {
        assert!(dates.contains(&expected), "{expected} in {dates:?}");
    }
    assert_eq!(dates.len(), 11);
    let declared = days
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2028-04-28")
        .unwrap();
    assert!(declared["source"]
        .as_str()
        .unwrap()
        .starts_with("Besluit gelijkstelling"));
    assert!(db
        .on("2026-11-22", &["calendar", "holidays", "--year", "2026"])
        .contains("Goede Vrijdag"));
    db.refused_on(
        "2026-11-22",
        &["calendar", "holidays", "--year", "99999"],
        "valt buiten",
    );
}

#[test]
fn a_new_besluit_can_be_added_and_moves_term_ends() {
    let db = Db::new();
    // Friday 7 May 2027 is declared already; a new besluit for Monday 10 May 2027.
    let before = db.json_on(
        "2026-11-22",
        &[
            "term",
            "end",
            "--rule",
            "voorschot",
            "--from",
            "2027-04-12",
            "--json",
        ],
    );
    assert_eq!(before["end"], "2027-05-10");
    db.on(
        "2026-11-22",
        &[
            "calendar",
            "add",
            "--date",
            "2027-05-10",
            "--name",
            "Proefdag",
            "--source",
            "Besluit gelijkstelling (proef)",
        ],
    );
    let after = db.json_on(
        "2026-11-22",
        &[
            "term",
            "end",
            "--rule",
            "voorschot",
            "--from",
            "2027-04-12",
            "--json",
        ],
    );
    assert_eq!(after["end"], "2027-05-11");
    db.refused_on(
        "2026-11-22",
        &[
            "calendar",
            "add",
            "--date",
            "2027-05-10",
            "--name",
            "x",
            "--source",
            "y",
        ],
        "al een feestdag",
    );
    db.refused_on(
        "2026-11-22",
        &[
            "calendar",
            "add",
            "--date",
            "2027-13-10",
            "--name",
            "x",
            "--source",
            "y",
        ],
        "bestaat niet",
    );
}

#[test]
fn term_end_says_why_it_ends_when_it_ends() {
    let db = Db::new();
    let end = db.json_on(
        "2026-11-22",
        &[
            "term",
            "end",
            "--rule",
            "bezwaartermijn",
            "--from",
            "2026-11-13",
            "--json",
        ],
    );
    assert_eq!(end["rule"], "bezwaartermijn");
    assert_eq!(end["article"], "Awb 6:7 en 6:8");
    assert_eq!(end["from"], "2026-11-13");
    assert_eq!(end["nominal_end"], "2026-12-25");
    assert_eq!(end["end"], "2026-12-28");
    assert_eq!(end["days_added"], 3);
    assert!(end["extensions"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("Atw art. 1"));
    let text = db.on(
        "2026-11-22",
        &[
            "term",
            "end",
            "--rule",
            "beslistermijn",
            "--from",
            "2026-10-01",
        ],
    );
    assert!(
        text.contains("Awb 4:13 lid 2") && text.contains("do 26 nov 2026"),
        "{text}"
    );
    db.refused_on(
        "2026-11-22",
        &["term", "end", "--rule", "wachttijd", "--from", "2026-10-01"],
        "onbekende termijnregel",
    );
}

#[test]
fn an_aanvraag_with_two_hersteltermijnen_through_to_its_decision() {
    let db = Db::new();
    let client = db.client("Jan de Vries", "bijna_job_ready").to_string();
    let app = aanvraag(&db, "2026-10-01", &client, "2026-10-01", &[]);
    assert_eq!(
        term_end_of(&db, "2026-10-01", &app, "beslistermijn"),
        "2026-11-26",
        "8 weeks"
    );
    assert_eq!(
        term_end_of(&db, "2026-10-01", &app, "voorschot"),
        "2026-10-29",
        "4 weeks"
    );

    // Which kinds of item exist, and since when.
    let mut first_seen: BTreeMap<String, String> = BTreeMap::new();
    let mut day: NaiveDate = "2026-10-01".parse().unwrap();
    let last: NaiveDate = "2027-01-20".parse().unwrap();
    let mut h1 = String::new();
    while day <= last {
        let today = day.to_string();
        match today.as_str() {
            "2026-10-05" => {
                h1 = db
                    .on(
                        &today,
                        &["aanvraag", "herstel", &app, "--missing", "Bankafschriften"],
                    )
                    .trim()
                    .to_owned();
                // Suspended while it runs: at most until its end (19 October, 14 days).
                assert_eq!(
                    term_end_of(&db, &today, &app, "beslistermijn"),
                    "2026-12-10"
                );
            }
            "2026-10-12" => {
                // The information arrives: suspended from the day after the
                // invitation up to the day before receipt (Awb 4:15 lid 1 onder a):
                // 6 to 11 October, 6 days.
                db.on(
                    &today,
                    &["activity", "close", &h1, "--outcome", "ontvangen"],
                );
                assert_eq!(
                    term_end_of(&db, &today, &app, "beslistermijn"),
                    "2026-12-02"
                );
            }
            "2026-10-23" => {
                let (id, due) = db.open_item("voorschot").expect("voorschot item");
                assert_eq!(due, "2026-10-29");
                db.on(
                    &today,
                    &["item", "close", &id.to_string(), "--outcome", "verstrekt"],
                );
                // Every four weeks while the right is not established.
                assert_eq!(term_end_of(&db, &today, &app, "voorschot"), "2026-11-26");
            }
            "2026-10-29" => {
                db.on(
                    &today,
                    &[
                        "aanvraag",
                        "herstel",
                        &app,
                        "--missing",
                        "Huurcontract",
                        "--end",
                        "2026-11-12",
                    ],
                );
                assert_eq!(
                    term_end_of(&db, &today, &app, "beslistermijn"),
                    "2026-12-16",
                    "6 + 14 days suspended"
                );
            }
            "2026-11-13" => {
                let (id, due) = db.open_item("hersteltermijn").expect("stukken ontvangen?");
                assert_eq!(due, "2026-11-13", "the day after the term");
                db.on(
                    &today,
                    &[
                        "item",
                        "close",
                        &id.to_string(),
                        "--outcome",
                        "niet_ontvangen",
                    ],
                );
                assert_eq!(
                    term_end_of(&db, &today, &app, "beslistermijn"),
                    "2026-12-16"
                );
                assert_eq!(
                    term_end_of(&db, &today, &app, "buitenbehandeling"),
                    "2026-12-10",
                    "4 weeks after it ran out"
                );
            }
            "2026-11-20" => {
                let (id, due) = db.open_item("voorschot").expect("second voorschot");
                assert_eq!(due, "2026-11-26");
                db.on(
                    &today,
                    &["item", "close", &id.to_string(), "--outcome", "verstrekt"],
                );
                assert_eq!(term_end_of(&db, &today, &app, "voorschot"), "2026-12-24");
            }
            "2026-12-08" => {
                let (_, due) = db.open_item("beslistermijn").expect("beslistermijn item");
                assert_eq!(due, "2026-12-16");
                let out = db.on(
                    &today,
                    &[
                        "aanvraag",
                        "decide",
                        &app,
                        "--decision",
                        "buiten_behandeling",
                        "--made-known",
                        "2026-12-08",
                    ],
                );
                assert_eq!(out.trim(), "bezwaar mogelijk tot 2027-01-19");
                for kind in ["beslistermijn", "voorschot", "buitenbehandeling"] {
                    assert!(
                        db.open_item(kind).is_none(),
                        "{kind} settled by the decision"
                    );
                }
            }
            _ => {}
        }
        // Only the legal deadlines: the contact rhythm of this client is another matter.
        let worklist = db.json_on(&today, &["worklist", "--json"]);
        for item in worklist
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["legal"] == true)
        {
            let key = format!(
                "{} {}",
                item["kind"].as_str().unwrap(),
                item["due_date"].as_str().unwrap()
            );
            first_seen.entry(key).or_insert(today.clone());
        }
        day = day + Days::new(1);
    }
    let expected: BTreeMap<String, String> = [
        ("voorschot 2026-10-29", "2026-10-22"),
        ("voorschot 2026-11-26", "2026-11-19"),
        // Awb 4:5 lid 4: in view from the day after the hersteltermijn ran out.
        ("buitenbehandeling 2026-12-10", "2026-11-13"),
        ("beslistermijn 2026-12-16", "2026-12-02"),
        // The bezwaartermijn is the client's term, not a § deadline of the
        // klantmanager's: it is not among these.
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(
        first_seen, expected,
        "each item appeared on its day, and no other item appeared"
    );

    let view = db.json_on("2027-01-20", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["status"], "decided");
    assert_eq!(view["decision"], "buiten_behandeling");
    assert_eq!(view["decided_on"], "2026-12-08");
    let explanation = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "beslistermijn")
        .unwrap()["explanation"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        explanation.contains("Awb 4:15")
            && explanation.contains("+6 dagen")
            && explanation.contains("+14 dagen"),
        "{explanation}"
    );
    assert_eq!(view["hersteltermijnen"].as_array().unwrap().len(), 2);
}

#[test]
fn a_person_under_27_searches_four_weeks_first() {
    let db = Db::new();
    let client = db.client("Sanne Jong", "job_ready").to_string();
    let app = aanvraag(&db, "2026-11-02", &client, "2026-11-02", &["--under-27"]);
    let view = db.json_on("2026-11-02", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["reported_on"], "2026-11-02");
    assert_eq!(
        view["received_on"],
        Value::Null,
        "not received until it is: no invented date"
    );
    assert_eq!(view["expected_on"], "2026-11-30");
    assert_eq!(
        term_end_of(&db, "2026-11-02", &app, "zoektermijn"),
        "2026-11-30"
    );
    assert!(
        view["terms"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["rule"] == "zoektermijn"),
        "no beslistermijn before the aanvraag is in: {view}"
    );
    // A hersteltermijn cannot be given on an aanvraag that is not in.
    db.refused_on(
        "2026-11-10",
        &["aanvraag", "herstel", &app, "--missing", "Loonstroken"],
        "nog niet ontvangen",
    );
    db.on(
        "2026-12-01",
        &["aanvraag", "received", &app, "--on", "2026-11-30"],
    );
    let view = db.json_on("2026-12-01", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["received_on"], "2026-11-30");
    assert_eq!(
        term_end_of(&db, "2026-12-01", &app, "beslistermijn"),
        "2027-01-25"
    );
    let zoek = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "zoektermijn")
        .unwrap();
    assert_eq!(
        zoek["status"], "closed",
        "the zoektermijn is done once the aanvraag is in"
    );
}

/// The four weeks come first (Pw art. 41 lid 4): an aanvraag received before they
/// are over is refused, unless the municipality waives them for this young person,
/// with a reason that stays in the dossier and the audit log.
#[test]
fn a_zoektermijn_is_waived_only_with_a_reason_and_the_reason_is_kept() {
    let db = Db::new();
    let client = db.client("Sanne Jong", "job_ready").to_string();
    let app = aanvraag(&db, "2026-11-02", &client, "2026-11-02", &["--under-27"]);
    db.refused_on(
        "2026-11-10",
        &["aanvraag", "received", &app, "--on", "2026-11-10"],
        "loopt tot ma 30 nov 2026",
    );
    db.refused_on(
        "2026-11-10",
        &["aanvraag", "received", &app, "--waive", "  "],
        "reden",
    );
    db.on(
        "2026-11-10",
        &[
            "aanvraag",
            "received",
            &app,
            "--waive",
            "dakloos, kan niet vier weken zoeken",
        ],
    );
    let view = db.json_on("2026-11-10", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["received_on"], "2026-11-10");
    let zoek = view["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "zoektermijn")
        .unwrap();
    assert_eq!(zoek["status"], "closed");
    assert_eq!(zoek["outcome"], "afgezien", "{zoek}");
    assert!(
        zoek["outcome_note"]
            .as_str()
            .unwrap()
            .contains("dakloos, kan niet vier weken zoeken"),
        "{zoek}"
    );
    // The beslistermijn runs from the day the aanvraag came in, not from the melding.
    assert_eq!(
        term_end_of(&db, "2026-11-10", &app, "beslistermijn"),
        "2027-01-05"
    );
    let audited = db.scalar(
        "SELECT count(*) FROM audit_log WHERE detail LIKE '%dakloos, kan niet vier weken zoeken%'",
    );
    assert_ne!(audited, "0", "the reason is in the audit log");
    // Only a running zoektermijn can be waived: an aanvraag that is in has none.
    let other = db.client("Piet Oud", "job_ready").to_string();
    let direct = aanvraag(&db, "2026-11-10", &other, "2026-11-10", &[]);
    db.refused_on(
        "2026-11-10",
        &["aanvraag", "received", &direct, "--waive", "kwetsbaar"],
        "al ontvangen",
    );
}

#[test]
fn under_27_follows_from_the_birth_date() {
    let db = Db::new();
    // 26 on the day of the melding: the zoektermijn applies without being asked.
    let young = db
        .add(&[
            "client",
            "add",
            "--name",
            "Ali Young",
            "--birth-date",
            "2000-03-01",
        ])
        .to_string();
    let app = aanvraag(&db, "2026-11-02", &young, "2026-11-02", &[]);
    let view = db.json_on("2026-11-02", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["under_27"], true);
    assert_eq!(view["expected_on"], "2026-11-30");
    // 27 on the day: --under-27 contradicts the birth date.
    let older = db
        .add(&[
            "client",
            "add",
            "--name",
            "Bo Older",
            "--birth-date",
            "1999-11-01",
        ])
        .to_string();
    db.refused_on(
        "2026-11-02",
        &[
            "aanvraag",
            "add",
            "--client",
            &older,
            "--received",
            "2026-11-02",
            "--under-27",
        ],
        "spreekt de geboortedatum tegen",
    );
    let app = aanvraag(&db, "2026-11-02", &older, "2026-11-02", &[]);
    let view = db.json_on("2026-11-02", &["aanvraag", "show", &app, "--json"]);
    assert_eq!(view["under_27"], false);
    assert_eq!(view["received_on"], "2026-11-02");
}

#[test]
fn computed_terms_cannot_be_typed_or_moved_by_hand() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let app = aanvraag(&db, "2026-10-01", &client, "2026-10-01", &[]);
    let beslis: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM activities WHERE type_code = 'beslistermijn'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    db.refused_on(
        "2026-10-01",
        &[
            "activity",
            "extend",
            &beslis.to_string(),
            "--to",
            "2027-01-01",
        ],
        "wettelijke termijn",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "beslistermijn",
            "--start",
            "2026-10-01",
            "--end",
            "2026-11-26",
        ],
        "past niet bij categorie",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "aanvraag",
            "add",
            "--client",
            &client,
            "--received",
            "2026-10-02",
        ],
        "in de toekomst",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "aanvraag",
            "add",
            "--client",
            "999",
            "--received",
            "2026-10-01",
        ],
        "onbekende klant",
    );
    db.refused_on(
        "2026-10-01",
        &["aanvraag", "herstel", "999", "--missing", "x"],
        "onbekende aanvraag",
    );
    db.refused_on(
        "2026-10-01",
        &["aanvraag", "herstel", &app, "--missing", " "],
        "mag niet leeg zijn",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "aanvraag",
            "herstel",
            &app,
            "--missing",
            "x",
            "--given",
            "2026-10-05",
            "--end",
            "2026-10-04",
        ],
        "vóór de startdatum",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "misschien",
            "--made-known",
            "2026-10-01",
        ],
        "onbekend besluit",
    );
    db.refused_on(
        "2026-10-01",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "toegekend",
            "--made-known",
            "2026-09-01",
        ],
        "vóór de ontvangst",
    );
    db.on(
        "2026-10-20",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "toegekend",
            "--made-known",
            "2026-10-20",
        ],
    );
    db.refused_on(
        "2026-10-21",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "afgewezen",
            "--made-known",
            "2026-10-21",
        ],
        "al besloten",
    );
}

#[test]
fn a_hersteltermijn_on_a_weekend_gets_a_warning_and_the_next_working_day_offered() {
    let db = Db::new();
    let client = db.client("A", "job_ready").to_string();
    let out = db
        .cmd_on("2026-11-22")
        .args([
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "hersteltermijn",
            "--start",
            "2026-11-22",
            "--end",
            "2026-12-06",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "a warning, not a refusal");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("zondag") && stderr.contains("ma 7 dec 2026"),
        "{stderr}"
    );
    let app = aanvraag(&db, "2026-11-22", &client, "2026-11-20", &[]);
    // The suggested end (two weeks) lands on a Sunday: it is moved to Monday.
    let id = db
        .on(
            "2026-11-22",
            &[
                "aanvraag",
                "herstel",
                &app,
                "--missing",
                "Loonstroken",
                "--given",
                "2026-11-22",
            ],
        )
        .trim()
        .to_owned();
    let end: String = db
        .conn()
        .query_row(
            "SELECT end_date FROM activities WHERE id = ?1",
            [id.parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(end, "2026-12-07");
}

/// Rules carry their dates: the beslistermijn as a law would change it for aanvragen
/// from 1 January 2027. An aanvraag of 2026 keeps eight weeks, one of 2027 gets ten,
/// a look ahead across the day shows both, and `term end` answers per date.
#[test]
fn a_rule_that_changes_on_a_day_holds_for_the_cases_that_start_from_it() {
    let db = Db::new();
    fn version(from: &str) -> Vec<&str> {
        vec![
            "term",
            "version",
            "--rule",
            "beslistermijn",
            "--from",
            from,
            "--days",
            "70",
            "--source",
            "Wet voorbeeld",
        ]
    }
    db.refused(&version("2026-11-22"), "na vandaag (2026-11-22) beginnen");
    let mut long = version("2027-01-01");
    long[7] = "100000";
    db.refused(&long, "1 tot en met 3650 dagen");
    long[7] = "-5";
    db.refused(&long, "1 tot en met 3650 dagen");
    db.ok(&version("2027-01-01"));
    db.refused(&version("2026-12-15"), "al een versie vanaf 2027-01-01");

    let end = |from: &str| {
        db.json(&[
            "term",
            "end",
            "--rule",
            "beslistermijn",
            "--from",
            from,
            "--json",
        ])["nominal_end"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        end("2026-12-20"),
        "2027-02-14",
        "eight weeks before the day"
    );
    assert_eq!(end("2027-01-04"), "2027-03-15", "ten weeks from it");
    let said = db.ok(&[
        "term",
        "end",
        "--rule",
        "beslistermijn",
        "--from",
        "2027-01-04",
    ]);
    assert!(
        said.contains("regel zoals gewijzigd per vr 1 jan 2027 (Wet voorbeeld)"),
        "{said}"
    );
    let before = db.ok(&[
        "term",
        "end",
        "--rule",
        "beslistermijn",
        "--from",
        "2026-12-20",
    ]);
    assert!(!before.contains("gewijzigd"), "{before}");

    let a = db.client("Jan de Vries", "job_ready").to_string();
    let b = db.client("Piet Bakker", "job_ready").to_string();
    let old = db.aanvraag("2026-12-20", &a, "2026-12-20");
    let new = db.aanvraag("2027-01-04", &b, "2027-01-04");
    // Looking from 10 January 2027: each keeps the rule of the day it started.
    assert_eq!(
        term_end_of(&db, "2027-01-10", &old, "beslistermijn"),
        "2027-02-15"
    );
    assert_eq!(
        term_end_of(&db, "2027-01-10", &new, "beslistermijn"),
        "2027-03-15"
    );
}

/// Every rule names its source in the catalogue: the computed terms, and each
/// process after the toekenning, with the article it comes from (or the
/// municipality's document where the law leaves the term to it); and what an
/// outcome plans after it is listed beside it.
#[test]
fn the_catalogue_names_every_rule_with_its_source_and_what_follows() {
    let db = Db::new();
    let catalog = db.json(&["catalog", "--json"]);
    let types = catalog["activity_types"].as_array().unwrap();
    let source = |code: &str| {
        types
            .iter()
            .find(|t| t["code"] == code)
            .and_then(|t| t["source"].as_str())
            .unwrap_or_else(|| panic!("{code} names no source"))
            .to_owned()
    };
    for (code, article) in [
        ("beslistermijn", "Awb 4:13"),
        ("voorschot", "art. 52"),
        ("buitenbehandeling", "Awb 4:5 lid 4"),
        ("bezwaartermijn", "Awb 6:7"),
        ("zoektermijn", "art. 41 lid 4"),
        ("heronderzoek", "art. 53a"),
        ("informatieverzoek", "art. 17"),
        ("ontheffing", "art. 9 lid 2"),
        ("maatregel", "art. 18 lid 2"),
        ("zienswijze", "Awb 4:8"),
        ("boete", "Awb 5:51"),
        ("taaleis", "art. 18b"),
        ("taalvoortgang", "art. 18b"),
    ] {
        assert!(source(code).contains(article), "{code}: {}", source(code));
    }
    let text = db.ok(&["catalog"]);
    for line in [
        "bron: Participatiewet art. 53a lid 1",
        "niet_geleverd → onderzoek (28 dagen)",
        "uitgevoerd → heronderzoek (zelfde interval)",
        "taal_geen_inspanning → maatregel (14 dagen)",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
}

/// A maatregel opgelegd asks its verlaging as fields (`--percent`, `--months`), and
/// the verordening of the settings says which: heavier for one again within its
/// terugkijktermijn (recidive); another verlaging only with a toelichting.
#[test]
fn a_maatregel_takes_the_verordenings_verlaging_heavier_within_its_look_back() {
    let db = Db::new();
    std::fs::write(
        db.path.with_file_name("instellingen.toml"),
        "[verordening]\nverlagingen = [{ procent = 30, maanden = 1 }, { procent = 100, maanden = 3 }]\nterugkijktermijn = 6\n",
    )
    .unwrap();
    assert!(db
        .ok(&["settings"])
        .contains("Verordening: verlagingen 30% 1 mnd, 100% 3 mnd; terugkijktermijn 6 maanden"));
    let client = db.client("Karin Visser", "beheer").to_string();
    // A signaal weighed on `day`, a voornemen: the zienswijze to decide on.
    let zienswijze = |day: &str| -> String {
        let signaal = db
            .on(
                day,
                &[
                    "activity",
                    "add",
                    "--client",
                    &client,
                    "--type",
                    "maatregel",
                    "--start",
                    day,
                    "--end",
                    day,
                    "--title",
                    "Afspraak gemist",
                ],
            )
            .trim()
            .to_owned();
        db.on(
            day,
            &["activity", "close", &signaal, "--outcome", "voornemen"],
        );
        db.scalar("SELECT id FROM activities WHERE type_code = 'zienswijze' AND status = 'open'")
    };
    let first = zienswijze("2026-05-04");
    // The sweep of that day first: a refusal changes nothing after it.
    db.on("2026-05-20", &["sweep"]);
    db.refused_on(
        "2026-05-20",
        &[
            "activity",
            "close",
            &first,
            "--outcome",
            "maatregel_opgelegd",
        ],
        "volgens de verordening verlaging 30% gedurende 1 maand (eerste maatregel in 6 maanden)",
    );
    db.refused_on(
        "2026-05-20",
        &[
            "activity",
            "close",
            &first,
            "--outcome",
            "maatregel_opgelegd",
            "--percent",
            "30",
        ],
        "--percent en --months samen",
    );
    db.refused_on(
        "2026-05-20",
        &[
            "activity",
            "close",
            &first,
            "--outcome",
            "maatregel_opgelegd",
            "--percent",
            "130",
            "--months",
            "1",
        ],
        "1 tot en met 100 procent",
    );
    db.on(
        "2026-05-20",
        &[
            "activity",
            "close",
            &first,
            "--outcome",
            "maatregel_opgelegd",
            "--percent",
            "30",
            "--months",
            "1",
        ],
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_note FROM activities WHERE id = {first}"
        )),
        "verlaging 30% gedurende 1 maand"
    );

    // Again within six months: the second step, 100% for three months.
    let second = zienswijze("2026-09-01");
    let close = |extra: &[&str]| -> Vec<String> {
        let mut args: Vec<String> = [
            "activity",
            "close",
            &second,
            "--outcome",
            "maatregel_opgelegd",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let args = close(&[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // The sweep of that day first: a refusal changes nothing after it.
    db.on("2026-09-16", &["sweep"]);
    db.refused_on(
        "2026-09-16",
        &args,
        "verlaging 100% gedurende 3 maanden (tweede maatregel binnen 6 maanden",
    );
    let args = close(&["--percent", "30", "--months", "1"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    db.refused_on("2026-09-16", &args, "wijkt af van de verordening");
    let args = close(&[
        "--percent",
        "30",
        "--months",
        "1",
        "--note",
        "schulden, minder zwaar",
    ]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    db.on("2026-09-16", &args);
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_note FROM activities WHERE id = {second}"
        )),
        "verlaging 30% gedurende 1 maand; schulden, minder zwaar"
    );

    // Past the terugkijktermijn a maatregel is a first one again.
    let third = zienswijze("2027-04-01");
    // The sweep of that day first: a refusal changes nothing after it.
    db.on("2027-04-16", &["sweep"]);
    db.refused_on(
        "2027-04-16",
        &[
            "activity",
            "close",
            &third,
            "--outcome",
            "maatregel_opgelegd",
        ],
        "verlaging 30% gedurende 1 maand (eerste maatregel in 6 maanden)",
    );

    // A verordening the settings cannot hold is refused with its line.
    std::fs::write(
        db.path.with_file_name("instellingen.toml"),
        "[verordening]\nverlagingen = [{ procent = 0, maanden = 1 }]\n",
    )
    .unwrap();
    db.refused(&["settings"], "regel 2");
}

/// A toekenning starts the heronderzoek cycle (Pw art. 53a): the first one at the
/// catalogue's interval from the bekendmaking, on a working day, in view like any
/// activity; a client whose cycle runs already does not get a second one, and a
/// refusal starts none.
#[test]
fn a_toekenning_plans_the_first_heronderzoek_once() {
    let db = Db::new();
    let heronderzoeken = |client: &str| {
        db.scalar(&format!(
            "SELECT count(*) || ' ' || coalesce(max(end_date), '-') FROM activities
             WHERE client_id = {client} AND type_code = 'heronderzoek' AND status = 'open'"
        ))
    };
    let granted = db.client("Anna Bakker", "job_ready").to_string();
    let app = aanvraag(&db, "2026-11-02", &granted, "2026-11-02", &[]);
    db.on(
        "2026-11-20",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "toegekend",
            "--made-known",
            "2026-11-20",
        ],
    );
    // 20 November plus 182 days is Friday 21 May 2027.
    assert_eq!(heronderzoeken(&granted), "1 2027-05-21");
    // A second aanvraag granted while the cycle runs: still one.
    let again = aanvraag(&db, "2026-11-21", &granted, "2026-11-21", &[]);
    db.on(
        "2026-11-23",
        &[
            "aanvraag",
            "decide",
            &again,
            "--decision",
            "toegekend",
            "--made-known",
            "2026-11-23",
        ],
    );
    assert_eq!(heronderzoeken(&granted), "1 2027-05-21");

    let refused = db.client("Bart Smit", "job_ready").to_string();
    let app = aanvraag(&db, "2026-11-02", &refused, "2026-11-02", &[]);
    db.on(
        "2026-11-20",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "afgewezen",
            "--made-known",
            "2026-11-20",
        ],
    );
    assert_eq!(heronderzoeken(&refused), "0 -");
}

/// A client's risk profile (the municipality's handhavingsplan) sets the
/// heronderzoek's interval: set, it plans the first; changed, it moves the running
/// one from its start (due now when that lies behind); done, the next comes at the
/// profile's interval; an unknown profile or the same one again is refused.
#[test]
fn a_risk_profile_sets_the_heronderzoek_cycle() {
    let db = Db::new();
    let client = db.client("Rik de Boer", "beheer").to_string();
    let open = || {
        db.scalar(&format!(
            "SELECT count(*) || ' ' || group_concat(start_date || '..' || end_date) FROM activities
             WHERE client_id = {client} AND type_code = 'heronderzoek' AND status = 'open'"
        ))
    };
    db.on(
        "2026-11-23",
        &["client", "risk-profile", &client, "gemiddeld"],
    );
    assert_eq!(open(), "1 2026-11-23..2027-11-23");
    let shown = db.json_on("2026-11-23", &["client", "show", &client, "--json"]);
    assert_eq!(shown["risk_profile"], "gemiddeld", "{shown}");
    // Hoog: three months from its start lies behind on 1 March: due now.
    db.on("2027-03-01", &["client", "risk-profile", &client, "hoog"]);
    assert_eq!(open(), "1 2026-11-23..2027-03-01");
    db.on("2027-03-01", &["sweep"]);
    let item = db
        .open_item("heronderzoek")
        .expect("in the werkvoorraad at once");
    db.refused_on(
        "2027-03-01",
        &["client", "risk-profile", &client, "hoog"],
        "niets gewijzigd",
    );
    db.refused_on(
        "2027-03-01",
        &["client", "risk-profile", &client, "extreem"],
        "kies uit: laag, gemiddeld, verhoogd, hoog",
    );
    // Done: the next one three months on, whatever the cycle before.
    db.on(
        "2027-03-02",
        &[
            "item",
            "close",
            &item.0.to_string(),
            "--outcome",
            "uitgevoerd",
        ],
    );
    assert_eq!(open(), "1 2027-03-02..2027-06-02");
    let text = db.ok(&["catalog"]);
    assert!(
        text.contains("hoog                 Hoog risico            3 maanden"),
        "{text}"
    );
}

/// A boete with the Openbaar Ministerie (Awb 5:51 lid 3): the 13 weeks wait. The
/// referral finishes the boete's step and starts the wait, with a date of its own
/// (no escape while the OM decides); the OM's answer brings the boete back from the
/// day the answer came, its end later by exactly the days it waited.
#[test]
fn a_boete_with_the_om_waits_and_runs_on_after_the_answer() {
    let db = Db::new();
    let client = db.client("Joost Mulder", "beheer").to_string();
    let boete = db
        .on(
            "2026-09-01",
            &[
                "activity",
                "add",
                "--client",
                &client,
                "--type",
                "boete",
                "--start",
                "2026-09-01",
                "--end",
                "2026-12-01",
                "--title",
                "Inkomsten niet gemeld",
            ],
        )
        .trim()
        .to_owned();
    db.on(
        "2026-10-01",
        &["activity", "close", &boete, "--outcome", "naar_om"],
    );
    let wait = |what: &str| {
        db.scalar(&format!(
            "SELECT {what} FROM activities WHERE type_code = 'boete_om' AND follows_activity_id = {boete}"
        ))
    };
    // Asked after eight weeks: Thursday 26 November.
    assert_eq!(
        wait("start_date || ' ' || end_date || ' ' || status"),
        "2026-10-01 2026-11-26 open"
    );
    assert_eq!(wait("title"), "Inkomsten niet gemeld");
    // While it waits the boete itself raises nothing on its old end.
    db.on("2026-12-02", &["sweep"]);
    assert_eq!(db.open_item("boete"), None);
    let (item, due) = db.open_item("boete_om").expect("the wait's item");
    assert_eq!(due, "2026-11-26");
    let wait_id = wait("id");
    db.refused_on(
        "2026-12-02",
        &[
            "item",
            "close",
            &item.to_string(),
            "--outcome",
            "om_antwoord",
            "--received",
            "2026-09-30",
        ],
        "het antwoord op",
    );
    let closed = db.on(
        "2026-12-02",
        &[
            "item",
            "close",
            &item.to_string(),
            "--outcome",
            "om_antwoord",
            "--received",
            "2026-11-20",
        ],
    );
    assert!(closed.contains("20 jan 2027"), "{closed}");
    // 1 October to 20 November: 50 days waited; 1 December + 50 = 20 January.
    assert_eq!(
        db.scalar(&format!(
            "SELECT start_date || ' ' || end_date || ' ' || title FROM activities
             WHERE type_code = 'boete' AND status = 'open' AND follows_activity_id = {wait_id}"
        )),
        "2026-09-01 2027-01-20 Inkomsten niet gemeld"
    );
    // The boete comes into view again as it did before it went to the OM.
    db.on("2027-01-06", &["sweep"]);
    let (_, due) = db.open_item("boete").expect("the boete's item again");
    assert_eq!(due, "2027-01-20");
    assert!(
        db.ok(&["check"]).contains("in orde"),
        "{}",
        db.ok(&["check"])
    );
    assert!(
        db.ok(&["catalog"]).contains("naar_om → boete_om"),
        "{}",
        db.ok(&["catalog"])
    );
}
