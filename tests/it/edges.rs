//! The edges of a case, through the command line: uitstroom closes every kind of
//! open item with the outcome its kind names for it, "niet bereikt" plans the next
//! attempt, a letter keeps nobody in view, a conversation has the channel it had,
//! the four weeks of Awb 4:5 lid 4 run by themselves, and an export is swept first.

use crate::common;

use common::Db;
use serde_json::Value;

/// A client registered on `on`, in `category`.
fn client_on(db: &Db, on: &str, name: &str, category: &str) -> String {
    db.on(
        on,
        &["client", "add", "--name", name, "--category", category],
    )
    .trim()
    .to_owned()
}

/// The open items of a client on `today`: (id, kind, title, due, legal).
fn open_items(db: &Db, today: &str, client: &str) -> Vec<(i64, String, String, String, bool)> {
    let list: Value = serde_json::from_str(&db.on(today, &["worklist", "--json"])).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .filter(|i| i["client_id"].as_i64().map(|n| n.to_string()).as_deref() == Some(client))
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["kind"].as_str().unwrap().to_owned(),
                i["title"].as_str().unwrap().to_owned(),
                i["due_date"].as_str().unwrap().to_owned(),
                i["legal"].as_bool().unwrap(),
            )
        })
        .collect()
}

/// Karim Haddou, registered on 1 October 2026 with an aanvraag received that day and
/// a hersteltermijn given on 5 October to Monday 19 October: (client, aanvraag,
/// hersteltermijn).
fn herstel_case(db: &Db) -> (String, String, String) {
    let id = client_on(db, "2026-10-01", "Karim Haddou", "job_ready");
    let app = db.aanvraag("2026-10-01", &id, "2026-10-01");
    let herstel = db
        .on(
            "2026-10-05",
            &[
                "aanvraag",
                "herstel",
                &app,
                "--missing",
                "Bankafschriften",
                "--end",
                "2026-10-19",
            ],
        )
        .trim()
        .to_owned();
    (id, app, herstel)
}

/// A traject of the client from `start` to `end`, registered on `day`.
fn traject(db: &Db, day: &str, id: &str, (start, end): (&str, &str)) {
    db.on(
        day,
        &[
            "activity", "add", "--client", id, "--type", "traject", "--start", start, "--end", end,
        ],
    );
}

/// The client's bundle, exported on `TODAY` and imported into a new file (which
/// must accept it).
fn handed_over(db: &Db, id: &str) -> Db {
    let bundle = db.path.with_file_name("overdracht.json");
    db.ok(&[
        "export",
        "--client",
        id,
        "--plain",
        "--out",
        bundle.to_str().unwrap(),
    ]);
    let other = Db::new();
    other.ok(&["import", bundle.to_str().unwrap()]);
    other
}

/// The besluit on aanvraag `app`, made known on `day` and recorded that day.
fn decide(db: &Db, app: &str, decision: &str, day: &str) {
    db.on(
        day,
        &[
            "aanvraag",
            "decide",
            app,
            "--decision",
            decision,
            "--made-known",
            day,
        ],
    );
}

/// `inbeeld check` on `today`: its exit code and what it printed.
fn check(db: &Db, today: &str) -> (i32, String) {
    let out = db.cmd_on(today).args(["check"]).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn uitstroom_closes_every_kind_with_its_own_outcome_and_the_file_stays_whole() {
    let db = Db::new();
    // Registered in September: out of view by November, with a traject that ran out,
    // an afspraak ahead and a vervolgactie.
    let id = client_on(&db, "2026-09-01", "Jan de Vries", "job_ready");
    traject(&db, "2026-09-01", &id, ("2026-09-01", "2026-11-01"));
    db.on(
        "2026-11-20",
        &[
            "item",
            "add",
            "--client",
            &id,
            "--title",
            "Bellen over cv",
            "--due",
            "2026-11-25",
        ],
    );
    let kinds: Vec<String> = open_items(&db, common::TODAY, &id)
        .into_iter()
        .map(|i| i.1)
        .collect();
    for kind in ["traject", "contact", "vervolgactie"] {
        assert!(kinds.contains(&kind.to_owned()), "{kind} open: {kinds:?}");
    }
    // Handled by hand, the uitstroom outcome is refused: only uitstroom gives it.
    let traject_item = db.scalar(&format!(
        "SELECT id FROM work_items WHERE client_id = {id} AND kind_code = 'traject'"
    ));
    db.refused(
        &["item", "close", &traject_item, "--outcome", "uitstroom"],
        "volgt alleen uit het beëindigen van de klant",
    );
    db.ok(&["client", "end", &id, "--reason", "werk", "--settle"]);
    let wrong = db.scalar(&format!(
        "SELECT count(*) FROM work_items w WHERE client_id = {id} AND NOT EXISTS
           (SELECT 1 FROM kind_outcomes k WHERE k.kind_code = w.kind_code
              AND k.outcome_code = w.outcome_code)"
    ));
    assert_eq!(
        wrong, "0",
        "every item closed with an outcome its kind allows"
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT group_concat(DISTINCT outcome_code) FROM work_items WHERE client_id = {id}"
        )),
        "uitstroom"
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT group_concat(DISTINCT outcome_code) FROM activities WHERE client_id = {id}"
        )),
        "uitstroom"
    );
    let (code, text) = check(&db, common::TODAY);
    assert_eq!(code, 0, "{text}");
    // The ended client's bundle imports in another file.
    let other = handed_over(&db, &id);
    let (code, text) = check(&other, common::TODAY);
    assert_eq!(code, 0, "{text}");
}

#[test]
fn niet_bereikt_plans_the_next_attempt_so_nobody_is_out_of_view_without_an_item() {
    let db = Db::new();
    let id = client_on(&db, "2026-10-01", "Fatima el Amrani", "job_ready");
    let items = open_items(&db, common::TODAY, &id);
    assert_eq!(items.len(), 1, "{items:?}");
    let (rhythm, kind, _, _, _) = items[0].clone();
    assert_eq!(kind, "contact");
    // A date is asked only after today.
    db.refused(
        &[
            "item",
            "close",
            &rhythm.to_string(),
            "--outcome",
            "niet_bereikt",
            "--note",
            "voicemail",
            "--to",
            common::TODAY,
        ],
        "de volgende poging",
    );
    // Without a date: the category's two working days (22 November 2026 is a
    // Sunday: Monday, then Tuesday).
    db.ok(&[
        "item",
        "close",
        &rhythm.to_string(),
        "--outcome",
        "niet_bereikt",
        "--note",
        "voicemail",
    ]);
    let items = open_items(&db, common::TODAY, &id);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].1, "contact");
    assert_eq!(items[0].3, "2026-11-24");
    assert!(items[0].2.contains("nieuwe poging"), "{}", items[0].2);
    // The next days' sweeps make no second item beside it.
    assert_eq!(open_items(&db, "2026-11-25", &id).len(), 1);
    // Not reached again, with a day of one's own.
    db.on(
        "2026-11-24",
        &[
            "item",
            "close",
            &items[0].0.to_string(),
            "--outcome",
            "niet_bereikt",
            "--note",
            "geen gehoor",
            "--to",
            "2026-12-01",
        ],
    );
    let items = open_items(&db, "2026-11-24", &id);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].3, "2026-12-01");
    let (code, text) = check(&db, "2026-11-24");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn a_contact_corrected_to_an_earlier_day_puts_the_client_back_in_the_werkvoorraad() {
    let db = Db::new();
    let id = client_on(&db, "2026-09-01", "Piet Jansen", "job_ready");
    let rhythm = open_items(&db, common::TODAY, &id)[0].0;
    db.ok(&[
        "item",
        "close",
        &rhythm.to_string(),
        "--outcome",
        "gesproken",
    ]);
    assert!(open_items(&db, common::TODAY, &id).is_empty());
    let contact = db.scalar(&format!("SELECT id FROM contacts WHERE client_id = {id}"));
    db.ok(&["contact", "correct", &contact, "--date", "2026-09-01"]);
    // The period's item is the one just handled: a new one, due today.
    let items = open_items(&db, "2026-11-23", &id);
    assert_eq!(items.len(), 1, "out of view again: {items:?}");
    assert!(
        items[0].2.contains("nog steeds niet in beeld"),
        "{}",
        items[0].2
    );
    assert_eq!(items[0].3, "2026-11-23");
    let (code, text) = check(&db, "2026-11-23");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn a_letter_sent_keeps_nobody_in_view() {
    let db = Db::new();
    let new = db.client("Nieuwe Klant", "job_ready");
    db.ok(&[
        "contact",
        "add",
        "--client",
        &new.to_string(),
        "--channel",
        "brief",
    ]);
    let list: Value = db.json(&["client", "list", "--json"]);
    let row = &list.as_array().unwrap()[0];
    assert_eq!(
        row["days_since_contact"],
        Value::Null,
        "a letter is no conversation: {row}"
    );
    // A client out of view stays out of view after a letter; the item stays open.
    let old = client_on(&db, "2026-09-01", "Oude Klant", "job_ready");
    let before = open_items(&db, common::TODAY, &old);
    assert_eq!(before.len(), 1);
    db.ok(&["contact", "add", "--client", &old, "--channel", "brief"]);
    assert_eq!(open_items(&db, common::TODAY, &old), before);
    // A conversation does bring them back.
    db.ok(&["contact", "add", "--client", &old, "--channel", "telefoon"]);
    assert!(open_items(&db, common::TODAY, &old).is_empty());
}

#[test]
fn gesproken_records_the_channel_it_took_place_by() {
    let db = Db::new();
    let id = client_on(&db, "2026-09-01", "Sanne Bakker", "job_ready");
    db.ok(&["client", "edit", &id, "--contact-preference", "whatsapp"]);
    let rhythm = open_items(&db, common::TODAY, &id)[0].0.to_string();
    db.refused(
        &[
            "item",
            "close",
            &rhythm,
            "--outcome",
            "niet_bereikt",
            "--note",
            "x",
            "--channel",
            "telefoon",
        ],
        "een kanaal hoort alleen bij een gesprek",
    );
    db.refused(
        &[
            "item",
            "close",
            &rhythm,
            "--outcome",
            "gesproken",
            "--channel",
            "postduif",
        ],
        "onbekend kanaal 'postduif'",
    );
    db.ok(&[
        "item",
        "close",
        &rhythm,
        "--outcome",
        "gesproken",
        "--channel",
        "telefoon",
    ]);
    assert_eq!(
        db.scalar(&format!(
            "SELECT channel_code FROM contacts WHERE client_id = {id}"
        )),
        "telefoon",
        "the call, not the preferred WhatsApp"
    );
}

#[test]
fn the_four_weeks_of_awb_4_5_lid_4_run_from_the_day_after_an_unused_hersteltermijn() {
    let db = Db::new();
    let (id, _, _) = herstel_case(&db);
    // On its last day nothing yet; the day after, a § item with the four weeks
    // (Monday 19 October + 28 days = Monday 16 November).
    let legal_buiten = |today: &str| -> Vec<(i64, String, String, String, bool)> {
        open_items(&db, today, &id)
            .into_iter()
            .filter(|i| i.1 == "buitenbehandeling")
            .collect()
    };
    assert!(legal_buiten("2026-10-19").is_empty());
    let items = legal_buiten("2026-10-20");
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(items[0].4, "a statutory deadline: §");
    assert_eq!(items[0].3, "2026-11-16");
    let (code, text) = check(&db, "2026-10-20");
    assert_eq!(code, 0, "{text}");
    // "Niet ontvangen" recorded late makes no second term, and none overdue.
    let herstel_item = db.scalar(&format!(
        "SELECT id FROM work_items WHERE client_id = {id} AND kind_code = 'hersteltermijn'"
    ));
    db.on(
        "2026-11-02",
        &[
            "item",
            "close",
            &herstel_item,
            "--outcome",
            "niet_ontvangen",
        ],
    );
    let items = legal_buiten("2026-11-02");
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].3, "2026-11-16");
}

#[test]
fn documents_that_arrive_after_all_settle_the_four_weeks() {
    let db = Db::new();
    let (id, _, _) = herstel_case(&db);
    db.on("2026-10-21", &["sweep"]);
    let term = db.scalar(&format!(
        "SELECT id FROM activities WHERE client_id = {id} AND type_code = 'buitenbehandeling'"
    ));
    let herstel_item = db.scalar(&format!(
        "SELECT id FROM work_items WHERE client_id = {id} AND kind_code = 'hersteltermijn'"
    ));
    db.on(
        "2026-10-26",
        &[
            "item",
            "close",
            &herstel_item,
            "--outcome",
            "ontvangen",
            "--received",
            "2026-10-23",
        ],
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT status || ' ' || outcome_code FROM activities WHERE id = {term}"
        )),
        "closed ontvangen"
    );
    assert!(open_items(&db, "2026-10-26", &id)
        .iter()
        .all(|i| i.1 != "buitenbehandeling"));
    let (code, text) = check(&db, "2026-10-26");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn a_hersteltermijn_given_again_after_it_ran_out_stops_the_four_weeks() {
    let db = Db::new();
    let (id, _, herstel) = herstel_case(&db);
    db.on("2026-10-21", &["sweep"]);
    db.on(
        "2026-10-22",
        &["activity", "extend", &herstel, "--to", "2026-11-05"],
    );
    assert!(open_items(&db, "2026-10-22", &id)
        .iter()
        .all(|i| i.1 != "buitenbehandeling"));
    // Unused once more: four weeks from the new end.
    let items: Vec<_> = open_items(&db, "2026-11-06", &id)
        .into_iter()
        .filter(|i| i.1 == "buitenbehandeling")
        .collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].3, "2026-12-03");
    let (code, text) = check(&db, "2026-11-06");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn the_bezwaartermijn_is_the_clients_term_and_the_zoektermijn_a_statutory_one() {
    let db = Db::new();
    let id = client_on(&db, "2026-09-01", "Tim Visser", "job_ready");
    let app = db.aanvraag("2026-09-01", &id, "2026-09-01");
    decide(&db, &app, "toegekend", "2026-09-20");
    // Nothing to do on the term's last day, nor in the week after it: a bezwaar
    // may still arrive. `check` agrees that nothing is missing.
    for day in ["2026-11-02", "2026-11-09"] {
        let items = open_items(&db, day, &id);
        assert!(
            items.iter().all(|i| i.1 != "bezwaartermijn"),
            "{day}: {items:?}"
        );
        assert_eq!(check(&db, day).0, 0, "{day}: {}", check(&db, day).1);
    }
    let items: Vec<_> = open_items(&db, common::TODAY, &id)
        .into_iter()
        .filter(|i| i.1 == "bezwaartermijn")
        .collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(!items[0].4, "no §: the term is the client's");
    assert!(
        items[0].2.contains("besluit onherroepelijk?"),
        "{}",
        items[0].2
    );
    // Made known on Sunday 20 September: six weeks end on Sunday 1 November, moved
    // to Monday 2 November; a bezwaar posted by then may arrive up to Monday the 9th
    // (Awb 6:9 lid 2), so the check falls due on the 10th, and not before.
    assert_eq!(items[0].3, "2026-11-10");
    let item = items[0].0.to_string();
    db.refused_on(
        "2026-11-09",
        &["item", "close", &item, "--outcome", "geen_bezwaar"],
        "kan nog binnenkomen t/m 2026-11-09",
    );
    db.on(
        "2026-11-10",
        &["item", "close", &item, "--outcome", "geen_bezwaar"],
    );
    let shown = db.ok(&["aanvraag", "show", &app]);
    assert!(
        shown.contains("Awb 6:7 en 6:8 (termijn van de aanvrager)"),
        "{shown}"
    );
    assert!(!shown.contains("gemeentelijk"), "{shown}");
}

#[test]
fn an_export_is_swept_first_so_its_own_import_accepts_it() {
    let db = Db::new();
    let id = client_on(&db, "2026-11-10", "Eva de Boer", "job_ready");
    traject(&db, "2026-11-10", &id, ("2026-11-10", "2026-11-20"));
    // Nothing else ran since the 10th: the export itself must sweep.
    handed_over(&db, &id);
}

#[test]
fn uitstroom_per_a_later_day_keeps_the_client_until_that_day() {
    let db = Db::new();
    let id = db.client("Joost Mulder", "job_ready").to_string();
    let said = db.ok(&[
        "client",
        "end",
        &id,
        "--reason",
        "werk",
        "--date",
        "2027-01-01",
        "--settle",
    ]);
    assert!(said.contains("uitstroom gepland per"), "{said}");
    let planned: Value = db.json(&["client", "show", &id, "--json"]);
    assert_eq!(planned["planned_end"]["on"], "2027-01-01", "{planned}");
    // Still in the caseload up to the day; the rhythm runs on meanwhile.
    db.on("2026-12-31", &["sweep"]);
    assert_eq!(db.scalar("SELECT ended_on IS NULL FROM clients"), "1");
    assert_eq!(open_items(&db, "2026-12-31", &id).len(), 1);
    // The day itself ends them, and their open work closes with it.
    db.on("2027-01-01", &["sweep"]);
    assert_eq!(
        db.scalar(
            "SELECT ended_on || ' ' || end_reason || ' ' || coalesce(ending_on, '-') FROM clients"
        ),
        "2027-01-01 werk -"
    );
    assert_eq!(
        db.scalar("SELECT group_concat(outcome_code) FROM work_items"),
        "uitstroom"
    );
    let (code, text) = check(&db, "2027-01-02");
    assert_eq!(code, 0, "{text}");
}

#[test]
fn a_planned_uitstroom_that_cannot_settle_becomes_a_work_item_on_its_day() {
    let db = Db::new();
    let id = db.client("Joost Mulder", "job_ready").to_string();
    db.ok(&[
        "item",
        "add",
        "--client",
        &id,
        "--title",
        "Eindgesprek",
        "--due",
        "2027-02-01",
    ]);
    db.ok(&[
        "client",
        "end",
        &id,
        "--reason",
        "werk",
        "--date",
        "2026-12-01",
    ]);
    db.on("2026-12-01", &["sweep"]);
    assert_eq!(
        db.scalar("SELECT coalesce(ended_on, '-') || ' ' || coalesce(ending_on, '-') FROM clients"),
        "- -",
        "not ended, and the plan became a work item"
    );
    let items = open_items(&db, "2026-12-01", &id);
    let reminder = items
        .iter()
        .find(|i| i.2.starts_with("Uitstroom per"))
        .unwrap_or_else(|| panic!("{items:?}"));
    assert_eq!(reminder.3, "2026-12-01");
    assert!(
        reminder.2.contains("nog open: 1 werkitem"),
        "{}",
        reminder.2
    );
}

#[test]
fn a_planned_uitstroom_is_dropped_by_heraanmelding() {
    let db = Db::new();
    let id = db.client("Joost Mulder", "job_ready").to_string();
    db.ok(&[
        "client",
        "end",
        &id,
        "--reason",
        "verhuisd",
        "--date",
        "2026-12-15",
    ]);
    db.ok(&["client", "reopen", &id]);
    assert_eq!(
        db.scalar("SELECT coalesce(ending_on, '-') FROM clients"),
        "-"
    );
    db.on("2026-12-15", &["sweep"]);
    assert_eq!(db.scalar("SELECT ended_on IS NULL FROM clients"), "1");
}

#[test]
fn undo_names_the_client_and_the_item_it_undoes() {
    let db = Db::new();
    let id = client_on(&db, "2026-09-01", "Fatima el Amrani", "job_ready");
    let rhythm = open_items(&db, common::TODAY, &id)[0].0.to_string();
    db.ok(&["item", "close", &rhythm, "--outcome", "gesproken"]);
    let said = db.ok(&["undo", "--yes"]);
    assert!(
        said.contains("Fatima el Amrani, Contact opnemen: niet in beeld sinds"),
        "{said}"
    );
    assert!(said.contains("afgehandeld (gesproken)"), "{said}");
}

/// Every file the demo makes (a few sizes and seeds) passes the check after every
/// third client is ended with their open work settled, and the ended clients'
/// bundle imports into another file that passes it too.
#[test]
fn demo_files_stay_whole_after_every_third_client_ends() {
    use inbeeld::demo::{self, Options};
    use inbeeld::domain::InputError;
    use inbeeld::store::{Store, StoreError};
    use inbeeld::workflow;

    let today: chrono::NaiveDate = common::TODAY.parse().unwrap();
    for (clients, years, seed) in [(60, 1, 2026), (40, 3, 7), (25, 2, 99)] {
        let db = Db::new();
        let mut store = Store::open(&db.path).unwrap();
        demo::generate(
            &mut store,
            Options {
                clients,
                years,
                seed,
            },
            today,
        )
        .unwrap();
        workflow::sweep(&mut store, today).unwrap();
        let ids: Vec<i64> = store
            .client_summaries(today)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        let mut ended = Vec::new();
        for id in ids.iter().step_by(3) {
            match workflow::end_client(&mut store, *id, today, "werk", true, today) {
                Ok(_) => ended.push(*id),
                // The law wants a besluit first; that client stays.
                Err(StoreError::Input(InputError::OpenApplication { .. })) => {}
                Err(other) => panic!("seed {seed}: client {id}: {other}"),
            }
        }
        assert!(!ended.is_empty());
        let report = store.check(today).unwrap();
        assert!(
            report.invariants.is_empty() && report.foreign_keys.is_empty(),
            "seed {seed}: {:?}",
            report.invariants
        );
        let bundle = workflow::export(&mut store, &ended, today).unwrap();
        let other = Db::new();
        let mut copy = Store::open(&other.path).unwrap();
        let imported = workflow::import_bundle(&mut copy, &bundle.to_string(), today).unwrap();
        assert_eq!(imported.len(), ended.len());
        let report = copy.check(today).unwrap();
        assert!(
            report.invariants.is_empty(),
            "seed {seed}: {:?}",
            report.invariants
        );
    }
}

#[test]
fn reopen_takes_back_only_a_handling_that_did_nothing_but_close() {
    let db = Db::new();
    let (id, app, _) = herstel_case(&db);
    db.on("2026-10-21", &["sweep"]);
    let herstel_item = db.scalar(&format!(
        "SELECT id FROM work_items WHERE client_id = {id} AND kind_code = 'hersteltermijn'"
    ));
    db.on(
        "2026-10-21",
        &[
            "item",
            "close",
            &herstel_item,
            "--outcome",
            "niet_ontvangen",
        ],
    );
    // The documents turn up after all: "niet ontvangen" is taken back, and recording
    // them ends the four weeks that ran meanwhile; nothing stays behind.
    db.on(
        "2026-10-22",
        &[
            "item",
            "reopen",
            &herstel_item,
            "--reason",
            "toch ontvangen",
        ],
    );
    db.on(
        "2026-10-22",
        &[
            "item",
            "close",
            &herstel_item,
            "--outcome",
            "ontvangen",
            "--received",
            "2026-10-20",
        ],
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT group_concat(status || ' ' || outcome_code) FROM activities
             WHERE client_id = {id} AND type_code = 'buitenbehandeling'"
        )),
        "closed ontvangen"
    );
    let (code, text) = check(&db, "2026-10-22");
    assert_eq!(code, 0, "{text}");
    // "Ontvangen" ended the suspension: taken back by undo only, not by reopening.
    db.refused_on(
        "2026-10-23",
        &["item", "reopen", &herstel_item, "--reason", "toch niet"],
        "maak die afhandeling vandaag ongedaan",
    );
    // The bezwaar check after a besluit can be taken back: a bezwaar posted in time
    // may arrive a week late (Awb 6:9 lid 2).
    decide(&db, &app, "afgewezen", "2026-10-22");
    db.on("2026-12-11", &["sweep"]);
    let bezwaar = db.scalar(&format!(
        "SELECT id FROM work_items WHERE client_id = {id} AND kind_code = 'bezwaartermijn'"
    ));
    db.on(
        "2026-12-11",
        &["item", "close", &bezwaar, "--outcome", "geen_bezwaar"],
    );
    db.on(
        "2026-12-14",
        &[
            "item",
            "reopen",
            &bezwaar,
            "--reason",
            "bezwaar van 2 december kwam later binnen",
        ],
    );
    db.on(
        "2026-12-14",
        &["item", "close", &bezwaar, "--outcome", "bezwaar"],
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_code FROM work_items WHERE id = {bezwaar}"
        )),
        "bezwaar"
    );
}

#[test]
fn a_besluit_records_what_it_ended_as_ended_by_the_besluit() {
    let db = Db::new();
    let (id, app, _) = herstel_case(&db);
    db.on("2026-10-21", &["sweep"]);
    decide(&db, &app, "toegekend", "2026-10-23");
    let outcome = |type_code: &str| {
        db.scalar(&format!(
            "SELECT group_concat(DISTINCT a.outcome_code || '/' || coalesce(w.outcome_code, '-'))
             FROM activities a LEFT JOIN work_items w ON w.source_activity_id = a.id
             WHERE a.client_id = {id} AND a.type_code = '{type_code}'"
        ))
    };
    assert_eq!(
        outcome("beslistermijn"),
        "besloten/-",
        "not yet in its lead days"
    );
    assert_eq!(
        outcome("voorschot"),
        "door_besluit/door_besluit",
        "ended by the besluit, not 'niet nodig'"
    );
    assert_eq!(
        outcome("buitenbehandeling"),
        "door_besluit/door_besluit",
        "ended by a besluit that granted, not 'bekendgemaakt'"
    );
    assert_eq!(outcome("hersteltermijn"), "door_besluit/door_besluit");
    let month = db.json(&[
        "report",
        "--period",
        "month",
        "--to",
        "2026-10-31",
        "--json",
    ]);
    assert_eq!(
        month["handled"]["by_outcome"].get("door_besluit"),
        None,
        "what the besluit ended is no handling: {}",
        month["handled"]
    );
}

/// Awb 4:15 lid 1 onder a: suspended "tot de dag waarop de aanvraag is aangevuld",
/// every period, also one from before the hersteltermijn was given again.
#[test]
fn documents_received_before_a_re_invitation_clip_every_suspension_period() {
    let db = Db::new();
    let id = client_on(&db, "2026-01-20", "Karim Haddou", "job_ready");
    let app = db.aanvraag("2026-01-26", &id, "2026-01-26");
    let herstel = db
        .on(
            "2026-02-02",
            &[
                "aanvraag",
                "herstel",
                &app,
                "--missing",
                "Bankafschriften",
                "--end",
                "2026-02-16",
            ],
        )
        .trim()
        .to_owned();
    // Ran out; given again on the 18th, to the 25th.
    db.on(
        "2026-02-18",
        &["activity", "extend", &herstel, "--to", "2026-02-25"],
    );
    // On the 22nd it turns out the documents came on the 12th.
    let item = db.scalar(&format!(
        "SELECT id FROM work_items WHERE source_activity_id = {herstel} AND status = 'open'
         UNION ALL SELECT NULL LIMIT 1"
    ));
    if item == "NULL" {
        db.on(
            "2026-02-22",
            &[
                "activity",
                "close",
                &herstel,
                "--outcome",
                "ontvangen",
                "--received",
                "2026-02-12",
            ],
        );
    } else {
        db.on(
            "2026-02-22",
            &[
                "item",
                "close",
                &item,
                "--outcome",
                "ontvangen",
                "--received",
                "2026-02-12",
            ],
        );
    }
    let shown: Value =
        serde_json::from_str(&db.on("2026-02-22", &["aanvraag", "show", &app, "--json"])).unwrap();
    let suspended: Vec<(String, String)> = shown["suspensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["from"].as_str().unwrap().to_owned(),
                p["to"].as_str().unwrap().to_owned(),
            )
        })
        .filter(|(from, to)| to >= from)
        .collect();
    assert_eq!(
        suspended,
        [("2026-02-03".to_owned(), "2026-02-11".to_owned())],
        "3 to 11 February only: {}",
        shown["suspensions"]
    );
    // 26 January + 8 weeks = 23 March, + 9 days suspended = 1 April.
    let beslis = shown["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "beslistermijn")
        .unwrap();
    assert_eq!(
        beslis["end_date"], "2026-04-01",
        "{}",
        beslis["explanation"]
    );
}

#[test]
fn a_category_change_dates_out_of_view_from_itself_and_can_bring_a_client_back() {
    let db = Db::new();
    // In beheer (182 days) since June, last spoken to on 1 June.
    let id = client_on(&db, "2026-06-01", "Tineke Vos", "beheer");
    db.on(
        "2026-06-01",
        &["contact", "add", "--client", &id, "--channel", "telefoon"],
    );
    // To job ready (28 days) on 1 November: out of view from that day, not since July.
    db.on(
        "2026-11-01",
        &[
            "client",
            "category",
            &id,
            "--to",
            "job_ready",
            "--reason",
            "klaar voor werk",
        ],
    );
    let items = open_items(&db, "2026-11-02", &id);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].3, "2026-11-01");
    assert!(
        items[0].2.contains("niet in beeld sinds zo 1 nov 2026"),
        "{}",
        items[0].2
    );
    // A change dated before that one is refused: the history would contradict it.
    db.refused_on(
        "2026-11-03",
        &[
            "client",
            "category",
            &id,
            "--to",
            "beheer",
            "--reason",
            "terug",
            "--date",
            "2026-10-15",
        ],
        "vóór de laatste wijziging van categorie",
    );
    // Back to beheer: in view again by its rhythm, so "contact opnemen" closes.
    db.on(
        "2026-11-03",
        &[
            "client",
            "category",
            &id,
            "--to",
            "beheer",
            "--reason",
            "toch niet",
        ],
    );
    assert!(open_items(&db, "2026-11-03", &id).is_empty());
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_code FROM work_items WHERE client_id = {id}"
        )),
        "weer_in_beeld"
    );
    let (code, text) = check(&db, "2026-11-03");
    assert_eq!(code, 0, "{text}");
}

/// A new gelijkgestelde dag moves every running statutory term, a decided
/// aanvraag's bezwaartermijn too; a year's days are complete only when said so.
#[test]
fn a_new_gelijkgestelde_dag_moves_the_bezwaartermijn_and_a_year_is_known_when_said() {
    let db = Db::new();
    let id = client_on(&db, "2028-10-01", "Karim Haddou", "job_ready");
    let app = db.aanvraag("2028-10-01", &id, "2028-10-01");
    decide(&db, &app, "afgewezen", "2028-12-01");
    let bezwaar_end = || {
        db.scalar(&format!(
            "SELECT end_date FROM activities WHERE client_id = {id} AND type_code = 'bezwaartermijn'"
        ))
    };
    assert_eq!(bezwaar_end(), "2029-01-12", "six weeks: Friday 12 January");
    db.on(
        "2028-12-02",
        &[
            "calendar",
            "add",
            "--date",
            "2029-01-12",
            "--name",
            "Proefdag",
            "--source",
            "Besluit gelijkstelling (proef)",
        ],
    );
    assert_eq!(
        bezwaar_end(),
        "2029-01-15",
        "moved to Monday by the new besluit"
    );
    // One day added does not make 2029 known.
    let unknown = |day: &str| {
        db.on(
            day,
            &[
                "term",
                "end",
                "--rule",
                "bezwaartermijn",
                "--from",
                "2028-12-01",
            ],
        )
        .contains("zijn nog niet bekend")
    };
    assert!(unknown("2028-12-02"));
    db.on(
        "2028-12-02",
        &[
            "calendar",
            "year",
            "--year",
            "2029",
            "--source",
            "Besluit gelijkstelling (proef)",
        ],
    );
    assert!(!unknown("2028-12-02"));
    db.refused_on(
        "2028-12-02",
        &["calendar", "year", "--year", "2029", "--source", "x"],
        "zijn al bekend",
    );
}

#[test]
fn a_moved_afspraak_gets_no_reminder_that_is_late_at_birth() {
    let db = Db::new();
    let id = db.client("Eva Mulder", "job_ready").to_string();
    let afspraak = db
        .on(
            "2026-11-20",
            &[
                "appointment",
                "add",
                "--client",
                &id,
                "--date",
                "2026-12-02",
                "--time",
                "10:00",
                "--channel",
                "op_locatie",
            ],
        )
        .trim()
        .to_owned();
    // On Sunday 29 November it moves to Monday the 30th: its calling day, Friday the
    // 27th, has passed; no reminder that is late the day it is made.
    db.on(
        "2026-11-29",
        &["appointment", "move", &afspraak, "--date", "2026-11-30"],
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT count(*) FROM work_items WHERE source = 'nabellen' AND source_activity_id = {afspraak}"
        )),
        "0"
    );
    // Moved again, well ahead: the reminder comes on its day.
    db.on(
        "2026-11-29",
        &["appointment", "move", &afspraak, "--date", "2026-12-09"],
    );
    db.on("2026-12-08", &["sweep"]);
    assert_eq!(
        db.scalar(&format!(
            "SELECT due_date FROM work_items WHERE source = 'nabellen' AND source_activity_id = {afspraak}"
        )),
        "2026-12-08"
    );
}

#[test]
fn the_bezwaar_week_moved_by_christmas_keeps_its_item_back_until_it_is_over() {
    let db = Db::new();
    let id = client_on(&db, "2026-10-01", "Iris Smit", "job_ready");
    let app = db.aanvraag("2026-10-01", &id, "2026-10-01");
    // Made known on Friday 6 November: six weeks end on Friday 18 December; the
    // week of Awb 6:9 ends on Christmas, moved by the Atw to Monday the 28th.
    decide(&db, &app, "toegekend", "2026-11-06");
    for day in ["2026-12-18", "2026-12-26", "2026-12-28"] {
        let items = open_items(&db, day, &id);
        assert!(
            items.iter().all(|i| i.1 != "bezwaartermijn"),
            "{day}: {items:?}"
        );
        assert_eq!(check(&db, day).0, 0, "{day}: {}", check(&db, day).1);
    }
    let items: Vec<_> = open_items(&db, "2026-12-29", &id)
        .into_iter()
        .filter(|i| i.1 == "bezwaartermijn")
        .collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].3, "2026-12-29");
}
