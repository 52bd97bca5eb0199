//! The documents beside the letters, made through the command line and read back
//! with `pdftotext`: the plan van aanpak with every goal and its deadline, the
//! besluit buiten behandeling with the aanvraag's own dates and the bezwaartermijn
//! inbeeld computed, a besluit in the municipality's words, and a rapportage with
//! every contact of its period and nothing outside it.

use std::path::Path;

use crate::common::Db;
use crate::letters::{poppler, settings, text_of, SENDER};

fn made(db: &Db, today: &str, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["document"];
    all.extend_from_slice(args);
    all.push("--json");
    db.json_on(today, &all)
}

fn pdf_text(made: &serde_json::Value) -> String {
    text_of(Path::new(made["file"].as_str().unwrap()))
}

/// A client with an address, a plan of two goals and a traject, contacts before,
/// in and after September, and an aanvraag put buiten behandeling after a
/// hersteltermijn ran out.
fn case(db: &Db) -> (String, String) {
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    db.ok(&[
        "client",
        "edit",
        &client,
        "--address",
        "Dorpsstraat 12 a, 8011ab Zwolle",
    ]);
    db.on("2026-08-03", &["plan", "new", "--client", &client]);
    for (text, domain, deadline) in [
        ("Rondt de VCA-cursus af", "werk", "2027-03-01"),
        (
            "Schulden in beeld bij de schuldhulpverlening",
            "financien",
            "2027-01-15",
        ),
    ] {
        db.on(
            "2026-08-03",
            &[
                "plan",
                "goal",
                "--client",
                &client,
                "--text",
                text,
                "--domain",
                domain,
                "--deadline",
                deadline,
            ],
        );
    }
    db.on(
        "2026-08-03",
        &[
            "plan",
            "evaluation",
            "--client",
            &client,
            "--date",
            "2027-02-01",
        ],
    );
    db.on(
        "2026-08-03",
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "traject",
            "--start",
            "2026-08-10",
            "--end",
            "2027-02-10",
            "--title",
            "Werkfit bij de kringloop",
        ],
    );
    db.on(
        "2026-08-03",
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "werkervaringsplaats",
            "--start",
            "2026-09-01",
            "--end",
            "2027-03-01",
            "--title",
            "WEP groenvoorziening",
        ],
    );
    // Not an agreement: the municipality's own onderzoek.
    db.on(
        "2026-08-03",
        &[
            "activity",
            "add",
            "--client",
            &client,
            "--type",
            "onderzoek",
            "--start",
            "2026-09-01",
            "--end",
            "2027-03-01",
            "--title",
            "Onderzoek woonsituatie",
        ],
    );
    for (day, note) in [
        ("2026-08-20", "voor de periode"),
        ("2026-09-01", "eerste dag van de periode"),
        ("2026-09-15", "midden in de periode"),
        ("2026-09-30", "laatste dag van de periode"),
        ("2026-10-01", "na de periode"),
    ] {
        db.on(
            day,
            &[
                "contact",
                "add",
                "--client",
                &client,
                "--channel",
                "telefoon",
                "--note",
                note,
            ],
        );
    }
    db.on(
        "2026-09-10",
        &[
            "note",
            "add",
            "--client",
            &client,
            "--text",
            "Notitie in september",
        ],
    );
    db.on(
        "2026-10-10",
        &[
            "note",
            "add",
            "--client",
            &client,
            "--text",
            "Notitie in oktober",
        ],
    );
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
    let herstel = db
        .on(
            "2026-10-05",
            &[
                "aanvraag",
                "herstel",
                &app,
                "--missing",
                "Bankafschriften van alle rekeningen, laatste 3 maanden; loonstroken oktober",
                "--end",
                "2026-10-19",
            ],
        )
        .trim()
        .to_owned();
    db.on(
        "2026-10-21",
        &["activity", "close", &herstel, "--outcome", "niet_ontvangen"],
    );
    (client, app)
}

#[test]
fn the_plan_the_besluit_and_the_rapportage_state_what_they_must() {
    if !poppler() {
        return;
    }
    let db = Db::new();
    settings(&db, SENDER);
    let (client, app) = case(&db);

    // The plan van aanpak: every goal with its deadline and life domain, the
    // traject, the evaluation and room for both signatures.
    let plan = made(&db, "2026-11-23", &["plan", "--client", &client]);
    assert_eq!(plan["kind"], "plan");
    assert_eq!(plan["record"]["kind"], "plan");
    assert_eq!(plan["record"]["about"], "versie 1");
    let text = pdf_text(&plan);
    for expected in [
        "Plan van aanpak (versie 1)",
        "Rondt de VCA-cursus af",
        "1 maart 2027",
        "Schulden in beeld bij de schuldhulpverlening",
        "15 januari 2027",
        "Werkfit bij de kringloop",
        "WEP groenvoorziening",
        "maandag 1 februari 2027",
        "Handtekening",
        "artikel 44a van de Participatiewet",
    ] {
        assert!(text.contains(expected), "plan lacks {expected:?}: {text}");
    }
    assert!(!text.contains("Onderzoek woonsituatie"), "{text}");
    // A new version makes a new document; the first stays as it was printed.
    db.on("2026-11-24", &["plan", "new", "--client", &client]);
    let second = made(&db, "2026-11-24", &["plan", "--client", &client]);
    assert_eq!(second["record"]["about"], "versie 2");
    assert_ne!(second["file"], plan["file"]);
    assert!(pdf_text(&plan).contains("Rondt de VCA-cursus af"));

    // The besluit waits for the besluit itself: then it recounts the aanvraag's
    // own dates and the bezwaartermijn inbeeld computed.
    db.refused_on(
        "2026-10-28",
        &["document", "besluit", "--aanvraag", &app],
        "heeft nog geen besluit",
    );
    db.on(
        "2026-10-28",
        &[
            "aanvraag",
            "decide",
            &app,
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-10-28",
        ],
    );
    let besluit = made(&db, "2026-10-28", &["besluit", "--aanvraag", &app]);
    assert_eq!(besluit["record"]["about"], "aanvraag ontvangen 2026-10-01");
    let text = pdf_text(&besluit);
    for expected in [
        "Dorpsstraat 12 a",
        "Op 1 oktober 2026 hebben wij uw aanvraag",
        "Op 5 oktober 2026 hebben wij u gevraagd ons tot en met maandag 19 oktober 2026",
        "Bankafschriften van alle rekeningen, laatste 3 maanden",
        "Loonstroken oktober",
        "artikel 4:5 van de Algemene wet bestuursrecht",
        // Six weeks from the bekendmaking on 28 October.
        "uiterlijk op woensdag 9 december 2026",
        "Bent u het niet eens met dit besluit?",
    ] {
        assert!(
            text.contains(expected),
            "besluit lacks {expected:?}: {text}"
        );
    }
    assert!(!text.contains(&format!("aanvraag {app}")), "{text}");
    assert_eq!(besluit["pages"], 1, "a besluit that fits one sheet");
    assert!(
        text.contains("namens het college van burgemeester en wethouders"),
        "{text}"
    );
    // The municipality's own besluit needs its motivering.
    db.refused_on(
        "2026-10-28",
        &[
            "document",
            "besluit",
            "--aanvraag",
            &app,
            "--kind",
            "besluit",
        ],
        "motivering",
    );
    let own = made(
        &db,
        "2026-10-28",
        &[
            "besluit",
            "--aanvraag",
            &app,
            "--kind",
            "besluit",
            "--text",
            "U heeft de gevraagde stukken niet gestuurd.",
        ],
    );
    let text = pdf_text(&own);
    for expected in [
        "U heeft de gevraagde stukken niet gestuurd.",
        "uiterlijk op woensdag 9 december 2026",
    ] {
        assert!(
            text.contains(expected),
            "own besluit lacks {expected:?}: {text}"
        );
    }

    // The rapportage of September: every contact of the period, its first and last
    // day too, and nothing outside it; beside the PDF the same as plain text.
    let report = made(
        &db,
        "2026-11-23",
        &[
            "rapportage",
            "--client",
            &client,
            "--from",
            "2026-09-01",
            "--to",
            "2026-09-30",
        ],
    );
    assert_eq!(report["record"]["about"], "2026-09-01 t/m 2026-09-30");
    let plain = std::fs::read_to_string(report["text"].as_str().unwrap()).unwrap();
    for text in [
        pdf_text(&report),
        plain.split_whitespace().collect::<Vec<_>>().join(" "),
    ] {
        for inside in [
            "eerste dag van de periode",
            "midden in de periode",
            "laatste dag van de periode",
            "Notitie in september",
            "Werkfit bij de kringloop",
            "Rondt de VCA-cursus af",
        ] {
            assert!(text.contains(inside), "rapportage lacks {inside:?}: {text}");
        }
        for outside in ["voor de periode", "na de periode", "Notitie in oktober"] {
            assert!(
                !text.contains(outside),
                "rapportage has {outside:?}: {text}"
            );
        }
    }

    // All are in the dossier's list of letters.
    let listed = db.json(&["letter", "list", "--client", &client, "--json"]);
    let kinds: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    for kind in ["plan", "buiten_behandeling", "besluit", "rapportage"] {
        assert!(kinds.contains(&kind), "{kinds:?}");
    }
}

/// What cannot be made is refused with a reason, and nothing is recorded.
#[test]
fn a_document_that_cannot_be_made_is_refused_and_nothing_is_recorded() {
    let db = Db::new();
    settings(&db, SENDER);
    let client = db.client("Bart Smit", "job_ready").to_string();
    db.refused(&["document", "plan", "--client", &client], "plan");
    db.refused(
        &[
            "document",
            "rapportage",
            "--client",
            &client,
            "--from",
            "2026-10-01",
            "--to",
            "2026-09-01",
        ],
        "2026-09-01",
    );
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
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
    db.refused(
        &["document", "besluit", "--aanvraag", &app],
        "niet buiten behandeling gesteld maar toegekend",
    );
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "0");
    // An invitation to come needs the bezoekadres, a call does not.
    let without = SENDER
        .lines()
        .filter(|l| !l.starts_with("bezoekadres"))
        .collect::<Vec<_>>()
        .join("\n");
    settings(&db, &without);
    let come = db.add(&[
        "appointment",
        "add",
        "--client",
        &client,
        "--date",
        "2027-01-05",
        "--time",
        "10:00",
        "--channel",
        "op_locatie",
    ]);
    db.refused(
        &[
            "letter",
            "--kind",
            "uitnodiging",
            "--activity",
            &come.to_string(),
        ],
        "geen bezoekadres",
    );
    let call = db.add(&[
        "appointment",
        "add",
        "--client",
        &client,
        "--date",
        "2027-01-06",
        "--time",
        "10:00",
        "--channel",
        "telefoon",
    ]);
    db.ok(&[
        "letter",
        "--kind",
        "uitnodiging",
        "--activity",
        &call.to_string(),
    ]);
    // An afspraak at a place of its own needs no bezoekadres: it names its place.
    let elsewhere = db.add(&[
        "appointment",
        "add",
        "--client",
        &client,
        "--date",
        "2027-01-07",
        "--time",
        "10:00",
        "--channel",
        "op_locatie",
        "--location",
        "Wijkcentrum De Kroon, Kerkstraat 4, Zwolle",
    ]);
    let made = db.json(&[
        "letter",
        "--kind",
        "uitnodiging",
        "--activity",
        &elsewhere.to_string(),
        "--json",
    ]);
    if poppler() {
        let text = pdf_text(&made);
        assert!(
            text.contains("Waar: Wijkcentrum De Kroon, Kerkstraat 4, Zwolle"),
            "{text}"
        );
    }
}
