//! The Overzicht's figures against a caseload with a known history, built through
//! the command line with `--today` walking the days: every figure of the report for
//! two weeks and the month around them, with the edge cases — an item handled on its
//! due day, a client out of view and back within a period, a ladder step recorded
//! twice in one period, a client ended and taken back.

use crate::common;

use common::Db;
use serde_json::{json, Value};

/// The open item of `kind` for `client` on `day`.
fn item(db: &Db, day: &str, client: i64, kind: &str) -> String {
    let list: Value = serde_json::from_str(&db.on(day, &["worklist", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|i| i["client_id"] == client && i["kind"] == kind)
        .unwrap_or_else(|| panic!("{day}: no open {kind} item for client {client}: {list}"))["id"]
        .to_string()
}

/// The history, day by day (all in 2026):
///
/// - 1 Sep: Anna and Bart (job ready, rhythm 28 days) are spoken to; Cor and Dirk
///   (beheer, 182 days) are registered without a contact. Dirk's aanvraag is
///   received (beslistermijn and voorschot end 27 Oct after the first voorschot).
/// - Anna and Bart are out of view from 30 Sep. Anna is spoken to on 6 Oct (back
///   in week 41), Bart on 14 Oct (back in week 42).
/// - Anna's follow-up is handled on its due day (7 Oct); Bart's two days late.
/// - Anna's ladder step is recorded twice in week 41 (2 → 3 → 4); Bart goes 3 → 2;
///   Dirk is first assessed twice in October, both times on step 1.
/// - Cor leaves on 13 Oct (verhuisd) and is taken back on 15 Oct.
/// - Anna misses her afspraak of 16 Oct and comes to the new one on 23 Oct.
fn history(db: &Db) -> (i64, i64, i64, i64) {
    let day = "2026-09-01";
    let add = |args: &[&str]| -> i64 { db.on(day, args).trim().parse().unwrap() };
    let anna = add(&["client", "add", "--name", "Anna Bakker"]);
    let bart = add(&["client", "add", "--name", "Bart Smit"]);
    let cor = add(&[
        "client",
        "add",
        "--name",
        "Cor Jansen",
        "--category",
        "beheer",
    ]);
    let dirk = add(&[
        "client",
        "add",
        "--name",
        "Dirk Visser",
        "--category",
        "beheer",
    ]);
    for client in [anna, bart] {
        db.on(
            day,
            &[
                "contact",
                "add",
                "--client",
                &client.to_string(),
                "--channel",
                "telefoon",
            ],
        );
    }
    db.on(
        day,
        &[
            "ladder",
            "add",
            "--client",
            &anna.to_string(),
            "--step",
            "2",
        ],
    );
    db.on(
        day,
        &[
            "ladder",
            "add",
            "--client",
            &bart.to_string(),
            "--step",
            "3",
        ],
    );
    let aanvraag_dirk = db
        .on(
            day,
            &[
                "aanvraag",
                "add",
                "--client",
                &dirk.to_string(),
                "--received",
                day,
            ],
        )
        .trim()
        .to_owned();
    let voorschot = item(db, "2026-09-29", dirk, "voorschot");
    db.on(
        "2026-09-29",
        &["item", "close", &voorschot, "--outcome", "verstrekt"],
    );

    db.on(
        "2026-10-01",
        &[
            "item",
            "add",
            "--client",
            &anna.to_string(),
            "--title",
            "Bellen over de cursus",
            "--due",
            "2026-10-07",
        ],
    );
    db.on(
        "2026-10-01",
        &[
            "item",
            "add",
            "--client",
            &bart.to_string(),
            "--title",
            "Cv nakijken",
            "--due",
            "2026-10-06",
        ],
    );
    let aanvraag_bart = db
        .on(
            "2026-10-05",
            &[
                "aanvraag",
                "add",
                "--client",
                &bart.to_string(),
                "--received",
                "2026-10-05",
            ],
        )
        .trim()
        .to_owned();
    db.on(
        "2026-10-06",
        &[
            "contact",
            "add",
            "--client",
            &anna.to_string(),
            "--channel",
            "whatsapp",
        ],
    );
    db.on(
        "2026-10-06",
        &[
            "ladder",
            "add",
            "--client",
            &anna.to_string(),
            "--step",
            "3",
        ],
    );
    db.on(
        "2026-10-07",
        &[
            "aanvraag",
            "herstel",
            &aanvraag_bart,
            "--missing",
            "Bankafschriften",
        ],
    );
    let follow_up = item(db, "2026-10-07", anna, "vervolgactie");
    db.on(
        "2026-10-07",
        &["item", "close", &follow_up, "--outcome", "uitgevoerd"],
    );
    let follow_up = item(db, "2026-10-08", bart, "vervolgactie");
    db.on(
        "2026-10-08",
        &["item", "close", &follow_up, "--outcome", "uitgevoerd"],
    );
    db.on(
        "2026-10-08",
        &[
            "ladder",
            "add",
            "--client",
            &anna.to_string(),
            "--step",
            "4",
        ],
    );
    db.on(
        "2026-10-09",
        &[
            "ladder",
            "add",
            "--client",
            &bart.to_string(),
            "--step",
            "2",
        ],
    );
    db.on(
        "2026-10-12",
        &[
            "appointment",
            "add",
            "--client",
            &anna.to_string(),
            "--date",
            "2026-10-16",
            "--time",
            "10:00",
            "--channel",
            "op_locatie",
        ],
    );
    db.on(
        "2026-10-13",
        &["client", "end", &cor.to_string(), "--reason", "verhuisd"],
    );
    db.on(
        "2026-10-14",
        &[
            "contact",
            "add",
            "--client",
            &bart.to_string(),
            "--channel",
            "telefoon",
        ],
    );
    db.on(
        "2026-10-14",
        &[
            "client",
            "category",
            &anna.to_string(),
            "--to",
            "bijna_job_ready",
            "--reason",
            "Meer begeleiding nodig",
        ],
    );
    db.on(
        "2026-10-14",
        &[
            "ladder",
            "add",
            "--client",
            &dirk.to_string(),
            "--step",
            "1",
        ],
    );
    db.on("2026-10-15", &["client", "reopen", &cor.to_string()]);
    let afspraak = item(db, "2026-10-16", anna, "afspraak");
    db.on(
        "2026-10-16",
        &[
            "item",
            "close",
            &afspraak,
            "--outcome",
            "no_show",
            "--to",
            "2026-10-23",
        ],
    );
    db.on(
        "2026-10-20",
        &[
            "ladder",
            "add",
            "--client",
            &dirk.to_string(),
            "--step",
            "1",
        ],
    );
    let herstel = item(db, "2026-10-22", bart, "hersteltermijn");
    db.on(
        "2026-10-22",
        &[
            "item",
            "close",
            &herstel,
            "--outcome",
            "ontvangen",
            "--received",
            "2026-10-20",
        ],
    );
    let afspraak = item(db, "2026-10-23", anna, "afspraak");
    db.on(
        "2026-10-23",
        &["item", "close", &afspraak, "--outcome", "gesproken"],
    );
    let voorschot = item(db, "2026-10-27", dirk, "voorschot");
    db.on(
        "2026-10-27",
        &["item", "close", &voorschot, "--outcome", "verstrekt"],
    );
    let beslis = item(db, "2026-10-29", dirk, "beslistermijn");
    db.on(
        "2026-10-29",
        &[
            "item",
            "close",
            &beslis,
            "--outcome",
            "besloten",
            "--decision",
            "toegekend",
            "--made-known",
            "2026-10-29",
        ],
    );
    let _ = aanvraag_dirk;
    (anna, bart, cor, dirk)
}

fn report(db: &Db, from: &str, to: &str) -> Value {
    db.json(&["report", "--from", from, "--to", to, "--json"])
}

#[test]
fn every_figure_of_three_periods_comes_from_the_history() {
    let db = Db::new();
    let (anna, bart, _, _) = history(&db);

    // Week 41: the item handled on its due day is on time, the other late; Anna
    // and Bart were out of view in it, Anna is back by Sunday.
    let week = report(&db, "2026-10-05", "2026-10-11");
    assert_eq!(week["as_of"], "2026-10-11");
    assert_eq!(
        week["handled"],
        json!({ "total": 3, "on_time": 1, "late": 2,
                "by_kind": { "contact": 1, "vervolgactie": 2 },
                "by_outcome": { "gesproken": 1, "uitgevoerd": 2 },
                "statutory": { "met": 0, "missed": 0, "pending": 0 } }),
        "Anna's follow-up on its due day, Bart's two days late, and Anna's rhythm item \
         (due on 30 September, her first day out of view) closed by the contact of 6 October"
    );
    let in_view = &week["in_view"];
    assert_eq!(
        (in_view["clients"].as_i64(), in_view["in_view"].as_i64()),
        (Some(4), Some(3))
    );
    assert_eq!(in_view["share"], 0.75);
    assert_eq!(in_view["out_during"], 2, "Anna and Bart");
    assert_eq!(in_view["back_in_view"], 1, "Anna, spoken to on 6 October");
    let longest: Vec<&Value> = in_view["longest_out"].as_array().unwrap().iter().collect();
    assert_eq!(longest.len(), 1);
    assert_eq!(longest[0]["client_id"], bart);
    assert_eq!(longest[0]["since"], "2026-09-01");
    assert_eq!(longest[0]["days"], 40);
    assert_eq!(
        week["ladder"],
        json!({ "up": 1, "same": 0, "down": 1, "moves": { "2-4": 1, "3-2": 1 } }),
        "Anna's step recorded twice counts once, from before the week to its last"
    );
    assert_eq!(
        week["contacts"],
        json!({ "total": 1, "by_channel": { "whatsapp": 1 }, "letters": 0 })
    );
    assert_eq!(week["aanvragen"]["received"], 1);
    assert_eq!(
        week["aanvragen"]["hersteltermijnen"],
        json!({ "given": 1, "by_outcome": { "ontvangen": 1 } })
    );
    assert_eq!(
        week["instroom"],
        json!({ "total": 0, "new": 0, "returned": 0 })
    );
    assert_eq!(
        week["uitstroom"],
        json!({ "total": 0, "by_reason": {}, "handed_over": 0 })
    );

    // Week 42: Cor left and came back; Bart is back in view; Anna's category moved
    // away from work; a no-show.
    let week = report(&db, "2026-10-12", "2026-10-18");
    assert_eq!(
        week["uitstroom"],
        json!({ "total": 1, "by_reason": { "verhuisd": 1 }, "handed_over": 0 })
    );
    assert_eq!(
        week["instroom"],
        json!({ "total": 1, "new": 0, "returned": 1 })
    );
    let in_view = &week["in_view"];
    assert_eq!(
        (in_view["clients"].as_i64(), in_view["in_view"].as_i64()),
        (Some(4), Some(4))
    );
    assert_eq!(
        (
            in_view["out_during"].as_i64(),
            in_view["back_in_view"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        week["categories"],
        json!({ "changes": 1, "by_category": { "bijna_job_ready": 1 },
                "toward_work": 0, "away_from_work": 1 })
    );
    assert_eq!(
        week["ladder"],
        json!({ "up": 0, "same": 0, "down": 0, "moves": {} }),
        "Dirk's first assessment alone is no move"
    );
    assert_eq!(week["appointments"]["total"], 1);
    assert_eq!(week["appointments"]["no_shows"], 1);
    // The weekly points: 11 October had three of four in view (Bart out).
    let weekly = in_view["weekly"].as_array().unwrap();
    assert_eq!(weekly.len(), 26);
    assert_eq!(
        weekly[25],
        json!({ "date": "2026-10-18", "clients": 4, "in_view": 4 })
    );
    assert_eq!(
        weekly[24],
        json!({ "date": "2026-10-11", "clients": 4, "in_view": 3 })
    );
    assert_eq!(
        weekly[23],
        json!({ "date": "2026-10-04", "clients": 4, "in_view": 2 })
    );
    assert_eq!(
        weekly[21],
        json!({ "date": "2026-09-20", "clients": 4, "in_view": 4 })
    );
    assert_eq!(
        weekly[20],
        json!({ "date": "2026-09-13", "clients": 4, "in_view": 4 })
    );
    assert_eq!(
        weekly[19],
        json!({ "date": "2026-09-06", "clients": 4, "in_view": 4 })
    );
    assert_eq!(
        weekly[18],
        json!({ "date": "2026-08-30", "clients": 0, "in_view": 0 })
    );

    // October: everything together.
    let month = db.json(&[
        "report",
        "--period",
        "month",
        "--to",
        "2026-10-31",
        "--json",
    ]);
    assert_eq!(
        (month["from"].as_str(), month["to"].as_str()),
        (Some("2026-10-01"), Some("2026-10-31"))
    );
    assert_eq!(
        month["ladder"],
        json!({ "up": 1, "same": 1, "down": 1, "moves": { "1-1": 1, "2-4": 1, "3-2": 1 } })
    );
    assert_eq!(
        month["appointments"],
        json!({ "total": 2, "held": 1, "no_shows": 1, "no_show_rate": 0.5 })
    );
    let aanvragen = &month["aanvragen"];
    assert_eq!(aanvragen["received"], 1, "Bart's; Dirk's came in September");
    assert_eq!(aanvragen["decided"], 1);
    assert_eq!(aanvragen["by_decision"], json!({ "toegekend": 1 }));
    assert_eq!(
        (
            aanvragen["decided_in_time"].as_i64(),
            aanvragen["decided_late"].as_i64()
        ),
        (Some(0), Some(1)),
        "Dirk's beslistermijn ended on 27 October, the besluit was made known on the 29th"
    );
    assert_eq!(aanvragen["voorschotten"], json!({ "verstrekt": 1 }));
    assert_eq!(
        month["handled"]["statutory"],
        json!({ "met": 1, "missed": 1, "pending": 0 }),
        "the voorschot on its due day; the beslistermijn two days late"
    );
    // Ten items: on time Anna's follow-up, both afspraken, the hersteltermijn, the
    // voorschot, and the four weeks of Awb 4:5 lid 4 that ran from the day after
    // the hersteltermijn's end until the documents were registered that day; late:
    // Bart's follow-up, both rhythm items and the beslistermijn. The reminder before
    // 23 October lapsed when the afspraak was handled: the program closed it, no
    // handling. (No command ran on 15 October, so the first afspraak got no
    // reminder: the sweep makes one only before the day.)
    assert_eq!(
        month["handled"],
        json!({ "total": 10, "on_time": 6, "late": 4,
                "by_kind": { "afspraak": 2, "beslistermijn": 1, "buitenbehandeling": 1, "contact": 2,
                             "hersteltermijn": 1, "vervolgactie": 2, "voorschot": 1 },
                "by_outcome": { "besloten": 1, "gesproken": 3, "no_show": 1, "ontvangen": 2,
                                "uitgevoerd": 2, "verstrekt": 1 },
                "statutory": { "met": 1, "missed": 1, "pending": 0 } })
    );
    assert_eq!(
        month["open_by_age"],
        json!({ "not_yet_due": 1, "late_1_7": 0, "late_8_30": 0, "late_over_30": 0 }),
        "Bart's voorschot, due 2 November"
    );
    assert_eq!(
        month["contacts"],
        json!({ "total": 3, "by_channel": { "op_locatie": 1, "telefoon": 1, "whatsapp": 1 }, "letters": 0 }),
        "the no-show is no contact; the afspraak of 23 October is"
    );
    assert_eq!(
        (
            month["in_view"]["out_during"].as_i64(),
            month["in_view"]["back_in_view"].as_i64()
        ),
        (Some(2), Some(2))
    );
    assert_eq!(month["uitstroom"]["total"], 1);
    assert_eq!(month["instroom"]["returned"], 1);
    let _ = anna;
}

/// The same figures as CSV, one row per number, for a spreadsheet: with a BOM and
/// `;` (decimal comma) for Dutch Excel; an aggregate report names nobody.
#[test]
fn the_csv_has_every_figure_and_an_aggregate_names_nobody() {
    let db = Db::new();
    history(&db);
    let args = ["report", "--from", "2026-10-05", "--to", "2026-10-11"];
    let csv = db.ok(&[&args[..], &["--csv", "--separator", ";", "--bom"]].concat());
    assert!(csv.starts_with('\u{feff}'), "BOM first");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert_eq!(lines.next(), Some("from;to;as_of;figure;key;value"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    let value = |figure: &str, key: &str| {
        rows.iter()
            .find(|r| r[3] == figure && r[4] == key)
            .map(|r| r[5].to_owned())
            .unwrap_or_else(|| panic!("no row {figure};{key}"))
    };
    assert!(rows
        .iter()
        .all(|r| r.len() == 6 && r[0] == "2026-10-05" && r[1] == "2026-10-11"));
    assert_eq!(value("handled", "on_time"), "1");
    assert_eq!(value("handled.by_kind", "vervolgactie"), "2");
    assert_eq!(
        value("in_view", "share"),
        "0,75",
        "a decimal comma beside ';'"
    );
    assert_eq!(value("in_view.weekly.in_view", "2026-10-04"), "2");
    assert_eq!(value("in_view.longest_out.days", "Bart Smit"), "40");
    // The JSON and the CSV carry the same numbers.
    let json = db.json(&[&args[..], &["--json"]].concat());
    assert_eq!(json["handled"]["by_kind"]["vervolgactie"], 2);
    let plain = db.ok(&[&args[..], &["--csv"]].concat());
    assert!(plain
        .lines()
        .any(|l| l == "2026-10-05,2026-10-11,2026-10-11,in_view,share,0.75"));

    for format in ["--json", "--csv"] {
        let out = db.ok(&[&args[..], &[format, "--aggregate"]].concat());
        assert!(
            !out.contains("Bart") && !out.contains("longest_out"),
            "{format}: {out}"
        );
    }
    let aggregate = db.json(&[&args[..], &["--json", "--aggregate"]].concat());
    assert_eq!(aggregate["in_view"]["clients"], 4, "the counts stay");
    let text = db.ok(&args);
    assert!(
        text.contains("Afgehandeld") && text.contains("op tijd 1"),
        "{text}"
    );
}

#[test]
fn a_bad_period_is_refused() {
    let db = Db::new();
    db.refused_on(
        "2026-11-22",
        &["report", "--from", "2026-10-11", "--to", "2026-10-05"],
        "ligt vóór de startdatum",
    );
    db.refused_on(
        "2026-11-22",
        &["report", "--from", "11-10-2026"],
        "ongeldige datum",
    );
}

/// A scripted week (16–22 November 2026) at the edges of a case, and its figures
/// against the counts the definitions in docs/overzicht.md give from the rows: a reminder that
/// lapsed and open work closed at uitstroom are no handling, a letter is no contact,
/// a client who came back on the first day was out of view, a handover is no
/// uitstroom.
#[test]
fn a_scripted_week_counts_what_happened_by_the_readmes_definitions() {
    let db = Db::new();
    let add = |name: &str| -> String {
        db.on("2026-09-01", &["client", "add", "--name", name])
            .trim()
            .to_owned()
    };
    let (eva, fenna, gijs, henk, ilse) = (
        add("Eva Mulder"),
        add("Fenna de Wit"),
        add("Gijs Bos"),
        add("Henk Smit"),
        add("Ilse Kok"),
    );
    // Eva was spoken to on 1 November; her afspraak is on Wednesday the 18th.
    db.on(
        "2026-11-10",
        &[
            "contact",
            "add",
            "--client",
            &eva,
            "--channel",
            "telefoon",
            "--date",
            "2026-11-01",
        ],
    );
    db.on(
        "2026-11-10",
        &[
            "appointment",
            "add",
            "--client",
            &eva,
            "--date",
            "2026-11-18",
            "--time",
            "10:00",
            "--channel",
            "op_locatie",
        ],
    );
    db.on("2026-11-17", &["sweep"]); // the reminder, which nobody calls
                                     // Monday: Fenna is not reached (the next attempt on Wednesday); Gijs comes back.
    db.on(
        "2026-11-16",
        &[
            "item",
            "close",
            &item(&db, "2026-11-16", fenna.parse().unwrap(), "contact"),
            "--outcome",
            "niet_bereikt",
            "--note",
            "voicemail",
        ],
    );
    db.on(
        "2026-11-16",
        &["contact", "add", "--client", &gijs, "--channel", "telefoon"],
    );
    // Tuesday: a letter to Fenna.
    db.on(
        "2026-11-17",
        &["contact", "add", "--client", &fenna, "--channel", "brief"],
    );
    // Wednesday: Eva comes (the reminder lapsed this morning); Fenna is reached.
    db.on(
        "2026-11-18",
        &[
            "item",
            "close",
            &item(&db, "2026-11-18", eva.parse().unwrap(), "afspraak"),
            "--outcome",
            "gesproken",
        ],
    );
    db.on(
        "2026-11-18",
        &[
            "item",
            "close",
            &item(&db, "2026-11-18", fenna.parse().unwrap(), "contact"),
            "--outcome",
            "gesproken",
        ],
    );
    // Henk is handed over, Ilse leaves for work; their open items close with it.
    db.on(
        "2026-11-19",
        &[
            "client",
            "end",
            &henk,
            "--reason",
            "overgedragen",
            "--settle",
        ],
    );
    db.on(
        "2026-11-20",
        &["client", "end", &ilse, "--reason", "werk", "--settle"],
    );

    let week = report(&db, "2026-11-16", "2026-11-22");
    // Handled, by docs/overzicht.md: closed in the period with an outcome a klantmanager
    // chose — not an undo's mark, not the program's own (client_ended, lapsed,
    // settled) — on time when closed by the due date.
    let conn = db.conn();
    let handled: (i64, i64) = conn
        .query_row(
            "SELECT count(*), coalesce(sum(w.closed_on <= w.due_date), 0) FROM work_items w
             WHERE w.closed_on BETWEEN '2026-11-16' AND '2026-11-22' AND w.outcome_code <> 'ongedaan'
               AND (SELECT k.effect FROM kind_outcomes k WHERE k.kind_code = w.kind_code
                      AND k.outcome_code = w.outcome_code)
                   NOT IN ('client_ended', 'lapsed', 'settled')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (
            week["handled"]["total"].as_i64(),
            week["handled"]["on_time"].as_i64()
        ),
        (Some(handled.0), Some(handled.1))
    );
    assert_eq!(
        week["handled"]["by_outcome"],
        json!({ "gesproken": 3, "niet_bereikt": 1 }),
        "Fenna twice, Gijs, Eva's opkomst; not the reminder that lapsed, not Henk's or Ilse's items"
    );
    assert_eq!(handled, (4, 2), "the two items due this week on time");
    // Contacts that took place, by a channel that counts; letters apart.
    let (contacts, letters): (i64, i64) = conn
        .query_row(
            "SELECT coalesce(sum(ch.counts_as_contact), 0), coalesce(sum(1 - ch.counts_as_contact), 0)
             FROM contacts k JOIN channels ch ON ch.code = k.channel_code
             WHERE k.contact_date BETWEEN '2026-11-16' AND '2026-11-22'
               AND k.no_show = 0 AND k.undone_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (
            week["contacts"]["total"].as_i64(),
            week["contacts"]["letters"].as_i64()
        ),
        (Some(contacts), Some(letters))
    );
    assert_eq!((contacts, letters), (3, 1));
    // Out of view on some day of the week: Fenna until Wednesday, Gijs on Monday
    // morning, Henk and Ilse until they left; in view again on Sunday: Fenna, Gijs.
    assert_eq!(
        (
            week["in_view"]["out_during"].as_i64(),
            week["in_view"]["back_in_view"].as_i64()
        ),
        (Some(4), Some(2)),
        "{}",
        week["in_view"]
    );
    assert_eq!(
        week["uitstroom"],
        json!({ "total": 1, "by_reason": { "werk": 1 }, "handed_over": 1 })
    );
}

/// The rest of the clock in the Overzicht, from dates only: heronderzoeken done on
/// or before their date, one past it and still open, and the steps of a maatregel
/// and a boete open on the period's last day — and the besluit in the week it was
/// taken.
#[test]
fn heronderzoeken_on_time_and_open_maatregelen_come_from_their_dates() {
    let db = Db::new();
    let add = |day: &str, args: &[&str]| -> String { db.on(day, args).trim().to_owned() };
    let client = |name: &str| add("2026-05-01", &["client", "add", "--name", name]);
    let activity = |day: &str, client: &str, kind: &str, end: &str, title: &str| {
        add(
            day,
            &[
                "activity", "add", "--client", client, "--type", kind, "--start", day, "--end",
                end, "--title", title,
            ],
        )
    };
    let close = |day: &str, id: &str, outcome: &str| {
        add(
            day,
            &[
                "activity",
                "close",
                id,
                "--outcome",
                outcome,
                "--note",
                "reden",
            ],
        )
    };
    let (anna, bart, cor, dirk, eva) = (
        client("Anna Bakker"),
        client("Bart Smit"),
        client("Cor de Wit"),
        client("Dirk Jansen"),
        client("Eva Mulder"),
    );
    let on_time = activity(
        "2026-05-01",
        &anna,
        "heronderzoek",
        "2026-11-10",
        "Heronderzoek",
    );
    let late = activity(
        "2026-05-01",
        &bart,
        "heronderzoek",
        "2026-11-06",
        "Heronderzoek",
    );
    activity(
        "2026-05-01",
        &cor,
        "heronderzoek",
        "2026-11-09",
        "Heronderzoek",
    );
    close("2026-11-05", &on_time, "uitgevoerd");
    close("2026-11-12", &late, "uitgevoerd");
    let signaal = activity(
        "2026-11-02",
        &dirk,
        "maatregel",
        "2026-11-16",
        "Niet verschenen",
    );
    close("2026-11-04", &signaal, "voornemen");
    activity(
        "2026-11-03",
        &eva,
        "boete",
        "2027-02-02",
        "Rapport: inkomsten niet gemeld",
    );

    let r = report(&db, "2026-11-02", "2026-11-15");
    let h = &r["handhaving"];
    assert_eq!(h["heronderzoeken_done"], 2, "{h}");
    assert_eq!(
        h["heronderzoeken_on_time"], 1,
        "Bart's was six days late: {h}"
    );
    assert_eq!(
        h["heronderzoeken_overdue"], 1,
        "Cor's, past its date on the 15th: {h}"
    );
    assert_eq!(h["open"], json!({"boete": 1, "zienswijze": 1}), "{h}");
    assert_eq!(h["decided"], json!({}), "{h}");

    let zienswijze = db.scalar("SELECT id FROM activities WHERE type_code = 'zienswijze'");
    add(
        "2026-11-19",
        &[
            "activity",
            "close",
            &zienswijze,
            "--outcome",
            "maatregel_opgelegd",
            "--percent",
            "20",
            "--months",
            "1",
        ],
    );
    let r = report(&db, "2026-11-16", "2026-11-22");
    let h = &r["handhaving"];
    assert_eq!(h["heronderzoeken_done"], 0, "{h}");
    assert_eq!(h["heronderzoeken_overdue"], 1, "{h}");
    assert_eq!(
        h["open"],
        json!({"boete": 1}),
        "the zienswijze is decided: {h}"
    );
    assert_eq!(h["decided"], json!({"maatregel_opgelegd": 1}), "{h}");
    // The earlier weeks keep their figures: read from dates, not from today's state.
    let before = report(&db, "2026-11-02", "2026-11-15");
    assert_eq!(
        before["handhaving"]["open"],
        json!({"boete": 1, "zienswijze": 1})
    );

    let text = db.ok(&["report", "--from", "2026-11-02", "--to", "2026-11-15"]);
    assert!(
        text.contains("Heronderzoeken") && text.contains("2 gedaan (op tijd 1); over datum 1"),
        "{text}"
    );

    // The rows behind the block: who, and how late.
    let store = inbeeld::store::Store::open(&db.path).unwrap();
    let period = inbeeld::domain::period::Period::between(
        "2026-11-02".parse().unwrap(),
        "2026-11-15".parse().unwrap(),
    )
    .unwrap();
    let rows = store
        .block_rows(
            inbeeld::domain::overview::Block::Handhaving,
            &period,
            common::TODAY.parse().unwrap(),
        )
        .unwrap();
    let said: Vec<(String, String, Option<i64>)> = rows
        .iter()
        .map(|r| (r.client.clone(), r.code.clone(), r.days))
        .collect();
    for expected in [
        (
            "Bart Smit".to_owned(),
            "heronderzoek_gedaan".to_owned(),
            Some(6),
        ),
        (
            "Anna Bakker".to_owned(),
            "heronderzoek_gedaan".to_owned(),
            Some(0),
        ),
        ("Cor de Wit".to_owned(), "heronderzoek".to_owned(), Some(6)),
        ("Dirk Jansen".to_owned(), "zienswijze".to_owned(), Some(-3)),
    ] {
        assert!(said.contains(&expected), "{expected:?} in {said:?}");
    }
    assert_eq!(said.len(), 5, "{said:?}");
    // The besluit is a row of the week it was taken.
    let week = inbeeld::domain::period::Period::between(
        "2026-11-16".parse().unwrap(),
        "2026-11-22".parse().unwrap(),
    )
    .unwrap();
    let rows = store
        .block_rows(
            inbeeld::domain::overview::Block::Handhaving,
            &week,
            common::TODAY.parse().unwrap(),
        )
        .unwrap();
    assert!(
        rows.iter().any(|r| r.client == "Dirk Jansen"
            && r.code == "maatregel_opgelegd"
            && r.detail.as_deref() == Some("verlaging 20% gedurende 1 maand")),
        "{rows:?}"
    );
}
