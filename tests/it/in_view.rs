//! Klant in beeld through the command line: one client walked through a year with
//! `--today` — contact rhythm, appointments with nabellen and opkomst, no-shows and
//! their follow-up, the plan van aanpak, the ladder and life domains.

use crate::common;

use chrono::{Days, NaiveDate};
use common::Db;
use serde_json::Value;

/// Open items of `kind`, as (id, due date), after the sweep of `today`.
fn open(db: &Db, today: &str, kind: &str) -> Vec<(i64, String)> {
    let list: Value = serde_json::from_str(&db.on(today, &["worklist", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == kind)
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["due_date"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn days(from: &str, to: &str) -> Vec<String> {
    let (mut day, end): (NaiveDate, NaiveDate) = (from.parse().unwrap(), to.parse().unwrap());
    let mut out = Vec::new();
    while day <= end {
        out.push(day.to_string());
        day = day + Days::new(1);
    }
    out
}

/// The first day in `from..=to` on which an item of `kind` is open, if any.
fn first_open(db: &Db, from: &str, to: &str, kind: &str) -> Option<String> {
    days(from, to)
        .into_iter()
        .find(|d| !open(db, d, kind).is_empty())
}

fn client(db: &Db, today: &str, category: &str) -> String {
    db.on(
        today,
        &[
            "client",
            "add",
            "--name",
            "Mustafa Kaya",
            "--category",
            category,
        ],
    )
    .trim()
    .to_owned()
}

#[test]
fn the_contact_rhythm_raises_one_item_per_overdue_period() {
    let db = Db::new();
    let c = client(&db, "2026-01-05", "job_ready"); // rhythm 28 days
    db.on(
        "2026-01-05",
        &["contact", "add", "--client", &c, "--channel", "telefoon"],
    );
    // In view through day 28 (2 February); the first day out of view raises the item.
    assert_eq!(
        first_open(&db, "2026-01-05", "2026-02-10", "contact").as_deref(),
        Some("2026-02-03")
    );
    assert_eq!(
        open(&db, "2026-02-10", "contact"),
        [(
            open(&db, "2026-02-10", "contact")[0].0,
            "2026-02-03".to_owned()
        )]
    );
    let listed: Value =
        serde_json::from_str(&db.on("2026-02-10", &["client", "list", "--json"])).unwrap();
    assert_eq!(listed[0]["in_view"], false);
    assert_eq!(listed[0]["days_since_contact"], 36);

    // A contact puts the client back in view and handles the item as gesproken.
    let item = open(&db, "2026-02-10", "contact")[0].0;
    db.on(
        "2026-02-10",
        &["contact", "add", "--client", &c, "--channel", "beeldbellen"],
    );
    let shown: Value =
        serde_json::from_str(&db.on("2026-02-10", &["item", "show", &item.to_string(), "--json"]))
            .unwrap();
    assert_eq!(shown["outcome"], "gesproken");
    assert_eq!(
        first_open(&db, "2026-02-10", "2026-03-20", "contact").as_deref(),
        Some("2026-03-11")
    );

    // Not reached: handled with a reason, and the next attempt is planned at once
    // (Thursday 12 March: two working days on is Monday the 16th), so the client
    // out of view is never without an open item.
    let item = open(&db, "2026-03-12", "contact")[0].0;
    db.on(
        "2026-03-12",
        &[
            "item",
            "close",
            &item.to_string(),
            "--outcome",
            "niet_bereikt",
            "--note",
            "Telefoon afgesloten",
        ],
    );
    let next = open(&db, "2026-03-12", "contact");
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].1, "2026-03-16");
    assert_eq!(
        open(&db, "2026-04-20", "contact"),
        next,
        "no second item beside the planned attempt"
    );

    // Handled as gesproken in the werkvoorraad: the conversation is registered.
    let item = open(&db, "2026-04-20", "contact")[0].0;
    db.on(
        "2026-04-20",
        &["item", "close", &item.to_string(), "--outcome", "gesproken"],
    );
    let listed: Value =
        serde_json::from_str(&db.on("2026-04-20", &["client", "list", "--json"])).unwrap();
    assert_eq!(listed[0]["in_view"], true);
    assert_eq!(listed[0]["days_since_contact"], 0);
    let shown: Value =
        serde_json::from_str(&db.on("2026-04-20", &["client", "show", &c, "--json"])).unwrap();
    assert_eq!(shown["contacts"][0]["date"], "2026-04-20");
    assert_eq!(
        shown["contacts"][0]["channel"], "telefoon",
        "no preference: by phone"
    );
}

#[test]
fn a_registered_no_show_is_no_contact() {
    let db = Db::new();
    let c = client(&db, "2026-01-05", "job_ready");
    db.on(
        "2026-01-05",
        &["contact", "add", "--client", &c, "--channel", "telefoon"],
    );
    db.on(
        "2026-02-01",
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-02-10",
            "--channel",
            "op_locatie",
        ],
    );
    let item = open(&db, "2026-02-10", "afspraak")[0].0.to_string();
    db.on(
        "2026-02-10",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "no_show",
            "--to",
            "2026-02-20",
        ],
    );
    // The client stays out of view.
    let listed: Value =
        serde_json::from_str(&db.on("2026-02-11", &["client", "list", "--json"])).unwrap();
    assert_eq!(listed[0]["days_since_contact"], 37);
    assert_eq!(listed[0]["in_view"], false);
}

#[test]
fn appointments_raise_nabellen_and_opkomst_and_no_shows_lead_to_a_follow_up() {
    let db = Db::new();
    let c = client(&db, "2026-05-01", "bijna_job_ready");
    db.refused_on(
        "2026-05-01",
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-04-30",
            "--channel",
            "op_locatie",
        ],
        "verleden",
    );
    db.refused_on(
        "2026-05-01",
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-05-20",
            "--time",
            "25:00",
            "--channel",
            "op_locatie",
        ],
        "ongeldige tijd",
    );
    db.refused_on(
        "2026-05-01",
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-05-20",
            "--channel",
            "duif",
        ],
        "onbekend kanaal",
    );
    let a = db
        .on(
            "2026-05-01",
            &[
                "appointment",
                "add",
                "--client",
                &c,
                "--date",
                "2026-05-20",
                "--time",
                "10:00",
                "--channel",
                "op_locatie",
                "--title",
                "Voortgangsgesprek",
            ],
        )
        .trim()
        .to_owned();
    let listed: Value =
        serde_json::from_str(&db.on("2026-05-01", &["activity", "list", "--json"])).unwrap();
    assert_eq!(
        (listed[0]["time"].as_str(), listed[0]["channel"].as_str()),
        (Some("10:00"), Some("op_locatie"))
    );

    // Nabellen the day before, opkomst registreren on the day; not before.
    assert_eq!(
        first_open(&db, "2026-05-01", "2026-05-25", "nabellen").as_deref(),
        Some("2026-05-19")
    );
    assert_eq!(open(&db, "2026-05-19", "nabellen")[0].1, "2026-05-19");
    assert!(open(&db, "2026-05-19", "afspraak").is_empty());
    let call = open(&db, "2026-05-19", "nabellen")[0].0.to_string();
    db.on(
        "2026-05-19",
        &["item", "close", &call, "--outcome", "gebeld"],
    );
    let opkomst = open(&db, "2026-05-20", "afspraak");
    assert_eq!(opkomst[0].1, "2026-05-20");
    db.on(
        "2026-05-20",
        &[
            "item",
            "close",
            &opkomst[0].0.to_string(),
            "--outcome",
            "gesproken",
        ],
    );
    let dossier: Value =
        serde_json::from_str(&db.on("2026-05-21", &["client", "show", &c, "--json"])).unwrap();
    assert_eq!(
        dossier["contacts"][0]["date"], "2026-05-20",
        "gesproken records the contact"
    );
    assert_eq!(dossier["contacts"][0]["channel"], "op_locatie");
    assert_eq!(dossier["days_since_contact"], 1);

    // A no-show asks for the follow-up: a new appointment …
    let b = db
        .on(
            "2026-06-01",
            &[
                "appointment",
                "add",
                "--client",
                &c,
                "--date",
                "2026-06-10",
                "--channel",
                "beeldbellen",
            ],
        )
        .trim()
        .to_owned();
    let call = open(&db, "2026-06-09", "nabellen")[0].0.to_string();
    db.on(
        "2026-06-09",
        &["item", "close", &call, "--outcome", "gebeld"],
    );
    let item = open(&db, "2026-06-10", "afspraak")[0].0.to_string();
    db.refused_on(
        "2026-06-10",
        &["item", "close", &item, "--outcome", "no_show"],
        "vraagt een nieuwe datum (--to JJJJ-MM-DD)",
    );
    db.on(
        "2026-06-10",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "no_show",
            "--to",
            "2026-06-17",
        ],
    );
    assert_eq!(
        first_open(&db, "2026-06-11", "2026-06-20", "nabellen").as_deref(),
        Some("2026-06-16")
    );
    assert_eq!(open(&db, "2026-06-17", "afspraak")[0].1, "2026-06-17");
    // The new afspraak is an afspraak of its own, linked to the one that was missed;
    // the missed one ended on its own date.
    type Row = (i64, String, String, Option<String>, Option<i64>);
    let rows: Vec<Row> = db
        .conn()
        .prepare(
            "SELECT id, end_date, status, channel_code, follows_activity_id FROM activities
             WHERE type_code = 'afspraak' AND end_date >= '2026-06-10' ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let missed = b.parse::<i64>().unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0],
        (
            missed,
            "2026-06-10".into(),
            "closed".into(),
            Some("beeldbellen".into()),
            None
        )
    );
    assert_eq!(rows[1].1, "2026-06-17");
    assert_eq!(rows[1].2, "open");
    assert_eq!(rows[1].3.as_deref(), Some("beeldbellen"));
    assert_eq!(rows[1].4, Some(missed));
    // … or a vervolgactie instead.
    let item = open(&db, "2026-06-17", "afspraak")[0].0.to_string();
    db.on(
        "2026-06-17",
        &[
            "item",
            "close",
            &item,
            "--outcome",
            "no_show",
            "--to",
            "2026-06-24",
            "--follow-up",
            "Brief sturen: nieuwe afspraak maken",
        ],
    );
    let follow_up = open(&db, "2026-06-17", "vervolgactie");
    assert_eq!(follow_up.len(), 1);
    assert_eq!(follow_up[0].1, "2026-06-24");
    let activity: Value = serde_json::from_str(&db.on(
        "2026-06-17",
        &["activity", "list", "--client", &c, "--json"],
    ))
    .unwrap();
    let appointment = activity
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == rows[1].0)
        .unwrap();
    assert_eq!(appointment["status"], "closed");
    assert_eq!(appointment["outcome"], "no_show");
    let dossier: Value =
        serde_json::from_str(&db.on("2026-06-18", &["client", "show", &c, "--json"])).unwrap();
    assert_eq!(dossier["no_shows"], 2, "no-shows are counted per client");
    assert_eq!(
        dossier["days_since_contact"], 9,
        "the call of 9 June reached the client and is the last contact; a no-show is none"
    );
    let _ = a;
}

#[test]
fn the_plan_van_aanpak_expires_into_items_and_keeps_old_versions() {
    let db = Db::new();
    let c = client(&db, "2026-07-01", "nog_niet_job_ready");
    db.refused_on(
        "2026-07-01",
        &[
            "plan",
            "goal",
            "--client",
            &c,
            "--text",
            "Werk",
            "--domain",
            "werk",
            "--deadline",
            "2026-09-01",
        ],
        "nog geen plan",
    );
    db.on(
        "2026-07-01",
        &["plan", "new", "--client", &c, "--start", "2026-07-01"],
    );
    db.refused_on(
        "2026-07-01",
        &[
            "plan",
            "goal",
            "--client",
            &c,
            "--text",
            "Werk vinden",
            "--domain",
            "werk",
        ],
        "geen doel zonder einddatum",
    );
    db.refused_on(
        "2026-07-01",
        &[
            "plan",
            "goal",
            "--client",
            &c,
            "--text",
            "Werk vinden",
            "--domain",
            "ruimtevaart",
            "--deadline",
            "2026-09-01",
        ],
        "onbekend leefgebied",
    );
    db.refused_on(
        "2026-07-01",
        &["plan", "evaluation", "--client", &c, "--date", "2026-06-30"],
        "vóór de start",
    );
    let werk = db
        .on(
            "2026-07-01",
            &[
                "plan",
                "goal",
                "--client",
                &c,
                "--text",
                "Solliciteert elke week",
                "--domain",
                "werk",
                "--deadline",
                "2026-08-31",
            ],
        )
        .trim()
        .to_owned();
    let taal = db
        .on(
            "2026-07-01",
            &[
                "plan",
                "goal",
                "--client",
                &c,
                "--text",
                "Taalles volgen",
                "--domain",
                "taal",
                "--deadline",
                "2026-09-30",
            ],
        )
        .trim()
        .to_owned();
    db.on(
        "2026-07-01",
        &["plan", "evaluation", "--client", &c, "--date", "2026-12-15"],
    );

    assert_eq!(
        first_open(&db, "2026-08-25", "2026-09-05", "doel").as_deref(),
        Some("2026-08-31")
    );
    // Bijgesteld: a new deadline, and a new item when it is reached.
    db.on(
        "2026-09-01",
        &[
            "plan",
            "outcome",
            &werk,
            "--outcome",
            "bijgesteld",
            "--to",
            "2026-10-31",
        ],
    );
    assert!(open(&db, "2026-09-01", "doel").is_empty());
    // Vervallen needs a reason; before the deadline it settles the goal directly.
    db.refused_on(
        "2026-09-15",
        &["plan", "outcome", &taal, "--outcome", "vervallen"],
        "reden",
    );
    db.on(
        "2026-09-15",
        &[
            "plan",
            "outcome",
            &taal,
            "--outcome",
            "vervallen",
            "--note",
            "Klant volgt al een cursus",
        ],
    );
    assert_eq!(
        first_open(&db, "2026-10-25", "2026-11-05", "doel").as_deref(),
        Some("2026-10-31")
    );
    let plan: Value =
        serde_json::from_str(&db.on("2026-10-31", &["plan", "show", &c, "--json"])).unwrap();
    let goal = |plan: &Value, id: &str| {
        plan["current"]["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id.parse::<i64>().unwrap())
            .unwrap()
            .clone()
    };
    assert_eq!(goal(&plan, &werk)["status"], "bijgesteld");
    assert_eq!(goal(&plan, &werk)["deadline"], "2026-10-31");
    db.on(
        "2026-11-01",
        &["plan", "outcome", &werk, "--outcome", "behaald"],
    );
    let plan: Value =
        serde_json::from_str(&db.on("2026-11-01", &["plan", "show", &c, "--json"])).unwrap();
    assert_eq!(goal(&plan, &werk)["status"], "behaald");
    assert_eq!(goal(&plan, &taal)["status"], "vervallen");

    assert_eq!(
        first_open(&db, "2026-12-10", "2026-12-20", "plan").as_deref(),
        Some("2026-12-15")
    );
    // A new version keeps the old one readable.
    db.on("2026-12-16", &["plan", "new", "--client", &c]);
    let plan: Value =
        serde_json::from_str(&db.on("2026-12-16", &["plan", "show", &c, "--json"])).unwrap();
    assert_eq!(plan["current"]["version"], 2);
    assert_eq!(plan["previous"][0]["version"], 1);
    assert_eq!(plan["previous"][0]["status"], "replaced");
    assert_eq!(plan["previous"][0]["goals"].as_array().unwrap().len(), 2);
    assert!(db
        .on("2026-12-16", &["plan", "show", &c])
        .contains("versie 1 (vervangen)"));
}

#[test]
fn ladder_and_life_domains_are_recorded_with_a_date() {
    let db = Db::new();
    let c = client(&db, "2026-01-01", "niet_job_ready");
    db.on(
        "2026-02-01",
        &[
            "ladder",
            "add",
            "--client",
            &c,
            "--step",
            "2",
            "--note",
            "Weinig contacten",
        ],
    );
    db.on(
        "2026-08-01",
        &["ladder", "add", "--client", &c, "--step", "3"],
    );
    db.on(
        "2026-08-01",
        &[
            "situation",
            "add",
            "--client",
            &c,
            "--domain",
            "financien",
            "--score",
            "2",
        ],
    );
    db.refused_on(
        "2026-08-01",
        &["ladder", "add", "--client", &c, "--step", "7"],
        "1 tot en met 6",
    );
    db.refused_on(
        "2026-08-01",
        &[
            "situation",
            "add",
            "--client",
            &c,
            "--domain",
            "financien",
            "--score",
            "0",
        ],
        "1 (grote zorgen) tot en met 5",
    );
    db.refused_on(
        "2026-08-01",
        &[
            "situation",
            "add",
            "--client",
            &c,
            "--domain",
            "geld",
            "--score",
            "3",
        ],
        "onbekend leefgebied",
    );
    db.refused_on(
        "2026-08-01",
        &[
            "ladder",
            "add",
            "--client",
            &c,
            "--step",
            "3",
            "--date",
            "2026-08-02",
        ],
        "toekomst",
    );
    let steps: Vec<(String, i64)> = db
        .conn()
        .prepare("SELECT assessed_on, step FROM ladder_steps ORDER BY assessed_on")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        steps,
        [("2026-02-01".to_owned(), 2), ("2026-08-01".to_owned(), 3)]
    );
}

#[test]
fn a_rhythm_is_editable_but_never_zero() {
    let db = Db::new();
    db.on("2026-01-01", &["catalog"]);
    db.refused_on(
        "2026-01-01",
        &["catalog", "rhythm", "--category", "beheer", "--days", "0"],
        "minstens 1 dag",
    );
    db.refused_on(
        "2026-01-01",
        &["catalog", "rhythm", "--category", "vip", "--days", "30"],
        "onbekende categorie",
    );
    db.on(
        "2026-01-01",
        &["catalog", "rhythm", "--category", "beheer", "--days", "120"],
    );
    let catalog: Value =
        serde_json::from_str(&db.on("2026-01-01", &["catalog", "--json"])).unwrap();
    let beheer = catalog["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "beheer")
        .unwrap()
        .clone();
    assert_eq!(beheer["contact_rhythm_days"], 120);
}

#[test]
fn cancelling_an_appointment_lets_its_reminder_lapse_with_an_allowed_outcome() {
    let db = Db::new();
    let c = client(&db, "2026-11-20", "beheer");
    let a = db.on(
        "2026-11-20",
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-11-23",
            "--channel",
            "telefoon",
        ],
    );
    let a = a.trim();
    let reminder = open(&db, "2026-11-22", "nabellen")[0].0;
    db.on(
        "2026-11-22",
        &[
            "activity",
            "close",
            a,
            "--outcome",
            "afgebroken",
            "--note",
            "Klant heeft afgezegd",
        ],
    );
    let shown: Value = serde_json::from_str(&db.on(
        "2026-11-22",
        &["item", "show", &reminder.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(
        shown["outcome"], "verlopen",
        "the program's outcome: no handling"
    );
    assert_eq!(shown["outcome_note"], "afspraak afgesloten: afgebroken");
    assert!(
        open(&db, "2026-11-24", "afspraak").is_empty(),
        "no opkomst for a cancelled appointment"
    );
    db.on("2026-11-22", &["check"]);
}
