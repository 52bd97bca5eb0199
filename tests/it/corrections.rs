//! The klantmanager's corrections and a client's course through the caseload,
//! through the command line: undo, reopen, corrections, doorstroom, uitstroom and
//! heraanmelding, an afspraak moved or cancelled. Nothing is ever deleted.

use crate::common;

use common::{Db, TODAY};
use serde_json::Value;

/// What the klantmanager sees of a client's file, without the moments edits were made.
fn file(db: &Db) -> Vec<String> {
    let conn = db.conn();
    let mut rows = Vec::new();
    for sql in [
        "SELECT id, category_code, coalesce(last_contact_on, ''), coalesce(ended_on, '') FROM clients ORDER BY id",
        "SELECT id, status, coalesce(outcome_code, ''), start_date, end_date, coalesce(appointment_time, '') FROM activities ORDER BY id",
        "SELECT id, status, coalesce(outcome_code, ''), due_date FROM work_items WHERE coalesce(outcome_code, '') <> 'ongedaan' ORDER BY id",
        "SELECT id, contact_date, channel_code, coalesce(note, '') FROM contacts WHERE undone_at IS NULL ORDER BY id",
        "SELECT id, text FROM notes WHERE undone_at IS NULL ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        rows.extend(
            stmt.query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(Result::unwrap),
        );
    }
    rows
}

/// A client with an afspraak today, whose opkomst item the sweep raised.
fn client_with_appointment(db: &Db) -> (String, String, String) {
    let client = db.client("Sanne Bakker", "job_ready").to_string();
    let appointment = db
        .add(&[
            "appointment",
            "add",
            "--client",
            &client,
            "--date",
            TODAY,
            "--time",
            "10:00",
            "--channel",
            "op_locatie",
        ])
        .to_string();
    db.ok(&["sweep"]);
    let item =
        db.scalar("SELECT id FROM work_items WHERE kind_code = 'afspraak' AND status = 'open'");
    (client, appointment, item)
}

#[test]
fn undo_reverses_the_whole_last_edit_and_deletes_nothing() {
    let db = Db::new();
    let (_, _, item) = client_with_appointment(&db);
    let before = file(&db);
    db.ok(&["item", "close", &item, "--outcome", "gesproken"]);
    assert_ne!(file(&db), before);
    let counts = db.counts();
    let said = db.ok(&["undo", "--yes"]);
    assert!(
        said.contains("Ongedaan gemaakt: Sanne Bakker, Opkomst registreren")
            && said.contains("afgehandeld (gesproken)"),
        "{said}"
    );
    assert_eq!(
        file(&db),
        before,
        "item, activity, contact and last contact as they were"
    );
    for ((table, after), (_, was)) in db.counts().iter().zip(&counts) {
        assert!(after >= was, "{table}: rows deleted by undo");
    }
    assert_eq!(
        db.scalar("SELECT count(*) FROM audit_log WHERE action = 'edit.undo'"),
        "1",
        "the undo is itself audited"
    );
}

#[test]
fn a_second_undo_goes_one_further_back_and_stops_at_yesterday() {
    let db = Db::new();
    let client = db
        .on("2026-11-21", &["client", "add", "--name", "Piet Smit"])
        .trim()
        .to_owned();
    db.on(
        "2026-11-21",
        &["note", "add", "--client", &client, "--text", "gisteren"],
    );
    let before = file(&db);
    db.ok(&["note", "add", "--client", &client, "--text", "een"]);
    db.ok(&[
        "contact",
        "add",
        "--client",
        &client,
        "--channel",
        "telefoon",
    ]);
    assert!(db.ok(&["undo", "--yes"]).contains("contact geregistreerd"));
    assert!(db.ok(&["undo", "--yes"]).contains("notitie"));
    assert_eq!(file(&db), before);
    db.refused(&["undo", "--yes"], "niets (meer) om ongedaan te maken");
}

#[test]
fn undo_names_the_edit_and_asks_first() {
    let db = Db::new();
    let client = db.client("Piet Smit", "job_ready").to_string();
    db.ok(&["note", "add", "--client", &client, "--text", "een"]);
    let out = db.cmd().args(["undo"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("Ongedaan maken: Piet Smit: notitie geschreven"),
        "{stderr}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(
        db.scalar("SELECT count(*) FROM notes WHERE undone_at IS NULL"),
        "1"
    );
}

#[test]
fn registering_a_client_cannot_be_undone_but_says_what_to_do() {
    let db = Db::new();
    db.client("Piet Smit", "job_ready");
    db.refused(&["undo", "--yes"], "beëindig de klant");
    // Said before the question, not after it.
    db.refused(&["undo"], "kan niet ongedaan worden gemaakt");
}

#[test]
fn uitstroom_settles_nothing_unasked_and_keeps_the_client_findable() {
    let db = Db::new();
    let (client, appointment, _) = client_with_appointment(&db);
    db.refused(
        &["client", "end", &client, "--reason", "werk"],
        "nog open werk: 1 activiteit, 1 werkitem",
    );
    db.refused(
        &["client", "end", &client, "--reason", "vakantie", "--settle"],
        "onbekende reden",
    );
    db.refused(
        &[
            "client",
            "end",
            &client,
            "--reason",
            "werk",
            "--date",
            "2026-08-01",
            "--settle",
        ],
        "vóór de inschrijving",
    );
    db.ok(&["client", "end", &client, "--reason", "werk", "--settle"]);
    assert_eq!(
        db.scalar(&format!("SELECT status || ' ' || outcome_code || ' ' || outcome_note FROM activities WHERE id = {appointment}")),
        "closed uitstroom Uitstroom: werk"
    );
    let list: Value = db.json(&["client", "list", "--json"]);
    assert!(list.as_array().unwrap().is_empty(), "left the caseload");
    let ended: Value = db.json(&["client", "list", "--ended", "--json"]);
    assert_eq!(ended[0]["ended_on"], TODAY);
    assert_eq!(ended[0]["end_reason"], "werk");
    let worklist: Value = db.json(&["worklist", "--json"]);
    assert!(
        worklist.as_array().unwrap().is_empty(),
        "left the werkvoorraad"
    );
    // Months without contact raise nothing for a client who left.
    db.on("2027-06-01", &["sweep"]);
    assert_eq!(
        db.scalar("SELECT count(*) FROM work_items WHERE status = 'open'"),
        "0"
    );
    db.ok(&["client", "reopen", &client]);
    let show: Value = db.json(&["client", "show", &client, "--json"]);
    assert_eq!(show["ended_on"], Value::Null);
    db.refused(&["client", "reopen", &client], "niet uitgestroomd");
}

#[test]
fn an_aanvraag_without_besluit_keeps_the_client() {
    let db = Db::new();
    let client = db.client("Jan de Vries", "job_ready").to_string();
    let app = db.aanvraag(TODAY, &client, TODAY);
    db.refused(
        &["client", "end", &client, "--reason", "verhuisd", "--settle"],
        &format!("aanvraag {app} wacht nog op een besluit; leg eerst het besluit vast ('inbeeld aanvraag decide {app}')"),
    );
}

#[test]
fn undoing_a_category_change_takes_back_the_rhythm_item_it_brought() {
    let db = Db::new();
    let client = db
        .on(
            "2026-09-01",
            &[
                "client",
                "add",
                "--name",
                "Jan de Vries",
                "--category",
                "beheer",
            ],
        )
        .trim()
        .to_owned();
    let rhythm = "SELECT count(*) FROM work_items WHERE source = 'rhythm' AND status = 'open'";
    db.ok(&["worklist"]);
    assert_eq!(db.scalar(rhythm), "0", "in view under the half-year rhythm");
    // To job ready, with its four weeks: the sweep raises contact opnemen.
    db.ok(&[
        "client",
        "category",
        &client,
        "--to",
        "job_ready",
        "--reason",
        "werkfit",
    ]);
    db.ok(&["worklist"]);
    assert_eq!(db.scalar(rhythm), "1");
    // Taken back: so is the item its rhythm raised, and no sweep raises it again.
    db.ok(&["undo", "--yes"]);
    db.ok(&["worklist"]);
    assert_eq!(db.scalar(rhythm), "0", "no false niet in beeld");
    assert_eq!(
        db.scalar(&format!(
            "SELECT category_code FROM clients WHERE id = {client}"
        )),
        "beheer"
    );
}

#[test]
fn doorstroom_is_dated_history_and_changes_what_is_offered() {
    let db = Db::new();
    let client = db.client("Ayse Demir", "job_ready").to_string();
    db.refused(
        &[
            "client", "category", &client, "--to", "beheer", "--reason", " ",
        ],
        "de reden mag niet leeg zijn",
    );
    db.refused(
        &[
            "client",
            "category",
            &client,
            "--to",
            "job_ready",
            "--reason",
            "x",
        ],
        "al categorie",
    );
    db.refused(
        &[
            "client",
            "category",
            &client,
            "--to",
            "beheer",
            "--reason",
            "x",
            "--date",
            "2026-12-24",
        ],
        "in de toekomst",
    );
    db.ok(&[
        "client",
        "category",
        &client,
        "--to",
        "beheer",
        "--reason",
        "langdurig ziek",
    ]);
    let show: Value = db.json(&["client", "show", &client, "--json"]);
    assert_eq!(show["category"], "beheer");
    assert_eq!(
        show["category_history"][0],
        serde_json::json!({ "from": "job_ready", "to": "beheer", "on": TODAY, "reason": "langdurig ziek" })
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "traject",
            "--start",
            TODAY,
            "--end",
            "2027-01-31",
        ],
        "past niet bij categorie 'beheer'",
    );
}

#[test]
fn moving_an_afspraak_lets_its_reminder_lapse_warns_and_waits_for_the_opkomst() {
    let db = Db::new();
    let (client, appointment, item) = client_with_appointment(&db);
    db.refused(
        &["appointment", "move", &appointment, "--date", "2026-11-20"],
        "in het verleden",
    );
    db.refused(
        &["appointment", "move", &appointment, "--time", "9"],
        "ongeldige tijd",
    );
    // Its day has come: whether the client came is registered first (the evidence
    // for a maatregel); the opkomst item is not closed without it.
    db.refused(
        &["appointment", "move", &appointment, "--date", "2026-12-25"],
        "registreer eerst de opkomst",
    );
    assert_eq!(
        db.scalar(&format!("SELECT status FROM work_items WHERE id = {item}")),
        "open"
    );
    // An afspraak still ahead moves; its reminder for the old day lapses.
    let later = db.add(&[
        "appointment",
        "add",
        "--client",
        &client,
        "--date",
        "2026-11-24",
        "--time",
        "10:00",
        "--channel",
        "telefoon",
    ]);
    db.on("2026-11-23", &["sweep"]);
    let reminder = db.scalar(&format!(
        "SELECT id FROM work_items WHERE source = 'nabellen' AND source_activity_id = {later}"
    ));
    let out = db
        .cmd_on("2026-11-23")
        .args([
            "appointment",
            "move",
            &later.to_string(),
            "--date",
            "2026-12-25",
            "--time",
            "14.30",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen werkdag (Eerste Kerstdag)"));
    assert_eq!(
        db.scalar(&format!(
            "SELECT end_date || ' ' || appointment_time FROM activities WHERE id = {later}"
        )),
        "2026-12-25 14:30"
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT status || ' ' || outcome_code FROM work_items WHERE id = {reminder}"
        )),
        "closed verlopen",
        "the reminder of the old day lapses: the program's outcome, no handling"
    );
    db.ok(&[
        "appointment",
        "cancel",
        &appointment,
        "--reason",
        "klant ziek",
    ]);
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_code || ' ' || outcome_note FROM activities WHERE id = {appointment}"
        )),
        "geannuleerd klant ziek"
    );
    db.refused(
        &["appointment", "cancel", &appointment, "--reason", "x"],
        "al afgesloten",
    );
}

#[test]
fn a_reopened_item_comes_back_with_its_activity_and_keeps_its_history() {
    let db = Db::new();
    let (_, appointment, item) = client_with_appointment(&db);
    db.refused(&["item", "reopen", &item, "--reason", "x"], "nog open");
    db.ok(&[
        "item",
        "close",
        &item,
        "--outcome",
        "afgebroken",
        "--note",
        "verkeerd",
    ]);
    db.refused(
        &["item", "reopen", &item, "--reason", " "],
        "de reden mag niet leeg zijn",
    );
    db.ok(&["item", "reopen", &item, "--reason", "verkeerd afgehandeld"]);
    assert_eq!(
        db.scalar(&format!("SELECT status FROM work_items WHERE id = {item}")),
        "open"
    );
    assert_eq!(
        db.scalar(&format!(
            "SELECT status FROM activities WHERE id = {appointment}"
        )),
        "open"
    );
    assert_eq!(
        db.scalar("SELECT outcome_code || ' ' || outcome_note || ' ' || reason FROM reopenings"),
        "afgebroken verkeerd verkeerd afgehandeld"
    );
    db.ok(&["item", "close", &item, "--outcome", "gesproken"]);
}

#[test]
fn a_correction_keeps_the_original_and_the_rhythm_follows_it() {
    let db = Db::new();
    let client = db.client("Kees Visser", "job_ready").to_string();
    let note = db
        .add(&["note", "add", "--client", &client, "--text", "Bij UWV"])
        .to_string();
    db.ok(&["note", "correct", &note, "--text", "Bij het UWV"]);
    let contact = db
        .add(&[
            "contact",
            "add",
            "--client",
            &client,
            "--channel",
            "telefoon",
            "--date",
            "2026-11-20",
        ])
        .to_string();
    db.refused(
        &["contact", "correct", &contact, "--date", "2026-12-01"],
        "in de toekomst",
    );
    db.refused(
        &["contact", "correct", &contact, "--channel", "duif"],
        "onbekend kanaal",
    );
    db.ok(&[
        "contact",
        "correct",
        &contact,
        "--date",
        "2026-11-18",
        "--note",
        "over scholing",
    ]);
    let show: Value = db.json(&["client", "show", &client, "--json"]);
    assert_eq!(show["notes"][0]["text"], "Bij het UWV");
    assert_eq!(show["notes"][0]["corrected"], true);
    assert_eq!(show["contacts"][0]["date"], "2026-11-18");
    assert_eq!(show["contacts"][0]["corrected"], true);
    assert_eq!(
        show["days_since_contact"], 4,
        "counted from the corrected day"
    );
    assert_eq!(
        db.scalar("SELECT original FROM note_corrections"),
        r#"{"text":"Bij UWV"}"#
    );
    assert!(db
        .scalar("SELECT original FROM contact_corrections")
        .contains("2026-11-20"));
}

#[test]
fn a_corrected_bsn_leaves_the_undo_journal_once_its_day_is_over() {
    let db = Db::new();
    let client = db
        .add(&[
            "client",
            "add",
            "--name",
            "Kees Visser",
            "--category",
            "beheer",
            "--bsn",
            "111222333",
        ])
        .to_string();
    db.ok(&["client", "edit", &client, "--bsn", "123456782"]);
    let journal = "SELECT group_concat(before) FROM edit_rows WHERE tbl = 'clients'";
    assert!(
        db.scalar(journal).contains("111222333"),
        "today it can be undone"
    );
    // The next day's first start: the journal of days gone keeps it masked, as the
    // audit log does, and so does the backup made then.
    let backups = inbeeld::store::backups_folder(&db.path);
    std::fs::remove_dir_all(&backups).unwrap();
    db.cmd_on("2026-11-23").arg("worklist").assert().success();
    let kept = db.scalar(journal);
    assert!(
        !kept.contains("111222333") && kept.contains("******333"),
        "{kept}"
    );
    for backup in std::fs::read_dir(&backups).unwrap() {
        let bytes = std::fs::read(backup.unwrap().path()).unwrap();
        assert!(!bytes.windows(9).any(|w| w == b"111222333"));
    }
}

#[test]
fn client_details_are_checked_like_a_registration() {
    let db = Db::new();
    let client = db.client("Kees Visser", "job_ready").to_string();
    db.ok(&["client", "add", "--name", "Anna", "--bsn", "111222333"]);
    db.refused(
        &["client", "edit", &client, "--bsn", "123456789"],
        "ongeldig BSN",
    );
    db.refused(
        &["client", "edit", &client, "--bsn", "111222333"],
        "al geregistreerd bij klant 2",
    );
    db.refused(
        &["client", "edit", &client, "--birth-date", "2030-01-01"],
        "in de toekomst",
    );
    db.refused(
        &["client", "edit", &client, "--name", "Kees Visser"],
        "niets gewijzigd",
    );
    db.ok(&[
        "client",
        "edit",
        &client,
        "--phone",
        "06 1234 5678",
        "--contact-preference",
        "whatsapp",
    ]);
    let show: Value = db.json(&["client", "show", &client, "--json"]);
    assert_eq!(show["phone"], "06 1234 5678");
    assert_eq!(show["contact_preference"], "whatsapp");
}

#[test]
fn the_same_name_and_birth_date_is_warned_about() {
    let db = Db::new();
    db.ok(&[
        "client",
        "add",
        "--name",
        "Jan Jansen",
        "--birth-date",
        "1980-01-01",
    ]);
    let out = db
        .cmd()
        .args([
            "client",
            "add",
            "--name",
            "jan  JANSEN",
            "--birth-date",
            "1980-01-01",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "two people can share both");
    // Case and spacing do not make another person.
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("al een klant met deze naam en geboortedatum: klant 1"));
}

#[test]
fn documents_received_on_an_earlier_day_end_the_suspension_the_day_before() {
    let db = Db::new();
    let client = db.client("Sanne Bakker", "job_ready").to_string();
    let aanvraag = db.aanvraag(TODAY, &client, "2026-10-01");
    let herstel = db
        .add(&[
            "aanvraag",
            "herstel",
            &aanvraag,
            "--missing",
            "loonstroken",
            "--given",
            "2026-11-10",
            "--end",
            "2026-12-07",
        ])
        .to_string();
    let beslis = "SELECT end_date FROM activities WHERE type_code = 'beslistermijn'";
    assert_eq!(db.scalar(beslis), "2026-12-23");
    db.ok(&["sweep"]);
    // Refused, nothing stored: a day of receipt before the hersteltermijn, after
    // today, or on an outcome that receives nothing.
    for (args, expected) in [
        (
            vec!["--outcome", "ontvangen", "--received", "2026-11-09"],
            "vóór",
        ),
        (
            vec!["--outcome", "ontvangen", "--received", "2026-11-23"],
            "in de toekomst",
        ),
        (
            vec![
                "--outcome",
                "vervallen",
                "--note",
                "x",
                "--received",
                "2026-11-20",
            ],
            "dag van ontvangst",
        ),
    ] {
        let before = db.counts();
        let mut all = vec!["activity", "close", herstel.as_str()];
        all.extend(args);
        db.refused(&all, expected);
        assert_eq!(db.counts(), before);
    }
    db.ok(&[
        "activity",
        "close",
        &herstel,
        "--outcome",
        "ontvangen",
        "--received",
        "2026-11-20",
        "--note",
        "per post",
    ]);
    assert_eq!(
        db.scalar(beslis),
        "2026-12-07",
        "11 to 19 November suspended: 9 days, ending on a Saturday, so Monday"
    );
    let shown: Value =
        serde_json::from_str(&db.ok(&["aanvraag", "show", &aanvraag, "--json"])).unwrap();
    assert_eq!(shown["suspensions"][0]["to"], "2026-11-19");
}

#[test]
fn export_end_writes_the_bundle_then_ends_the_clients_as_overgedragen() {
    let db = Db::new();
    let a = db.client("Sanne Bakker", "job_ready").to_string();
    let b = db.client("Kees Visser", "beheer").to_string();
    let out = db.path.with_file_name("overdracht.json");
    let path = out.display().to_string();
    // Without a file or without clients, --end is refused and nothing happens.
    db.refused(&["export", "--client", &a, "--end"], "--out");
    db.refused(&["export", "--out", &path, "--end"], "--client");
    assert!(!out.exists());
    let said = db.ok(&[
        "export", "--client", &a, "--client", &b, "--out", &path, "--end",
    ]);
    assert!(
        said.contains("2 klant(en) uitgeschreven als overgedragen"),
        "{said}"
    );
    let text = inbeeld::workflow::sealing::unseal(
        &std::fs::read(&out).unwrap(),
        common::PASSPHRASE,
        &path,
    )
    .unwrap();
    let bundle: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundle["clients"].as_array().unwrap().len(), 2);
    assert_eq!(
        db.scalar("SELECT group_concat(end_reason) FROM clients WHERE ended_on = '2026-11-22'"),
        "overgedragen,overgedragen"
    );
    // The file is never overwritten.
    db.refused(&["export", "--client", &a, "--out", &path], "bestaat al");
}

#[test]
fn a_term_closed_by_the_besluit_does_not_reopen() {
    let db = Db::new();
    let client = db.client("Sanne Bakker", "job_ready").to_string();
    let aanvraag = db.aanvraag(TODAY, &client, "2026-10-01");
    db.ok(&["sweep"]);
    let item = db
        .scalar("SELECT id FROM work_items WHERE kind_code = 'beslistermijn' AND status = 'open'");
    db.ok(&[
        "aanvraag",
        "decide",
        &aanvraag,
        "--decision",
        "toegekend",
        "--made-known",
        TODAY,
    ]);
    db.refused(
        &["item", "reopen", &item, "--reason", "toch niet"],
        "die besloten is",
    );
}

#[test]
fn an_undone_follow_up_passes_the_check() {
    let db = Db::new();
    let client = db.client("Sanne Bakker", "job_ready").to_string();
    db.add(&[
        "item", "add", "--client", &client, "--title", "Bellen", "--due", TODAY,
    ]);
    db.ok(&["undo", "--yes"]);
    assert_eq!(
        db.scalar("SELECT outcome_code FROM work_items WHERE kind_code = 'vervolgactie'"),
        "ongedaan"
    );
    db.ok(&["check"]);
}
