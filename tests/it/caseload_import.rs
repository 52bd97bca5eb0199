//! The caseload from the municipal system: every row lands or is named, importing
//! again keeps inbeeld in step, and the agenda for Outlook carries no BSN and no full
//! name. Fixtures are written by rust_xlsxwriter, by Python's openpyxl (in CI) and as
//! LibreOffice saves a CSV.

use std::path::{Path, PathBuf};

use inbeeld::domain::bsn;
use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::common::{self, type_keys};

const HEADERS: [&str; 12] = [
    "BSN",
    "Voorletters",
    "Voorvoegsel",
    "Geslachtsnaam",
    "Geboortedatum",
    "Telefoonnummer",
    "Postcode",
    "Woonplaats",
    "Doelgroep",
    "Soort voorziening",
    "Begindatum voorziening",
    "Einddatum voorziening",
];

/// A person of the fixture: number `n` gets a BSN, a name and five voorzieningen.
#[derive(Clone)]
pub(crate) struct Person {
    bsn: String,
    initials: String,
    prefix: String,
    surname: String,
    birth: String,
    phone: String,
}

pub(crate) fn person(n: u32) -> Person {
    Person {
        bsn: (0..100)
            .find_map(|k| bsn::complete(20_000_000 + n * 100 + k))
            .unwrap()
            .as_str()
            .to_owned(),
        initials: format!("{}.", char::from(b'A' + (n % 26) as u8)),
        prefix: if n.is_multiple_of(3) {
            "de".into()
        } else {
            String::new()
        },
        surname: format!("Achternaam{n:03}"),
        birth: format!("{:02}-{:02}-19{}", 1 + n % 28, 1 + n % 12, 60 + n % 40),
        phone: format!("06-{:08}", 10_000_000 + n),
    }
}

const VOORZIENINGEN: [&str; 5] = [
    "Re-integratietraject",
    "Scholing",
    "Participatieplaats",
    "Vrijwilligerswerk",
    "Schuldhulpverlening",
];

/// One row per person per voorziening, as the SRG-shaped export has it.
pub(crate) fn rows(people: &[Person]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for p in people {
        for (i, soort) in VOORZIENINGEN.iter().enumerate() {
            rows.push(vec![
                p.bsn.clone(),
                p.initials.clone(),
                p.prefix.clone(),
                p.surname.clone(),
                p.birth.clone(),
                p.phone.clone(),
                "8011 AB".into(),
                "Zwolle".into(),
                "Ontwikkeling".into(),
                (*soort).into(),
                format!("{:02}-10-2026", 1 + i),
                format!("{:02}-06-2027", 1 + i),
            ]);
        }
    }
    rows
}

pub(crate) fn write_xlsx(path: &Path, rows: &[Vec<String>]) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // A suite writes the BSN as a number: the import reads it back whole.
            if c == 0 {
                if let Ok(n) = value.parse::<f64>() {
                    sheet.write_number(r as u32 + 1, 0, n).unwrap();
                    continue;
                }
            }
            sheet.write_string(r as u32 + 1, c as u16, value).unwrap();
        }
    }
    book.save(path).unwrap();
}

pub(crate) fn profile(dir: &Path) -> PathBuf {
    let path = dir.join("profiel-srg.toml");
    std::fs::write(&path, include_str!("../../docs/profiel-srg.toml")).unwrap();
    path
}

fn import(db: &common::Db, file: &Path, profile: &Path, dry: bool) -> Value {
    let (file, profile) = (file.to_str().unwrap(), profile.to_str().unwrap());
    let mut args = vec!["caseload", "import", file, "--profiel", profile, "--json"];
    if dry {
        args.push("--proef");
    }
    db.json(&args)
}

fn count(db: &common::Db, table: &str) -> i64 {
    db.conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn len(plan: &Value, key: &str) -> usize {
    plan["plan"][key].as_array().unwrap().len()
}

#[test]
fn a_caseload_lands_again_changes_nothing_and_a_month_later_file_keeps_it_in_step() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let profile = profile(dir);
    let people: Vec<Person> = (0..200).map(person).collect();
    let first = dir.join("export-november.xlsx");
    write_xlsx(&first, &rows(&people));

    let dry = import(&db, &first, &profile, true);
    assert_eq!(dry["written"], false);
    assert_eq!(len(&dry, "new_clients"), 200);
    assert_eq!(count(&db, "clients"), 0, "--proef writes nothing");

    let done = import(&db, &first, &profile, false);
    assert_eq!(done["written"], true);
    assert_eq!(len(&done, "refused"), 0, "{}", done["plan"]["refused"]);
    assert_eq!(count(&db, "clients"), 200);
    assert_eq!(count(&db, "activities"), 1000);
    // "de Achternaam003" under A, its parts kept; the audit names the file.
    let (prefix, surname, actor): (String, String, String) = db
        .conn()
        .query_row(
            "SELECT c.name_prefix, c.surname, a.actor FROM clients c JOIN audit_log a
             ON a.entity = 'client' AND a.entity_id = c.id WHERE c.bsn = ?1",
            [&people[3].bsn],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((prefix.as_str(), surname.as_str()), ("de", "Achternaam003"));
    assert!(actor.contains("import export-november.xlsx"), "{actor}");

    // The same file again: nothing to do, not one audit row.
    let audit = count(&db, "audit_log");
    let again = import(&db, &first, &profile, false);
    assert_eq!(again["written"], false);
    assert_eq!(again["plan"]["unchanged"], 200);
    assert_eq!(count(&db, "audit_log"), audit);

    // A month later: 5 new phone numbers, 3 new clients, 2 gone from the export.
    let mut later: Vec<Person> = people[2..].to_vec();
    for p in later.iter_mut().take(5) {
        p.phone = format!("06-9{}", &p.phone[4..]);
    }
    later.extend((500..503).map(person));
    let second = dir.join("export-december.xlsx");
    write_xlsx(&second, &rows(&later));
    let preview = import(&db, &second, &profile, true);
    let plan = &preview["plan"];
    assert_eq!(len(&preview, "new_clients"), 3);
    assert_eq!(len(&preview, "changed_clients"), 5);
    for change in plan["changed_clients"].as_array().unwrap() {
        let fields = change["fields"].as_array().unwrap();
        assert_eq!(fields.len(), 1, "{change}");
        assert_eq!(fields[0]["field"], "telefoon");
    }
    assert_eq!(len(&preview, "missing"), 2);
    assert_eq!(plan["unchanged"], 193);
    assert_eq!(count(&db, "clients"), 200, "a preview writes nothing");

    let result = import(&db, &second, &profile, false);
    assert_eq!(result["plan"], preview["plan"], "the result is the preview");
    assert_eq!(count(&db, "clients"), 203);
    assert_eq!(count(&db, "activities"), 1015);
    // The two missing clients are named, never ended.
    let ended: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM clients WHERE ended_on IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ended, 0);
}

#[test]
fn every_bad_row_is_named_with_its_row_column_and_reason_and_the_rest_lands() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let profile = profile(dir);
    let people: Vec<Person> = (0..200).map(person).collect();
    let mut rows: Vec<Vec<String>> = rows(&people).into_iter().step_by(5).collect();
    assert_eq!(rows.len(), 200);
    for (i, row) in rows.iter_mut().enumerate().take(20) {
        match i % 4 {
            0 => row[0] = format!("{}", row[0].parse::<u64>().unwrap() ^ 1),
            1 => row[4] = "31-02-1990".into(),
            2 => row[9] = "Ruimtevaart".into(),
            _ => row[11] = String::new(),
        }
    }
    let file = dir.join("met-fouten.xlsx");
    write_xlsx(&file, &rows);
    // Without a default end, an activity without one is refused.
    let strict = dir.join("streng.toml");
    std::fs::write(
        &strict,
        std::fs::read_to_string(&profile)
            .unwrap()
            .replace("einddatum_van_type = true", "einddatum_van_type = false"),
    )
    .unwrap();
    let done = import(&db, &file, &strict, false);
    let refused = done["plan"]["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 20, "{refused:#?}");
    assert_eq!(count(&db, "clients"), 180);
    // Row numbers as the spreadsheet shows them (the header is row 1).
    let rows_named: Vec<i64> = refused.iter().map(|r| r["row"].as_i64().unwrap()).collect();
    assert_eq!(rows_named, (2..22).collect::<Vec<_>>());
    let reason = |row: i64| {
        let r = refused.iter().find(|r| r["row"] == row).unwrap();
        format!("{} | {}", r["column"], r["reason"])
    };
    assert!(
        reason(2).contains("BSN") && reason(2).contains("elfproef"),
        "{}",
        reason(2)
    );
    assert!(reason(3).contains("Geboortedatum") && reason(3).contains("31-02-1990"));
    assert!(reason(4).contains("Soort voorziening") && reason(4).contains("Ruimtevaart"));
    assert!(reason(5).contains("Einddatum") && reason(5).contains("zonder einddatum"));
    // The text for a person says the same.
    let text = db.ok(&[
        "caseload",
        "import",
        file.to_str().unwrap(),
        "--profiel",
        strict.to_str().unwrap(),
        "--proef",
    ]);
    assert!(text.contains("regel    3, kolom 'Geboortedatum'"), "{text}");
}

#[test]
fn a_csv_as_libreoffice_saves_it_is_read_without_a_profile() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let file = dir.join("klanten.csv");
    let a = person(1);
    let b = person(2);
    // LibreOffice: comma, quoted text, UTF-8 with a BOM when asked.
    std::fs::write(
        &file,
        format!(
            "\u{feff}\"Burgerservicenummer\",\"Voornaam\",\"Tussenvoegsel\",\"Achternaam\",\
             \"Geboortedatum\",\"Telefoon\",\"Categorie\"\n\
             {},\"Jan\",\"van der\",\"Berg\",{},\"06-1\",\"Job ready\"\n\
             {},\"Fatma\",,\"Şahin\",1990-05-05,,\"beheer\"\n",
            a.bsn, a.birth, b.bsn
        ),
    )
    .unwrap();
    db.ok(&["caseload", "import", file.to_str().unwrap()]);
    let names = db.caseload_names();
    // "van der Berg" sorts under B, before Şahin.
    assert_eq!(names, ["Jan van der Berg", "Fatma Şahin"]);
    // A BSN typed with dots is found by the search of the cockpit's caseload.
    let dotted = format!("{}.{}.{}", &a.bsn[..4], &a.bsn[4..6], &a.bsn[6..]);
    assert!(inbeeld::domain::search::Query::new(&dotted)
        .client("jan van der berg", Some(&a.bsn), None)
        .is_some());
}

#[test]
fn the_caseload_sorts_on_the_achternaam_without_its_voorvoegsel() {
    let db = common::Db::new();
    for name in ["Jan de Vries", "Piet Bakker", "Els van Dam", "Madonna"] {
        db.add(&["client", "add", "--name", name, "--category", "beheer"]);
    }
    let names = db.caseload_names();
    // A name typed whole is split; one of one word sorts by itself.
    assert_eq!(
        names,
        ["Piet Bakker", "Els van Dam", "Madonna", "Jan de Vries"]
    );
}

#[test]
fn a_workbook_written_by_openpyxl_lands() {
    let Some(python) = common::python_with(&["openpyxl"]) else {
        return;
    };
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let file = dir.join("openpyxl.xlsx");
    let a = person(7);
    let script = format!(
        "import openpyxl, datetime\n\
         wb = openpyxl.Workbook(); ws = wb.active\n\
         ws.append(['BSN', 'Voorletters', 'Geslachtsnaam', 'Geboortedatum', 'Doelgroep', \
                    'Soort voorziening', 'Begindatum voorziening', 'Einddatum voorziening'])\n\
         ws.append([{bsn}, 'K.', 'Yilmaz', datetime.date(1984, 2, 29), 'Werkfit', \
                    'Scholing', datetime.datetime(2026, 11, 2), 46500])\n\
         wb.save(r'{path}')\n",
        bsn = a.bsn.trim_start_matches('0'),
        path = file.display()
    );
    let out = std::process::Command::new(python)
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The example profile with only the columns this file has.
    let profile = dir.join("klein.toml");
    let example = include_str!("../../docs/profiel-srg.toml");
    let kept: Vec<&str> = example
        .lines()
        .filter(|l| {
            ![
                "voorvoegsel",
                "telefoon",
                "email",
                "straat",
                "huisnummer",
                "toevoeging",
                "postcode",
                "woonplaats",
                "trede",
                "status =",
            ]
            .iter()
            .any(|f| l.starts_with(f))
        })
        .collect();
    std::fs::write(&profile, kept.join("\n")).unwrap();
    let done = import(&db, &file, &profile, false);
    assert_eq!(len(&done, "refused"), 0, "{}", done["plan"]["refused"]);
    let acts = db.json(&["activity", "list", "--json"]);
    let act = &acts.as_array().unwrap()[0];
    assert_eq!(act["start_date"], "2026-11-02", "a date cell");
    assert_eq!(act["end_date"], "2027-04-23", "an Excel serial number");
    let show = db.json(&["client", "show", "1", "--json"]);
    assert_eq!(show["birth_date"], "1984-02-29");
}

/// The agenda file: both parsers read it, a move keeps the UID and raises SEQUENCE,
/// and it holds no BSN and no full name.
#[test]
fn the_agenda_parses_keeps_its_uids_and_names_nobody() {
    let db = common::Db::new();
    let client = db.add(&[
        "client",
        "add",
        "--name",
        "Fatima el Amrani",
        "--bsn",
        "123456782",
        "--category",
        "job_ready",
    ]);
    let c = client.to_string();
    let afspraak = db.add(&[
        "appointment",
        "add",
        "--client",
        &c,
        "--date",
        "2026-11-25",
        "--time",
        "10:30",
        "--channel",
        "telefoon",
        "--duration",
        "60",
    ]);
    let ics = db.path.with_extension("ics");
    let read = |path: &Path| std::fs::read_to_string(path).unwrap();
    // Kept beside the file after every change.
    let before = read(&ics);
    let event = |text: &str| {
        let cal: icalendar::Calendar = text.parse().expect("icalendar parses the file");
        let event = cal
            .components
            .iter()
            .find_map(|c| c.as_event().cloned())
            .expect("an event");
        use icalendar::Component;
        (
            event.get_uid().unwrap().to_owned(),
            event.get_sequence().unwrap_or(0),
            event.property_value("DTSTART").unwrap().to_owned(),
            event.property_value("DTEND").unwrap().to_owned(),
        )
    };
    let (uid, seq, start, end) = event(&before);
    assert_eq!(start, "20261125T093000Z", "10:30 in Amsterdam in winter");
    assert_eq!(
        end, "20261125T103000Z",
        "the hour asked, not the 45 minutes of the type"
    );
    db.refused(
        &[
            "appointment",
            "add",
            "--client",
            &c,
            "--date",
            "2026-11-26",
            "--channel",
            "telefoon",
            "--duration",
            "2",
        ],
        "5 tot en met 480 minuten",
    );
    db.ok(&[
        "appointment",
        "move",
        &afspraak.to_string(),
        "--date",
        "2026-11-26",
        "--time",
        "11:00",
    ]);
    let after = read(&ics);
    let (uid2, seq2, start2, _) = event(&after);
    assert_eq!(uid2, uid, "a move keeps the UID");
    assert_eq!(seq2, seq + 1, "and raises SEQUENCE by one");
    assert_eq!(start2, "20261126T100000Z");
    let out = db.path.with_file_name("agenda.ics");
    db.ok(&["agenda", "--out", out.to_str().unwrap()]);
    let text = read(&out);
    assert!(!text.contains("123456782"), "no BSN");
    assert!(
        !text.contains("Fatima") && !text.contains("Amrani"),
        "no full name:\n{text}"
    );
    assert!(text.contains("F. el A."), "{text}");
    assert!(text.contains("LOCATION:telefonisch"));
    db.ok(&[
        "appointment",
        "cancel",
        &afspraak.to_string(),
        "--reason",
        "ziek gemeld",
    ]);
    assert!(read(&ics).contains("STATUS:CANCELLED"));
    if let Some(python) = common::python_with(&["icalendar"]) {
        let check = "import sys, icalendar\n\
                     cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
                     events = [e for e in cal.walk('VEVENT')]\n\
                     assert events, 'no events'\n\
                     print(events[0]['UID'], int(events[0]['SEQUENCE']))\n";
        let out = std::process::Command::new(python)
            .args(["-c", check, ics.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(&uid), "{said}");
    }
}

/// The cockpit on the Caseload with the import form open on `file`.
fn import_form(db: &common::Db, file: &Path) -> inbeeld::tui::App {
    let store = inbeeld::store::Store::open(&db.path).unwrap();
    let session = inbeeld::tui::Session {
        today: common::today(),
        today_overridden: true,
        db_label: "~/t.sqlite".into(),
        read_only: false,
        peeking: false,
    };
    let mut app = inbeeld::tui::App::new(store, session).unwrap();
    type_keys(&mut app, "2I");
    // The suggested file is replaced by the export's.
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    type_keys(&mut app, &file.display().to_string());
    app
}

/// The cockpit at `w`×`h`, with the test's folder written as /MAP.
fn shown(app: &mut inbeeld::tui::App, dir: &Path, w: u16, h: u16) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend()).replace(&dir.display().to_string(), "/MAP")
}

/// A file whose headers say too little opens the column picker; the columns picked
/// are saved as a profile beside the file, and the import goes on with it.
#[test]
fn the_cockpit_picks_the_columns_of_an_unknown_export_and_saves_them_as_a_profile() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let file = dir.join("lijst.csv");
    let mut text = String::from("Sofi-nr;Roepnaam;Familie;Geb.datum;Mobiel\n");
    for n in 0..5u32 {
        let p = person(n);
        text.push_str(&format!(
            "{};Voornaam{n};{};{};{}\n",
            p.bsn, p.surname, p.birth, p.phone
        ));
    }
    std::fs::write(&file, text).unwrap();
    let mut app = import_form(&db, &file);
    type_keys(&mut app, "\n");
    let opened = shown(&mut app, dir, 120, 40);
    assert!(opened.contains("Kolommen van lijst.csv"), "{opened}");
    assert!(opened.contains("geen kolom voor de naam"), "{opened}");

    // achternaam (7) is Familie (4); bsn (2) Sofi-nr (2); voornaam (4) Roepnaam (3).
    type_keys(&mut app, "7");
    let headers = shown(&mut app, dir, 80, 24);
    assert!(headers.contains("Welke kolom is achternaam?"), "{headers}");
    assert!(
        headers.contains("Familie  (bv. Achternaam000)"),
        "{headers}"
    );
    insta::assert_snapshot!("import_column_headers_80x24", headers);
    type_keys(&mut app, "4");
    // Esc in the list of columns goes back to the fields, keeping what was chosen.
    type_keys(&mut app, "2");
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Esc,
        crossterm::event::KeyModifiers::NONE,
    ));
    let back = shown(&mut app, dir, 120, 40);
    assert!(back.contains("achternaam       ← Familie"), "{back}");
    type_keys(&mut app, "22438596");
    // Down to the category of a row without one: Beheer (the fifth).
    // (From the line below telefoon, the tenth, to the one below the fields.)
    let down = inbeeld::domain::caseload_import::FIELDS.len() + 1 - 9;
    type_keys(&mut app, &format!("{}\n6", "j".repeat(down)));
    let picked = shown(&mut app, dir, 120, 40);
    for line in [
        "zonder categorie ← Beheer",
        "achternaam       ← Familie",
        "bsn              ← Sofi-nr",
        "voornaam         ← Roepnaam",
        "geboortedatum    ← Geb.datum",
        "telefoon         ← Mobiel",
    ] {
        assert!(picked.contains(line), "{line}: {picked}");
    }
    insta::assert_snapshot!("import_column_picker_120x40", picked);
    insta::assert_snapshot!("import_column_picker_80x24", shown(&mut app, dir, 80, 24));

    type_keys(&mut app, "1");
    let saved = dir.join("lijst.profiel.toml");
    let profile = std::fs::read_to_string(&saved).expect("the profile is saved beside the file");
    assert!(profile.contains("achternaam = \"Familie\""), "{profile}");
    assert!(profile.contains("categorie = \"beheer\""), "{profile}");
    let preview = shown(&mut app, dir, 120, 40);
    assert!(preview.contains("Inlezen uit lijst.csv?"), "{preview}");
    assert!(preview.contains("5 nieuwe klant(en)"), "{preview}");
    type_keys(&mut app, "j");
    assert_eq!(count(&db, "clients"), 5);
    assert_eq!(
        db.scalar(
            "SELECT given_name || ' ' || surname || ' ' || phone || ' ' || category_code \
             FROM clients ORDER BY id LIMIT 1"
        ),
        format!("Voornaam0 Achternaam000 {} beheer", person(0).phone)
    );
    // The saved profile reads the same file from the command line: nothing new.
    let again = import(&db, &file, &saved, true);
    assert_eq!(len(&again, "new_clients"), 0, "{again}");
}

/// The preview in the cockpit, at both sizes, scrolled to its refused rows.
#[test]
fn the_cockpit_previews_an_import_and_lists_the_refused_rows() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let file = dir.join("export.csv");
    let mut text = String::from("BSN;Voornaam;Achternaam;Geboortedatum;Categorie\n");
    for n in 0..12u32 {
        let p = person(n);
        let birth = if n % 4 == 3 {
            "31-02-1990".to_owned()
        } else {
            p.birth.clone()
        };
        text.push_str(&format!(
            "{};Voornaam{n};{};{birth};beheer\n",
            p.bsn, p.surname
        ));
    }
    std::fs::write(&file, text).unwrap();
    let mut app = import_form(&db, &file);
    type_keys(&mut app, "\n");
    let shown = |app: &mut inbeeld::tui::App, w: u16, h: u16| shown(app, dir, w, h);
    let wide = shown(&mut app, 120, 40);
    assert!(wide.contains("Inlezen uit export.csv?"), "{wide}");
    assert!(wide.contains("9 nieuwe klant(en)"), "{wide}");
    insta::assert_snapshot!("import_preview_120x40", wide);
    insta::assert_snapshot!("import_preview_80x24", shown(&mut app, 80, 24));
    // To the end: the refused rows.
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::End,
        crossterm::event::KeyModifiers::NONE,
    ));
    let refused = shown(&mut app, 80, 24);
    assert!(refused.contains("geweigerd  regel    5"), "{refused}");
    insta::assert_snapshot!("import_refused_rows_80x24", refused);
    insta::assert_snapshot!("import_refused_rows_120x40", shown(&mut app, 120, 40));
    assert_eq!(count(&db, "clients"), 0, "nothing written before yes");
    type_keys(&mut app, "j");
    assert_eq!(count(&db, "clients"), 9);

    // The same file again writes nothing, and still names the rows it refuses.
    type_keys(&mut app, "I");
    app.handle_key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    type_keys(&mut app, &format!("{}\n", file.display()));
    let again = shown(&mut app, 120, 40);
    assert!(
        again.contains("Niets in te lezen uit export.csv"),
        "{again}"
    );
    assert!(again.contains("geweigerd  regel    5"), "{again}");
    assert!(!again.contains("ja ·"), "nothing to answer yes to: {again}");
    type_keys(&mut app, "j");
    assert!(!shown(&mut app, 120, 40).contains("Niets in te lezen"));
    assert_eq!(count(&db, "clients"), 9);
}

#[test]
fn an_address_is_typed_as_on_an_envelope_and_a_wrong_postcode_changes_nothing() {
    let db = common::Db::new();
    let id = db.client("Jan de Vries", "job_ready").to_string();
    db.ok(&[
        "client",
        "edit",
        &id,
        "--address",
        "2e Oosterparkstraat 12-3, 1091kx Amsterdam",
    ]);
    let shown = db.ok(&["client", "show", &id]);
    assert!(
        shown.contains("2e Oosterparkstraat 12 3, 1091 KX  AMSTERDAM"),
        "{shown}"
    );
    let stored = db.scalar(&format!(
        "SELECT street || '|' || house_number || '|' || house_number_addition || '|' || postcode \
         FROM clients WHERE id = {id}"
    ));
    assert_eq!(stored, "2e Oosterparkstraat|12|3|1091 KX");
    db.refused(
        &[
            "client",
            "edit",
            &id,
            "--address",
            "Kerkstraat 1, 109 KX Amsterdam",
        ],
        "geen postcode",
    );
    assert_eq!(
        db.scalar(&format!("SELECT postcode FROM clients WHERE id = {id}")),
        "1091 KX"
    );
}

/// What a suite's own columns hold: the whole address in one, the voorvoegsel in
/// front of the achternaam. And a row without a BSN is never a guess: a namesake who
/// may be the same client is refused, one who cannot be (another birth date) is new.
#[test]
fn one_column_addresses_and_surnames_land_and_a_namesake_without_bsn_is_never_a_duplicate() {
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let (a, b) = (person(1), person(2));
    let first = dir.join("eerste.csv");
    std::fs::write(
        &first,
        format!(
            "BSN;Voornaam;Achternaam;Geboortedatum;Adres;Categorie\n\
             {};Jan;de Vries;01-02-1980;Dorpsstraat 12 a, 8011ab Zwolle;beheer\n\
             {};Els;Bakker;03-04-1985;Kerkstraat 1, 801 AB Zwolle;beheer\n",
            a.bsn, b.bsn
        ),
    )
    .unwrap();
    let plan = db.json(&["caseload", "import", first.to_str().unwrap(), "--json"]);
    assert_eq!(len(&plan, "new_clients"), 1, "{plan}");
    let refused = &plan["plan"]["refused"][0];
    assert_eq!(refused["row"], 3);
    assert_eq!(refused["column"], "Adres");
    assert!(
        refused["reason"]
            .as_str()
            .unwrap()
            .contains("geen postcode"),
        "{refused}"
    );
    let id = db.scalar("SELECT id FROM clients");
    assert_eq!(
        db.scalar(&format!(
            "SELECT name_prefix || '|' || surname || '|' || street || '|' || house_number \
             || '|' || house_number_addition || '|' || postcode || '|' || city \
             FROM clients WHERE id = {id}"
        )),
        "de|Vries|Dorpsstraat|12|a|8011 AB|Zwolle"
    );
    db.add(&[
        "client",
        "add",
        "--name",
        "Piet Willems",
        "--category",
        "beheer",
    ]);
    assert_eq!(db.caseload_names(), ["Jan de Vries", "Piet Willems"]);

    // Next: the same Jan without a BSN or birth date, and another Jan de Vries born
    // on another day.
    let second = dir.join("tweede.csv");
    std::fs::write(
        &second,
        "Voornaam;Achternaam;Geboortedatum;Categorie\n\
         Jan;de Vries;;beheer\n\
         Jan;de Vries;05-06-1990;beheer\n",
    )
    .unwrap();
    let plan = db.json(&["caseload", "import", second.to_str().unwrap(), "--json"]);
    let refused = plan["plan"]["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 1, "{plan}");
    assert_eq!(refused[0]["row"], 2);
    let reason = refused[0]["reason"].as_str().unwrap();
    assert!(reason.contains(&format!("kan klant {id} zijn")), "{reason}");
    assert_eq!(len(&plan, "new_clients"), 1, "the other Jan: {plan}");
    let missing: Vec<&str> = plan["plan"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        ["Piet Willems"],
        "the doubted Jan is not missing too"
    );
    assert_eq!(count(&db, "clients"), 3);
}
