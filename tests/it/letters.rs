//! Letters made through the command line, read back as text from the PDF with
//! poppler's `pdftotext`. Without it the tests skip, saying so; under `CI=true`
//! that is a failure (`.ci/run` installs it).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Db;

pub(crate) const SENDER: &str = "[afzender]
gemeente = \"Gemeente Zwolle\"
afdeling = \"Werk en Inkomen\"
adres = \"Postbus 10007, 8000 GA Zwolle\"
bezoekadres = \"Stadhuis, Grote Kerkplein 15, Zwolle\"
naam = \"Sanne de Vries\"
telefoon = \"038 498 2000\"
email = \"werkeninkomen@zwolle.nl\"
";

/// Whether poppler's tools are here; without them the test skips, except in CI.
pub(crate) fn poppler() -> bool {
    let found = Command::new("pdftotext").arg("-v").output().is_ok();
    if !found {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "pdftotext (poppler-utils) is not installed: under CI=true the letter tests may not skip"
        );
        eprintln!(
            "skipped: pdftotext (poppler-utils) is not installed, so no letter can be read back"
        );
    }
    found
}

/// The text of a PDF, lines joined with spaces so a sentence wrapped over two
/// lines reads as one.
pub(crate) fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    assert!(out.status.success(), "{pdf:?} is a PDF pdftotext can read");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `pdfinfo`'s line `name: value`.
fn info(pdf: &Path, name: &str) -> String {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default()
}

pub(crate) fn settings(db: &Db, text: &str) {
    std::fs::write(db.path.with_file_name("instellingen.toml"), text).unwrap();
}

/// A client with an aanvraag received on 2 November, a hersteltermijn given on
/// 20 November to 4 December for three documents, and an afspraak on 1 December.
struct Case {
    client: String,
    herstel: String,
    afspraak: String,
}

fn case(db: &Db) -> Case {
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    db.ok(&[
        "client",
        "edit",
        &client,
        "--address",
        "Dorpsstraat 12 a, 8011ab Zwolle",
    ]);
    let app = db.aanvraag("2026-11-02", &client, "2026-11-02");
    let herstel = db
        .on(
            "2026-11-20",
            &[
                "aanvraag",
                "herstel",
                &app,
                "--missing",
                "loonstroken augustus en september; bankafschriften van alle rekeningen, laatste 3 maanden; huurcontract",
                "--given",
                "2026-11-20",
                "--end",
                "2026-12-04",
            ],
        )
        .trim()
        .to_owned();
    let afspraak = db
        .add(&[
            "appointment",
            "add",
            "--client",
            &client,
            "--date",
            "2026-12-01",
            "--time",
            "10:30",
            "--channel",
            "op_locatie",
            "--title",
            "Kennismakingsgesprek",
        ])
        .to_string();
    Case {
        client,
        herstel,
        afspraak,
    }
}

/// Makes the `kind` letter about `activity` into the letters folder: what `--json`
/// says of it.
fn made(db: &Db, kind: &str, activity: &str) -> serde_json::Value {
    db.json(&["letter", "--kind", kind, "--activity", activity, "--json"])
}

/// Makes the `kind` letter about `activity` into `out` (beside the database).
fn letter_to(db: &Db, kind: &str, activity: &str, out: &str) -> PathBuf {
    let out = db.path.with_file_name(out);
    db.ok(&[
        "letter",
        "--kind",
        kind,
        "--activity",
        activity,
        "--out",
        out.to_str().unwrap(),
    ]);
    out
}

fn letters_folder(db: &Db) -> PathBuf {
    db.path.with_file_name("brieven")
}

#[test]
fn each_letter_states_the_facts_of_its_rows_in_dutch_on_one_page() {
    if !poppler() {
        return;
    }
    let db = Db::new();
    settings(&db, SENDER);
    let case = case(&db);

    let made = made(&db, "hersteltermijn", &case.herstel);
    let pdf = PathBuf::from(made["file"].as_str().unwrap());
    assert!(pdf.starts_with(std::fs::canonicalize(letters_folder(&db)).unwrap()));
    assert_eq!(made["pages"], 1);
    let text = text_of(&pdf);
    for expected in [
        "Fatima el Amrani",
        // The window block: the postal address as PostNL asks it.
        "Dorpsstraat 12 a",
        "8011 AB ZWOLLE",
        "Gemeente Zwolle",
        "22 november 2026",
        "2 november 2026",
        "vrijdag 4 december 2026",
        "Loonstroken augustus en september",
        "Bankafschriften van alle rekeningen, laatste 3 maanden",
        "Huurcontract",
        "Uw aanvraag wordt dan buiten behandeling gesteld (artikel 4:5 van de Algemene wet bestuursrecht)",
        "meer tijd",
        "038 498 2000",
    ] {
        assert!(text.contains(expected), "hersteltermijn lacks {expected:?}: {text}");
    }
    // A comma stays inside one document: no "Laatste 3 maanden" of its own.
    assert!(!text.contains("Laatste 3 maanden"), "{text}");
    // No number of the file reaches the citizen: the aanvraag by its day of
    // receipt, a kenmerk that is no client or activity number.
    assert!(!text.contains("(aanvraag "), "{text}");
    let kenmerk = made["kenmerk"].as_str().unwrap().to_owned();
    assert!(text.contains(&format!("ons kenmerk {kenmerk}")), "{text}");
    assert!(
        !text.contains(&format!("{}-{}", case.client, case.herstel)),
        "{text}"
    );
    assert_eq!(info(&pdf, "Pages"), "1");
    // Every font is in the file (PDF/A): the letter looks the same everywhere.
    let fonts = Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .expect("pdffonts");
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding] emb sub uni object ID: `emb` is the fifth from the end.
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {row}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pdf).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "a letter is its owner's only: {mode:o}");
    }

    let out = letter_to(&db, "uitnodiging", &case.afspraak, "uitnodiging.pdf");
    let text = text_of(&out);
    for expected in [
        "Fatima el Amrani",
        "dinsdag 1 december 2026 om 10:30 uur",
        // A place to come to, never the postbus.
        "Waar: op het gemeentehuis, Stadhuis, Grote Kerkplein 15, Zwolle",
        "Kennismakingsgesprek",
        "identiteitsbewijs",
        "Kunt u niet?",
    ] {
        assert!(
            text.contains(expected),
            "uitnodiging lacks {expected:?}: {text}"
        );
    }
    assert!(
        !text.contains("Waar: op het gemeentehuis, Postbus"),
        "a postbus is no place to come to: {text}"
    );
    assert_eq!(info(&out, "Pages"), "1");

    for (activity, expected) in [
        (&case.herstel, "nog tot en met vrijdag 4 december 2026"),
        (&case.afspraak, "onze afspraak op dinsdag 1 december 2026"),
    ] {
        let made = db.json(&[
            "letter",
            "--kind",
            "herinnering",
            "--activity",
            activity,
            "--json",
        ]);
        let text = text_of(Path::new(made["file"].as_str().unwrap()));
        assert!(
            text.contains(expected),
            "herinnering lacks {expected:?}: {text}"
        );
        assert!(text.contains("Fatima el Amrani"));
        assert_eq!(made["pages"], 1);
    }

    // All four are in the dossier's list, none sent yet.
    let listed = db.json(&["letter", "list", "--client", &case.client, "--json"]);
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 4, "{listed}");
    for kind in ["hersteltermijn", "uitnodiging", "herinnering"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["sent_on"].is_null()));
}

/// The letters of the rest of the clock: an informatieverzoek says what is asked,
/// by when and what follows (Pw art. 17 and 54, never Awb 4:5); the voornemen tot
/// een maatregel names the signaal it came from and the last day for the
/// zienswijze (Awb 4:8), and that it is no besluit yet.
#[test]
fn an_informatieverzoek_and_a_voornemen_state_their_process_and_its_law() {
    if !poppler() {
        return;
    }
    let db = Db::new();
    settings(&db, SENDER);
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    let verzoek = db
        .add(&[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "informatieverzoek",
            "--start",
            "2026-11-22",
            "--end",
            "2026-12-07",
            "--title",
            "Informatieverzoek bankafschriften oktober en november; huurverhoging 2027",
        ])
        .to_string();
    let asked = made(&db, "informatieverzoek", &verzoek);
    // No postal address: made all the same, and said.
    let out = db
        .cmd()
        .args([
            "letter",
            "--kind",
            "informatieverzoek",
            "--activity",
            &verzoek,
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("geen postadres bekend"),
        "{out:?}"
    );
    let text = text_of(Path::new(asked["file"].as_str().unwrap()));
    for expected in [
        "Fatima el Amrani",
        "Bankafschriften oktober en november",
        "Huurverhoging 2027",
        "maandag 7 december 2026",
        "artikel 17 van de Participatiewet",
        "opschorten",
        "artikel 54 van de Participatiewet",
    ] {
        assert!(
            text.contains(expected),
            "informatieverzoek lacks {expected:?}: {text}"
        );
    }
    assert!(
        !text.contains("4:5"),
        "an informatieverzoek is no Awb 4:5: {text}"
    );
    assert!(
        !text.contains("Informatieverzoek bankafschriften"),
        "the type's word is no part of what is asked: {text}"
    );
    assert_eq!(asked["pages"], 1);

    // A signaal weighed on 22 November: the voornemen plans the zienswijze.
    let signaal = db
        .add(&[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "maatregel",
            "--start",
            "2026-11-20",
            "--end",
            "2026-12-04",
            "--title",
            "Niet verschenen op het sollicitatiegesprek bij Jumbo op 18 november",
        ])
        .to_string();
    db.ok(&[
        "activity",
        "close",
        &signaal,
        "--outcome",
        "voornemen",
        "--note",
        "Tweede keer dit jaar",
    ]);
    let zienswijze =
        db.scalar("SELECT id FROM activities WHERE type_code = 'zienswijze' AND status = 'open'");
    // The voornemen is a letter of the zienswijze, not of the signaal.
    db.refused(
        &["letter", "--kind", "voornemen", "--activity", &verzoek],
        "bij een informatieverzoek hoort de informatieverzoekbrief",
    );
    let made = made(&db, "voornemen", &zienswijze);
    let text = text_of(Path::new(made["file"].as_str().unwrap()));
    for expected in [
        "Voornemen tot het opleggen van een maatregel",
        "Niet verschenen op het sollicitatiegesprek bij Jumbo op 18 november",
        "zienswijze",
        "artikel 4:8 van de Algemene wet bestuursrecht",
        "Dit is nog geen besluit",
    ] {
        assert!(
            text.contains(expected),
            "voornemen lacks {expected:?}: {text}"
        );
    }
    assert!(
        !text.contains("Tweede keer dit jaar"),
        "the klantmanager's own note stays out of the letter: {text}"
    );
    // The zienswijze says what it is about: the signaal, in the klantmanager's words.
    assert_eq!(
        db.scalar("SELECT title FROM activities WHERE type_code = 'zienswijze'"),
        "Zienswijze op het voornemen tot een maatregel (Awb 4:8) — Niet verschenen op het \
         sollicitatiegesprek bij Jumbo op 18 november"
    );
    let end = db.scalar("SELECT end_date FROM activities WHERE type_code = 'zienswijze'");
    assert_eq!(
        end, "2026-12-07",
        "fourteen days from the voornemen, on a working day"
    );
    assert!(text.contains("maandag 7 december 2026"), "{text}");
    assert_eq!(made["pages"], 1);
    let listed = db.json(&["letter", "list", "--client", &client, "--json"]);
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["voornemen", "informatieverzoek", "informatieverzoek"],
        "{listed}"
    );

    // A signaal with only its type's name and a voornemen without a word: the
    // letter would give no reason, and is refused.
    let bare = db
        .add(&[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "maatregel",
            "--start",
            "2026-11-22",
            "--end",
            "2026-12-01",
        ])
        .to_string();
    db.ok(&["activity", "close", &bare, "--outcome", "voornemen"]);
    let second = db.scalar(
        "SELECT max(id) FROM activities WHERE type_code = 'zienswijze' AND status = 'open'",
    );
    db.refused(
        &["letter", "--kind", "voornemen", "--activity", &second],
        "noemt geen reden",
    );
}

#[test]
fn a_letter_sent_is_a_contact_by_letter_on_its_day_and_is_sent_once() {
    let db = Db::new();
    settings(&db, SENDER);
    let case = case(&db);
    let made = made(&db, "hersteltermijn", &case.herstel);
    let id = made["id"].to_string();
    db.refused(
        &["letter", "sent", &id, "--on", "2026-11-23"],
        "ligt in de toekomst",
    );
    db.refused(
        &["letter", "sent", &id, "--on", "2026-11-21"],
        "vóór de dag waarop de brief is gemaakt",
    );
    let out = db.ok(&["letter", "sent", &id]);
    assert!(out.contains("brief verstuurd op"), "{out}");
    assert_eq!(
        db.scalar(&format!(
            "SELECT channel_code || ' ' || contact_date FROM contacts WHERE id =
             (SELECT contact_id FROM letters WHERE id = {id})"
        )),
        "brief 2026-11-22"
    );
    assert_eq!(
        db.scalar(&format!("SELECT sent_on FROM letters WHERE id = {id}")),
        "2026-11-22"
    );
    db.refused(&["letter", "sent", &id], "is al verstuurd");

    // Undone, the contact is undone and the letter is unsent again.
    db.ok(&["undo", "--yes"]);
    assert_eq!(
        db.scalar(&format!("SELECT sent_on FROM letters WHERE id = {id}")),
        "NULL"
    );
    assert_eq!(
        db.scalar(
            "SELECT count(*) FROM contacts WHERE channel_code = 'brief' AND undone_at IS NULL"
        ),
        "0"
    );
}

#[test]
fn a_letter_for_the_wrong_activity_or_without_a_sender_is_refused_and_nothing_is_made() {
    let db = Db::new();
    let case = case(&db);
    // No settings: the message names the fields and the file.
    let settings_file = db.path.with_file_name("instellingen.toml");
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.afspraak,
        ],
        "[afzender]",
    );
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.afspraak,
        ],
        &settings_file.display().to_string(),
    );
    settings(
        &db,
        &SENDER.replace("email = \"werkeninkomen@zwolle.nl\"\n", ""),
    );
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.afspraak,
        ],
        "nog in: email",
    );
    settings(&db, SENDER);
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.herstel,
        ],
        "kan niet bij activiteit",
    );
    db.refused(
        &[
            "letter",
            "--kind",
            "hersteltermijn",
            "--activity",
            &case.afspraak,
        ],
        "bij een afspraak horen de uitnodiging en de herinnering",
    );
    let traject = db
        .add(&[
            "activity",
            "add",
            "--client",
            &case.client,
            "--type",
            "traject",
            "--title",
            "Taaltraject",
            "--start",
            "2026-11-22",
            "--end",
            "2027-02-22",
        ])
        .to_string();
    db.refused(
        &["letter", "--kind", "herinnering", "--activity", &traject],
        "brieven zijn er voor afspraken, hersteltermijnen, informatieverzoeken",
    );
    db.refused(
        &["letter", "--kind", "uitnodiging", "--activity", "9999"],
        "onbekende activiteit",
    );
    assert!(
        !letters_folder(&db).exists()
            || std::fs::read_dir(letters_folder(&db))
                .unwrap()
                .next()
                .is_none(),
        "no file for a refused letter"
    );
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "0");
}

#[test]
fn a_municipality_template_is_used_and_its_error_names_template_line_and_field() {
    if !poppler() {
        return;
    }
    let db = Db::new();
    let folder = db.path.with_file_name("sjablonen");
    std::fs::create_dir(&folder).unwrap();
    settings(
        &db,
        &format!("{SENDER}\n[brieven]\nsjablonen = \"sjablonen\"\n"),
    );
    let case = case(&db);

    // A logo beside the built-in house style is placed on the letter.
    std::fs::write(
        folder.join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><rect width=\"40\" height=\"20\" fill=\"#0a5\"/></svg>",
    )
    .unwrap();
    let with_logo = letter_to(&db, "uitnodiging", &case.afspraak, "logo.pdf");
    let plain = db.path.with_file_name("zonder-logo.pdf");
    std::fs::remove_file(folder.join("logo.svg")).unwrap();
    db.ok(&[
        "letter",
        "--kind",
        "uitnodiging",
        "--activity",
        &case.afspraak,
        "--out",
        plain.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read(&with_logo).unwrap().len() > std::fs::read(&plain).unwrap().len(),
        "the logo is in the letter"
    );

    // Its own house style: every letter gets it, the letters' own text stays.
    std::fs::write(
        folder.join("brief.typ"),
        "#let brief(g, onderwerp, body) = {\n  [Huisstijl Deventer: #onderwerp]\n  parbreak()\n  [Beste #g.klant.naam,]\n  parbreak()\n  body\n}\n",
    )
    .unwrap();
    let out = letter_to(&db, "uitnodiging", &case.afspraak, "eigen.pdf");
    let text = text_of(&out);
    assert!(
        text.contains("Huisstijl Deventer: Uitnodiging voor een gesprek"),
        "{text}"
    );
    assert!(text.contains("dinsdag 1 december 2026"), "{text}");

    // A field that is not there: the template, its line and the field.
    std::fs::write(
        folder.join("uitnodiging.typ"),
        "#import \"brief.typ\": brief\n#let g = json(\"gegevens.json\")\n#show: brief.with(g, [Uitnodiging])\n\nU bent welkom op #g.afspraak.datum_voluit.\n",
    )
    .unwrap();
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.afspraak,
        ],
        "sjabloon uitnodiging.typ, regel 5: het veld \"datum_voluit\" staat niet in de gegevens",
    );
    // A typing error in markup.
    std::fs::write(
        folder.join("uitnodiging.typ"),
        "#let g = json(\"gegevens.json\"\n",
    )
    .unwrap();
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &case.afspraak,
        ],
        "sjabloon uitnodiging.typ, regel 1",
    );
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "3");
}

// A symbolic link to /etc/passwd: made the Unix way.
#[cfg(unix)]
#[test]
fn a_template_reads_only_regular_files_inside_its_folder_and_a_missing_folder_is_said() {
    let db = Db::new();
    settings(
        &db,
        &format!("{SENDER}\n[brieven]\nsjablonen = \"nergens\"\n"),
    );
    let case = case(&db);
    let make = [
        "letter",
        "--kind",
        "uitnodiging",
        "--activity",
        &case.afspraak,
    ];
    db.refused(&make, "de map met sjablonen");

    let folder = db.path.with_file_name("sjablonen");
    std::fs::create_dir(&folder).unwrap();
    settings(
        &db,
        &format!("{SENDER}\n[brieven]\nsjablonen = \"sjablonen\"\n"),
    );
    std::fs::write(folder.join("uitnodiging.typ"), "#read(\"geheim.txt\")\n").unwrap();
    std::os::unix::fs::symlink("/etc/passwd", folder.join("geheim.txt")).unwrap();
    db.refused(&make, "wijst buiten de map met sjablonen");

    std::fs::remove_file(folder.join("geheim.txt")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(folder.join("geheim.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    // A FIFO would wait for a writer for ever: refused at once.
    db.refused(&make, "is geen gewoon bestand");
}
