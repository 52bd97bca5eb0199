//! The command line as a script sees it: ids on stdout, JSON fields, exit codes, and
//! one line of Dutch on stderr for refused input, with the database unchanged.

use crate::common;

use common::Db;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn client_add_prints_the_new_id_and_show_returns_it() {
    let db = Db::new();
    let first = db.add(&[
        "client",
        "add",
        "--name",
        "Rachid Bouzid",
        "--bsn",
        "1112.22.333",
        "--birth-date",
        "1991-06-30",
        "--category",
        "nog_niet_job_ready",
        "--phone",
        "06-11112222",
        "--email",
        "r@example.nl",
        "--contact-preference",
        "whatsapp",
    ]);
    let second = db.client("Sanne Visser", "beheer");
    assert_eq!(second, first + 1);

    let shown = db.json(&["client", "show", &first.to_string(), "--json"]);
    assert_eq!(shown["name"], "Rachid Bouzid");
    assert_eq!(shown["bsn_masked"], "******333");
    assert!(
        shown.get("bsn").is_none(),
        "the full BSN never leaves in JSON"
    );
    assert_eq!(shown["birth_date"], "1991-06-30");
    assert_eq!(shown["category"], "nog_niet_job_ready");
    assert_eq!(shown["contact_preference"], "whatsapp");
    assert_eq!(shown["registered_on"], common::TODAY);

    let text = db.ok(&["client", "show", &first.to_string()]);
    assert!(text.contains("Rachid Bouzid"));
    assert!(text.contains("******333"));
    assert!(
        !text.contains("111222333"),
        "human output masks the BSN too"
    );
}

#[test]
fn client_add_defaults_to_job_ready() {
    let db = Db::new();
    let id = db.add(&["client", "add", "--name", "Nieuw Instroom"]);
    assert_eq!(
        db.json(&["client", "show", &id.to_string(), "--json"])["category"],
        "job_ready"
    );
}

#[test]
fn client_list_shows_contact_rhythm_and_deadlines() {
    let db = Db::new();
    let spoken = db.client("Anouk de Jong", "job_ready");
    let silent = db.client("Henk Mulder", "job_ready");
    db.add(&[
        "contact",
        "add",
        "--client",
        &spoken.to_string(),
        "--channel",
        "telefoon",
        "--date",
        "2026-11-02",
    ]);
    db.add(&[
        "contact",
        "add",
        "--client",
        &silent.to_string(),
        "--channel",
        "huisbezoek",
        "--date",
        "2026-09-01",
    ]);
    db.add(&[
        "activity",
        "add",
        "--client",
        &spoken.to_string(),
        "--type",
        "scholing",
        "--start",
        "2026-11-01",
        "--end",
        "2027-01-31",
    ]);

    let list = db.json(&["client", "list", "--json"]);
    let rows = list.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let row = |id: i64| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    let (a, b) = (row(spoken), row(silent));
    for field in [
        "id",
        "name",
        "category",
        "days_since_contact",
        "in_view",
        "next_deadline",
        "open_items",
    ] {
        assert!(a.get(field).is_some(), "field {field}");
    }
    assert_eq!(a["days_since_contact"], 20);
    assert_eq!(a["in_view"], true);
    assert_eq!(a["next_deadline"], "2027-01-31");
    assert_eq!(a["open_items"], 0);
    assert_eq!(b["days_since_contact"], 82);
    assert_eq!(b["in_view"], false, "job ready rhythm is 28 days");
    // Out of view raises one "contact opnemen" item for the current overdue period
    // (1 September + 2 × 28 + 1 = 28 October), which is the next deadline.
    assert_eq!(b["open_items"], 1);
    assert_eq!(b["next_deadline"], "2026-10-28");

    let table = db.ok(&["client", "list"]);
    assert!(table
        .lines()
        .next()
        .unwrap()
        .contains("dagen sinds contact"));
    assert!(table.contains("Henk Mulder"));
}

#[test]
fn days_since_contact_follows_today() {
    let db = Db::new();
    let id = db.client("Vera Smit", "beheer");
    db.add(&[
        "contact",
        "add",
        "--client",
        &id.to_string(),
        "--channel",
        "huisbezoek",
        "--date",
        "2026-06-01",
    ]);
    let on = |today: &str| -> Value {
        let out = db
            .cmd_on(today)
            .args(["client", "list", "--json"])
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()[0].clone()
    };
    assert_eq!(on("2026-11-30")["in_view"], true, "182 days for beheer");
    assert_eq!(on("2026-12-01")["in_view"], false);
    assert_eq!(on("2026-12-01")["days_since_contact"], 183);
}

#[test]
fn activity_add_and_list() {
    let db = Db::new();
    let id = db.client("Omar Kaya", "bijna_job_ready");
    let activity = db.add(&[
        "activity",
        "add",
        "--client",
        &id.to_string(),
        "--type",
        "werkervaringsplaats",
        "--start",
        "2026-10-01",
        "--end",
        "2027-03-31",
        "--title",
        "WEP magazijn",
    ]);
    let other = db.client("Kim Bakker", "beheer");
    db.add(&[
        "activity",
        "add",
        "--client",
        &other.to_string(),
        "--type",
        "afspraak",
        "--start",
        "2026-12-01",
        "--end",
        "2026-12-01",
    ]);

    let mine = db.json(&["activity", "list", "--client", &id.to_string(), "--json"]);
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let a = &mine[0];
    assert_eq!(a["id"], activity);
    assert_eq!(a["client_id"], id);
    assert_eq!(a["type"], "werkervaringsplaats");
    assert_eq!(a["title"], "WEP magazijn");
    assert_eq!(a["start_date"], "2026-10-01");
    assert_eq!(a["end_date"], "2027-03-31");
    assert_eq!(a["status"], "open");

    let all = db.json(&["activity", "list", "--json"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    assert_eq!(all[0]["type"], "afspraak", "sorted by end date");
    assert!(db.ok(&["activity", "list"]).contains("WEP magazijn"));
}

#[test]
fn contact_and_note_are_in_the_dossier() {
    let db = Db::new();
    let id = db.client("Latifa Haddou", "niet_job_ready");
    let contact = db.add(&[
        "contact",
        "add",
        "--client",
        &id.to_string(),
        "--channel",
        "beeldbellen",
        "--note",
        "Goed gesprek",
    ]);
    let note = db.add(&[
        "note",
        "add",
        "--client",
        &id.to_string(),
        "--text",
        "Klant start met vrijwilligerswerk",
    ]);
    let shown = db.json(&["client", "show", &id.to_string(), "--json"]);
    assert_eq!(shown["contacts"][0]["id"], contact);
    assert_eq!(
        shown["contacts"][0]["date"],
        common::TODAY,
        "date defaults to today"
    );
    assert_eq!(shown["contacts"][0]["channel"], "beeldbellen");
    assert_eq!(shown["notes"][0]["id"], note);
    assert_eq!(
        shown["notes"][0]["text"],
        "Klant start met vrijwilligerswerk"
    );
    assert_eq!(shown["days_since_contact"], 0);
}

#[test]
fn catalog_lists_codes_for_people_and_scripts() {
    let db = Db::new();
    let catalog = db.json(&["catalog", "--json"]);
    let codes = |key: &str| -> Vec<String> {
        catalog[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        codes("categories"),
        [
            "job_ready",
            "bijna_job_ready",
            "nog_niet_job_ready",
            "niet_job_ready",
            "beheer"
        ]
    );
    for t in [
        "traject",
        "scholing",
        "werkervaringsplaats",
        "onderzoek",
        "hersteltermijn",
        "afspraak",
    ] {
        assert!(codes("activity_types").contains(&t.to_owned()), "{t}");
    }
    for c in [
        "telefoon",
        "whatsapp",
        "beeldbellen",
        "op_locatie",
        "huisbezoek",
        "brief",
        "email",
    ] {
        assert!(codes("channels").contains(&c.to_owned()), "{c}");
    }
    assert!(codes("outcomes").contains(&"verlengd".to_owned()));
    let traject = catalog["work_item_kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["code"] == "traject")
        .unwrap();
    assert!(traject["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o == "afgerond"));
    let text = db.ok(&["catalog"]);
    assert!(text.contains("Categorieën") && text.contains("hersteltermijn"));
}

#[test]
fn demo_is_deterministic_and_realistic() {
    let a = Db::new();
    let b = Db::new();
    a.ok(&["demo", "--no-open", "--seed", "7"]);
    b.ok(&["demo", "--no-open", "--seed", "7"]);
    let list_a = a.json(&["client", "list", "--json"]);
    assert_eq!(
        list_a,
        b.json(&["client", "list", "--json"]),
        "same seed, same caseload"
    );
    let clients = list_a.as_array().unwrap();
    assert_eq!(clients.len(), 60, "60 clients by default");
    let out_of_view = clients.iter().filter(|c| c["in_view"] == false).count();
    assert!(
        (10..=45).contains(&out_of_view),
        "some, not all, out of view: {out_of_view}"
    );
    let categories: std::collections::BTreeSet<_> = clients
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories.len(), 5, "every category present");

    let activities = a.json(&["activity", "list", "--json"]);
    let open_hersteltermijnen = activities
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["type"] == "hersteltermijn" && x["status"] == "open")
        .count();
    assert!(open_hersteltermijnen > 0, "open hersteltermijnen");
    let conn = a.conn();
    let oldest: String = conn
        .query_row("SELECT min(contact_date) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert!(
        oldest.as_str() < "2026-08-22",
        "contacts go back months: {oldest}"
    );

    let c = Db::new();
    c.ok(&["demo", "--no-open", "--seed", "8"]);
    assert_ne!(
        list_a,
        c.json(&["client", "list", "--json"]),
        "another seed, another caseload"
    );
}

#[test]
fn demo_replaces_a_demo_but_never_an_own_caseload() {
    let db = Db::new();
    db.ok(&["demo", "--no-open", "--clients", "5"]);
    db.ok(&["demo", "--no-open", "--clients", "8"]);
    assert_eq!(
        db.json(&["client", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        8
    );

    let own = Db::new();
    own.client("Eigen Klant", "beheer");
    own.refused(&["demo", "--no-open"], "eigen caseload");
}

#[test]
fn demo_without_db_uses_its_own_file_beside_the_default() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("inbeeld").unwrap();
    cmd.env_remove("INBEELD_DB")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("INBEELD_TODAY", common::TODAY)
        .args(["demo", "--no-open", "--clients", "3"])
        .assert()
        .success()
        .stdout(predicate::str::contains("demo.sqlite"));
    let folder = home.path().join("data").join("inbeeld");
    assert!(folder.join("demo.sqlite").exists());
    assert!(
        !folder.join("inbeeld.sqlite").exists(),
        "the real caseload file is not touched"
    );
}

#[test]
fn bad_input_is_refused_with_one_dutch_line_and_nothing_changes() {
    let db = Db::new();
    let beheer = db.client("Gerda Postma", "beheer");
    let b = beheer.to_string();
    db.add(&["client", "add", "--name", "Met BSN", "--bsn", "123456782"]);

    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &b,
            "--type",
            "afspraak",
            "--start",
            "2026-13-01",
            "--end",
            "2026-12-01",
        ],
        "de datum 2026-13-01 bestaat niet",
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &b,
            "--type",
            "afspraak",
            "--start",
            "1-12-2026",
            "--end",
            "2026-12-01",
        ],
        "ongeldige datum",
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &b,
            "--type",
            "onderzoek",
            "--start",
            "2026-12-02",
            "--end",
            "2026-12-01",
        ],
        "vóór de startdatum",
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &b,
            "--type",
            "cursus",
            "--start",
            "2026-12-01",
            "--end",
            "2026-12-01",
        ],
        "onbekende activiteitsoort 'cursus'",
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            &b,
            "--type",
            "scholing",
            "--start",
            "2026-12-01",
            "--end",
            "2026-12-31",
        ],
        "past niet bij categorie 'beheer'",
    );
    db.refused(
        &[
            "activity",
            "add",
            "--client",
            "999",
            "--type",
            "afspraak",
            "--start",
            "2026-12-01",
            "--end",
            "2026-12-01",
        ],
        "onbekende klant 999",
    );
    db.refused(
        &["client", "add", "--name", "X", "--category", "vip"],
        "onbekende categorie 'vip'",
    );
    db.refused(
        &["client", "add", "--name", "X", "--bsn", "123456789"],
        "elfproef",
    );
    db.refused(
        &["client", "add", "--name", "X", "--bsn", "12345"],
        "9 cijfers",
    );
    db.refused(
        &["client", "add", "--name", "X", "--bsn", "123456782"],
        "al geregistreerd",
    );
    db.refused(
        &["client", "add", "--name", "  "],
        "naam mag niet leeg zijn",
    );
    db.refused(
        &["client", "add", "--name", "X", "--birth-date", "2026-02-30"],
        "de datum 2026-02-30 bestaat niet",
    );
    db.refused(
        &[
            "client",
            "add",
            "--name",
            "X",
            "--contact-preference",
            "postduif",
        ],
        "onbekend kanaal",
    );
    db.refused(&["client", "show", "999"], "onbekende klant 999");
    db.refused(
        &["activity", "list", "--client", "999"],
        "onbekende klant 999",
    );
    db.refused(
        &["contact", "add", "--client", "999", "--channel", "telefoon"],
        "onbekende klant 999",
    );
    db.refused(
        &["contact", "add", "--client", &b, "--channel", "fax"],
        "onbekend kanaal 'fax'",
    );
    db.refused(
        &[
            "contact",
            "add",
            "--client",
            &b,
            "--channel",
            "telefoon",
            "--date",
            "2026-11-23",
        ],
        "toekomst",
    );
    db.refused(
        &[
            "contact",
            "add",
            "--client",
            &b,
            "--channel",
            "telefoon",
            "--date",
            "gisteren",
        ],
        "ongeldige datum",
    );
    db.refused(
        &["note", "add", "--client", &b, "--text", ""],
        "mag niet leeg zijn",
    );
    db.refused(
        &["note", "add", "--client", "999", "--text", "x"],
        "onbekende klant 999",
    );
    db.refused(
        &["--today", "2026-02-29", "client", "list"],
        "de datum 2026-02-29 bestaat niet",
    );
}

#[test]
fn a_foreign_file_is_a_runtime_failure_and_stays_as_it_was() {
    let db = Db::new();
    std::fs::write(&db.path, "dit is een spreadsheet").unwrap();
    db.cmd()
        .args(["client", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("geen inbeeld-database"));
    assert_eq!(
        std::fs::read_to_string(&db.path).unwrap(),
        "dit is een spreadsheet"
    );
}

#[test]
fn a_newer_database_is_refused() {
    let db = Db::new();
    db.client("A", "beheer");
    db.conn().pragma_update(None, "user_version", 99).unwrap();
    db.cmd()
        .args(["client", "list"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nieuwere versie"));
}

#[test]
fn output_nobody_reads_ends_with_code_1_not_a_panic() {
    // As `inbeeld report 2>&1 | head` after head quit: stdout and stderr both gone
    // before the first line. The program says so where it can and exits 1.
    let db = common::Db::new();
    db.ok(&["demo", "--no-open", "--clients", "5"]);
    for args in [
        vec!["report", "--period", "year"],
        vec!["worklist"],
        vec!["client", "add"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("inbeeld"))
            .env("INBEELD_DB", &db.path)
            .env(
                "INBEELD_SETTINGS",
                db.path.with_file_name("instellingen.toml"),
            )
            .env("INBEELD_TODAY", common::TODAY)
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        drop(child.stderr.take());
        let code = child.wait().unwrap().code();
        assert!(matches!(code, Some(1) | Some(2)), "{args:?}: exit {code:?}");
    }
}

#[test]
fn usage_errors_exit_with_code_2() {
    let db = Db::new();
    db.cmd().args(["client", "add"]).assert().code(2);
    db.cmd().args(["vliegen"]).assert().code(2);
    db.cmd()
        .args(["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("klantmanagers"));
}

#[test]
fn usage_errors_are_one_dutch_line_and_help_stays_readable() {
    let db = common::Db::new();
    for (args, expected) in [
        (
            vec!["client", "add"],
            "--name <TEKST> ontbreekt (zie 'inbeeld client add --help')",
        ),
        (
            vec!["client", "adx"],
            "onbekende opdracht 'adx'; bedoelt u 'add'?",
        ),
        (
            vec!["client", "add", "--nam", "x"],
            "onbekende optie '--nam'; bedoelt u '--name'?",
        ),
        (
            vec!["item", "close", "1", "--outcome"],
            "--outcome <CODE> vraagt een waarde",
        ),
        (vec!["client"], "hier hoort nog een opdracht bij"),
    ] {
        let out = db.cmd().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("inbeeld: "), "{stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("error:") && !stderr.contains("Usage"),
            "{stderr}"
        );
    }
    let help = db.cmd().args(["client", "add", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.lines().count() > 5 && text.contains("--name"),
        "{text}"
    );
}

#[test]
fn an_option_given_empty_is_refused_not_taken_as_absent() {
    let db = common::Db::new();
    db.client("Eerste", "beheer");
    for (option, value) in [
        ("--bsn", ""),
        ("--birth-date", "  "),
        ("--contact-preference", ""),
    ] {
        db.refused(
            &["client", "add", "--name", "Jan", option, value],
            "is leeg gegeven",
        );
    }
}

#[test]
fn worklist_as_of_looks_ahead_and_leaves_the_file_byte_for_byte_unchanged() {
    let db = Db::new();
    let client = db.client("Omar Kaya", "bijna_job_ready");
    db.add(&[
        "activity",
        "add",
        "--client",
        &client.to_string(),
        "--type",
        "werkervaringsplaats",
        "--start",
        "2026-10-01",
        "--end",
        "2027-01-15",
        "--title",
        "WEP magazijn",
    ]);
    // Today's werkvoorraad, swept, so the look ahead has nothing of today to store.
    let now = db.json(&["worklist", "--json"]);
    let file = |suffix: &str| std::fs::read(format!("{}{suffix}", db.path.display())).ok();
    let before = (file(""), file("-wal"));

    let ahead = db.json(&["worklist", "--as-of", "2027-01-20", "--json"]);
    let table = db.ok(&["worklist", "--as-of", "2027-01-20"]);

    assert_eq!((file(""), file("-wal")), before, "the file was written");
    let titles = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(
        titles(&ahead).iter().any(|t| t.contains("WEP magazijn")),
        "the expiry of 15 January is in the werkvoorraad of the 20th: {ahead}"
    );
    assert!(!titles(&now).iter().any(|t| t.contains("WEP magazijn")));
    assert!(
        table.contains("5 dagen te laat"),
        "counted from the day looked at: {table}"
    );
    assert_eq!(
        db.json(&["worklist", "--json"]),
        now,
        "nothing of the future stayed"
    );

    db.refused(
        &["worklist", "--as-of", "2026-11-01"],
        "ligt in het verleden",
    );
    db.refused(&["worklist", "--as-of", "20-01-2027"], "ongeldige datum");
}

#[test]
fn settings_name_the_caseload_and_say_what_is_in_force() {
    let db = Db::new();
    let id = db.client("Omar Kaya", "beheer");
    let settings = db.path.with_file_name("instellingen.toml");
    std::fs::write(
        &settings,
        format!(
            "[klantmanager]\nnaam = \"Sanne de Vries\"\ntelefoon = \"14 020\"\n\n\
             [bestand]\ncaseload = \"{}\"\n\n[kleuren]\nthema = \"licht\"\n\n\
             [toetsen]\nafhandelen = \"h\"\n",
            db.path.display()
        ),
    )
    .unwrap();
    // Without --db the settings' file is the caseload.
    let out = db
        .cmd()
        .env_remove("INBEELD_DB")
        .args(["client", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let clients: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(clients[0]["id"], id);

    let shown = db.ok(&["settings"]);
    for line in [
        format!("Instellingen: {}", settings.display()),
        "Klantmanager: Sanne de Vries".to_owned(),
        "Telefoon: 14 020".to_owned(),
        "Thema: licht".to_owned(),
        "Toets afhandelen: h".to_owned(),
    ] {
        assert!(shown.contains(&line), "{line} missing:\n{shown}");
    }

    // A bad file is refused by every command, with its line; nothing is read.
    for (text, line, says) in [
        (
            "[kleuren]\nthema = \"paars\"\n",
            2,
            "kies donker, licht of geen",
        ),
        (
            "[toetsen]\n\nuitstellen = \"j\"\n",
            3,
            "al 'volgende regel'",
        ),
        ("[kleuren]\nte_laat = \"bloedrood\"\n", 2, "geen kleur"),
        ("[klantmanager]\nnam = \"x\"\n", 2, "onbekende instelling"),
        ("[bestand\n", 1, "geen geldige TOML"),
    ] {
        std::fs::write(&settings, text).unwrap();
        db.refused(&["client", "list"], &format!("regel {line}: "));
        db.refused(&["settings"], says);
    }
    std::fs::remove_file(&settings).unwrap();
    assert!(db
        .ok(&["settings"])
        .contains("bestaat niet: standaardwaarden"));
}

/// Completions for every shell and the man page come from the command line's own
/// grammar; bash loads them and completes a command and its subcommands. Neither
/// needs a caseload or settings.
#[test]
fn completions_and_the_man_page_come_from_the_grammar() {
    let bin = env!("CARGO_BIN_EXE_inbeeld");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin)
            .args(args)
            .env("INBEELD_SETTINGS", "/nergens/instellingen.toml")
            .env("INBEELD_DB", "/nergens/inbeeld.sqlite")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]);
        assert!(
            script.contains("inbeeld") && script.contains("rapportage"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert!(man.contains(".TH inbeeld 1"), "{man}");
    for part in [
        "Caseload\\-cockpit voor klantmanagers",
        "document",
        "letter",
        "\\-\\-db",
    ] {
        assert!(man.contains(part), "man lacks {part}");
    }
    // bash sources them and completes as a klantmanager types.
    let complete = |words: &str, cword: usize| -> String {
        let script = format!(
            "source <('{bin}' completions bash) && COMP_WORDS=({words}) && COMP_CWORD={cword} \
             && _inbeeld inbeeld \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$((COMP_CWORD-1))]}}\" \
             && echo \"${{COMPREPLY[@]}}\""
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .output()
            .expect("bash");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("inbeeld let", 1).trim(), "letter");
    let document = complete("inbeeld document ''", 2);
    for sub in ["plan", "besluit", "rapportage"] {
        assert!(document.split_whitespace().any(|w| w == sub), "{document}");
    }
}
