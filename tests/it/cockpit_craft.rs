//! The cockpit as a klantmanager's week of trying it found it: a key that does
//! nothing says why, one Esc leaves a flow, the week has no dead lines, a call has
//! its number at hand, and what matters is not cut.

use crossterm::event::KeyCode;
use inbeeld::demo::{self, Options};
use inbeeld::domain::client::NewClient;
use inbeeld::store::Store;
use inbeeld::tui::{App, Screen, Session};
use inbeeld::workflow;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use crate::common::{self, press, today, type_keys};

fn session() -> Session {
    Session {
        today: today(),
        today_overridden: true,
        db_label: "proef.sqlite".into(),
        read_only: false,
        peeking: false,
    }
}

fn demo_app(db: &common::Db) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    App::new(store, session()).unwrap()
}

fn client(store: &mut Store, name: &str, phone: Option<&str>) -> i64 {
    workflow::add_client(
        store,
        &NewClient {
            name: name.into(),
            bsn: None,
            birth_date: None,
            category: "job_ready".into(),
            phone: phone.map(Into::into),
            email: None,
            contact_preference: None,
            ..Default::default()
        },
        today(),
    )
    .unwrap()
    .id()
}

fn screen_at(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend())
}

fn status(app: &mut App) -> String {
    common::screen(app).lines().last().unwrap().to_owned()
}

#[test]
fn a_key_that_does_nothing_here_is_not_offered_and_says_why() {
    let db = common::Db::new();
    let mut app = App::new(Store::open(&db.path).unwrap(), session()).unwrap();
    // An empty werkvoorraad: nothing to handle.
    assert!(
        !status(&mut app).contains("afhandelen"),
        "{}",
        status(&mut app)
    );
    press(&mut app, KeyCode::Char('a'));
    assert!(!app.popup_open());
    assert_eq!(app.message(), Some("Er staat hier geen werkitem."));
    // A vervolgactie needs a client.
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(app.message(), Some("Kies eerst een klant."));

    // With work, the same key is offered and opens its flow.
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", None);
    workflow::add_follow_up(
        &mut store,
        id,
        "Bellen over de kinderopvang",
        today(),
        today(),
    )
    .unwrap();
    let mut app = App::new(store, session()).unwrap();
    assert!(
        status(&mut app).contains("afhandelen"),
        "{}",
        status(&mut app)
    );
    press(&mut app, KeyCode::Char('a'));
    assert!(app.popup_open(), "{:?}", app.message());
}

#[test]
fn one_esc_leaves_the_whole_flow() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    // The caseload, a dossier, a score: a picker of life domains, then its form.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(app.screen(), Screen::Dossier);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('1'));
    assert!(common::screen(&mut app).contains("Score (1 grote zorgen"));
    press(&mut app, KeyCode::Esc);
    assert!(!app.popup_open(), "one Esc closes the form and its picker");

    // Over typed text Esc asks once more, then closes all of it.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('1'));
    type_keys(&mut app, "3");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup_open(), "typed text is not thrown away at once");
    press(&mut app, KeyCode::Esc);
    assert!(!app.popup_open());
}

#[test]
fn the_week_selects_only_lines_about_a_client_and_can_be_searched() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    press(&mut app, KeyCode::Char('3'));
    let first = app.selected_client();
    assert!(
        first.is_some(),
        "the cursor starts on a line about a client"
    );
    // Down through the whole week: never on a day's heading or a blank line.
    for _ in 0..app.visible_rows() {
        press(&mut app, KeyCode::Down);
        assert!(app.selected_client().is_some());
    }
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.selected_client(), first);

    // A search keeps the days and the lines that hold the words.
    let lines = app.visible_rows();
    press(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "huisbezoek\n");
    let shown = common::screen(&mut app);
    assert!(app.visible_rows() < lines, "{shown}");
    assert!(shown.contains("zoek 'huisbezoek'"), "{shown}");
    assert!(shown.contains("Huisbezoek"), "{shown}");
    assert!(!shown.contains("  eindigt "), "{shown}");
    // A day without a match is left out while searching.
    let days = shown
        .lines()
        .filter(|l| l.contains(" afspraken · ") || l.contains(" afspraak · "))
        .count();
    assert!(days < 7, "{shown}");
    let found = app.selected_client();
    assert!(found.is_some());
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_rows(), lines, "Esc clears the search");
    assert_eq!(app.selected_client(), found, "the same line stays selected");
}

#[test]
fn a_call_has_the_number_and_the_afspraak_at_hand() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", Some("06-12345678"));
    let wednesday = "2026-11-25".parse().unwrap();
    workflow::add_appointment(
        &mut store,
        &inbeeld::domain::appointment::NewAppointment {
            client: id,
            date: wednesday,
            time: Some("10:00"),
            channel: "telefoon",
            title: Some("Voortgang"),
            duration: None,
            location: None,
        },
        today(),
    )
    .unwrap();
    // Tuesday, the working day before: the day to call.
    let tuesday = Session {
        today: "2026-11-24".parse().unwrap(),
        ..session()
    };
    let mut app = App::new(store, tuesday).unwrap();
    // The nabellen item of the afspraak; the kind is not said twice.
    let shown = common::screen(&mut app);
    assert!(shown.contains("herinner aan de afspraak"), "{shown}");
    assert!(!shown.contains("Nabellen: herinner"), "{shown}");
    press(&mut app, KeyCode::Char('a'));
    let shown = common::screen(&mut app);
    assert!(shown.contains("Telefoon: 06-12345678"), "{shown}");
    assert!(
        shown.contains("Afspraak: wo 25 nov 2026 om 10:00 (Telefoon)"),
        "{shown}"
    );
}

#[test]
fn an_afspraak_is_held_by_a_channel_one_can_meet_by() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    client(&mut store, "Ans Visser", None);
    let mut app = App::new(store, session()).unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('a'));
    // Job ready: traject, scholing, onderzoek, hersteltermijn, afspraak.
    press(&mut app, KeyCode::Char('5'));
    let shown = common::screen(&mut app);
    assert!(shown.contains("Afspraak: kanaal"), "{shown}");
    assert!(shown.contains("Beeldbellen"), "{shown}");
    assert!(
        !shown.contains("Brief") && !shown.contains("E-mail"),
        "{shown}"
    );
}

/// An afspraak lasts the catalogue's 45 minutes unless the form says otherwise; only
/// another length is stored (the agenda then takes it).
#[test]
fn an_afspraak_takes_the_length_the_form_gives_it() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    client(&mut store, "Ans Visser", None);
    let mut app = App::new(store, session()).unwrap();
    for (minutes, stored) in [("", "NULL"), ("90", "90")] {
        type_keys(&mut app, "2oa5");
        press(&mut app, KeyCode::Char('1'));
        let shown = common::screen(&mut app);
        assert!(shown.contains("Duur in minuten"), "{shown}");
        // Title, date, time: to the length, which shows the catalogue's.
        for _ in 0..3 {
            press(&mut app, KeyCode::Tab);
        }
        if !minutes.is_empty() {
            for _ in 0..2 {
                press(&mut app, KeyCode::Backspace);
            }
            type_keys(&mut app, minutes);
        }
        press(&mut app, KeyCode::Enter);
        assert_eq!(
            db.scalar(
                "SELECT coalesce(duration_minutes, 'NULL') FROM activities \
                 WHERE type_code = 'afspraak' ORDER BY id DESC LIMIT 1"
            ),
            stored
        );
        press(&mut app, KeyCode::Esc);
    }
}

/// A hersteltermijn given without an aanvraag goes on as an informatieverzoek from
/// the dossier's Aanvragen tab: `I`, yes; one of an aanvraag is refused, saying why.
#[test]
fn a_loose_hersteltermijn_goes_on_as_an_informatieverzoek_by_keys() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", None);
    let herstel = workflow::add_activity(
        &mut store,
        &inbeeld::domain::activity::NewActivity {
            client_id: id,
            type_code: "hersteltermijn".into(),
            title: Some("Loonstroken".into()),
            start_date: today(),
            end_date: today() + chrono::Days::new(14),
        },
        None,
        today(),
    )
    .unwrap()
    .id();
    let mut app = App::new(store, session()).unwrap();
    type_keys(&mut app, "2olGI");
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("Als informatieverzoek voortzetten?"),
        "{shown}"
    );
    assert!(shown.contains("Loonstroken"), "{shown}");
    type_keys(&mut app, "j");
    assert_eq!(
        db.scalar(&format!(
            "SELECT type_code FROM activities WHERE id = {herstel}"
        )),
        "informatieverzoek"
    );
    let shown = common::screen(&mut app);
    assert!(shown.contains("voortaan informatieverzoek"), "{shown}");
    // Once more on what is an informatieverzoek now: refused before any question.
    type_keys(&mut app, "hGI");
    let shown = common::screen(&mut app);
    assert!(
        !shown.contains("Als informatieverzoek voortzetten?"),
        "{shown}"
    );
    assert!(
        shown.contains("Alleen een hersteltermijn zonder aanvraag"),
        "{shown}"
    );
}

#[test]
fn the_ladder_form_names_every_step_and_uitstroom_names_work_by_what_it_is() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", None);
    workflow::add_follow_up(
        &mut store,
        id,
        "Bellen over de kinderopvang",
        today(),
        today(),
    )
    .unwrap();
    let mut app = App::new(store, session()).unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('t'));
    let shown = common::screen(&mut app);
    for step in [
        "1 geïsoleerd",
        "2 sociale contacten buitenshuis",
        "3 deelname aan georganiseerde activiteiten",
        "4 onbetaald werk",
        "5 betaald werk met ondersteuning",
        "6 betaald werk",
    ] {
        assert!(shown.contains(step), "{step}: {shown}");
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('U'));
    press(&mut app, KeyCode::Char('1'));
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("· werkitem: Bellen over de kinderopvang"),
        "{shown}"
    );
    assert!(!shown.contains("werkitem 1"), "no numbers: {shown}");
}

#[test]
fn at_80_columns_the_werkvoorraad_gives_its_room_to_what_is_asked() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let narrow = screen_at(&mut app, 80, 24);
    let header = narrow.lines().nth(2).unwrap();
    assert!(
        header.contains("Wat") && !header.contains("Soort"),
        "{narrow}"
    );
    // The group headings do not widen the first column: a late item's row
    // shows what is asked from the 38th column on.
    let row = narrow
        .lines()
        .find(|l| l.contains("Contact opnemen"))
        .expect("a contact item");
    assert!(row.find("Contact opnemen").unwrap() < 40, "{row}");
    let wide = common::screen(&mut app);
    assert!(wide.lines().nth(2).unwrap().contains("Soort"), "{wide}");
}

#[test]
fn a_message_longer_than_the_status_line_is_shown_whole() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", None);
    for (name, time) in [("Eerste", "10:00"), ("Tweede", "11:00")] {
        workflow::add_appointment(
            &mut store,
            &inbeeld::domain::appointment::NewAppointment {
                client: id,
                date: "2026-11-25".parse().unwrap(),
                time: Some(time),
                channel: "telefoon",
                title: Some(name),
                duration: None,
                location: None,
            },
            today(),
        )
        .unwrap();
    }
    let mut app = App::new(store, session()).unwrap();
    // Move the first onto the second one's hour: the clash is said after it.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('m'));
    assert!(common::screen(&mut app).contains("Afspraak verplaatsen: Eerste"));
    press(&mut app, KeyCode::Tab);
    app.handle_key(crossterm::event::KeyEvent::new(
        KeyCode::Char('u'),
        crossterm::event::KeyModifiers::CONTROL,
    ));
    type_keys(&mut app, "11:00\n");
    assert!(!app.popup_open(), "{}", common::screen(&mut app));
    let message = app.message().unwrap().to_owned();
    assert!(message.len() > 80, "{message}");
    // At 80 columns the status line cannot hold it: it is shown whole above.
    let shown = screen_at(&mut app, 80, 24);
    let flat: String = shown
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    let last_words: Vec<&str> = message.split_whitespace().rev().take(3).collect();
    assert!(
        last_words.iter().all(|w| flat.contains(w)),
        "the end of '{message}' is on the screen: {shown}"
    );
}

#[test]
fn a_refusal_in_the_cockpit_names_its_key_and_no_command() {
    let db = common::Db::new();
    let client = db.client("Jan de Vries", "job_ready");
    db.aanvraag(common::TODAY, &client.to_string(), common::TODAY);
    let mut app = App::new(Store::open(&db.path).unwrap(), session()).unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    // Uitstroom while the aanvraag waits for its besluit.
    press(&mut app, KeyCode::Char('U'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(
        app.popup_open(),
        "refused in the form that asked: {:?}",
        app.message()
    );
    let shown = common::screen(&mut app);
    let flat: String = shown.lines().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("wacht nog op een besluit"), "{shown}");
    assert!(flat.contains("(toets B op de tab Aanvragen)"), "{shown}");
    assert!(
        !flat.contains("'inbeeld") && !flat.contains("--settle"),
        "{shown}"
    );
}

#[test]
fn a_new_version_of_the_plan_keeps_its_running_goals() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Ans Visser", None);
    let mut app = App::new(store, session()).unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    // No plan yet: the key says what comes first.
    press(&mut app, KeyCode::Char('P'));
    assert!(!app.popup_open());
    assert!(
        app.message()
            .unwrap()
            .contains("voeg eerst een doel toe (d)"),
        "{:?}",
        app.message()
    );
    // A first goal starts version 1; P starts version 2, which keeps the goal.
    press(&mut app, KeyCode::Char('d'));
    press(&mut app, KeyCode::Char('1'));
    type_keys(&mut app, "Solliciteert elke week\n");
    assert!(!app.popup_open(), "{:?}", app.message());
    press(&mut app, KeyCode::Char('P'));
    assert!(common::screen(&mut app).contains("Plan van aanpak versie 2"));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    let plan = Store::open(&db.path).unwrap().plan_history(id).unwrap();
    let current = plan.current.expect("a plan");
    assert_eq!(current.version, 2);
    assert_eq!(current.goals.len(), 1, "the running goal carried over");
    assert_eq!(current.goals[0].text, "Solliciteert elke week");
}

/// The OM's answer on a boete that waited, by keys: the form asks the day it came
/// (today unless said), and the boete runs on with its end later by the days waited.
#[test]
fn the_oms_answer_brings_the_boete_back_by_keys() {
    use inbeeld::domain::handling::CloseRequest;
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    let id = client(&mut store, "Joost Mulder", None);
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let boete = workflow::add_activity(
        &mut store,
        &inbeeld::domain::activity::NewActivity {
            client_id: id,
            type_code: "boete".into(),
            title: Some("Inkomsten niet gemeld".into()),
            start_date: day("2026-08-03"),
            end_date: day("2026-11-02"),
        },
        None,
        day("2026-08-03"),
    )
    .unwrap()
    .id();
    workflow::close_activity(
        &mut store,
        boete,
        &CloseRequest {
            outcome: "naar_om".into(),
            ..CloseRequest::default()
        },
        day("2026-09-01"),
    )
    .unwrap();
    let mut app = App::new(store, session()).unwrap();
    let shown = common::screen(&mut app);
    assert!(shown.contains("is er antwoord?"), "{shown}");
    type_keys(&mut app, "a");
    let shown = common::screen(&mut app);
    assert!(shown.contains("Antwoord van het OM"), "{shown}");
    type_keys(&mut app, "1");
    let shown = common::screen(&mut app);
    assert!(shown.contains("Antwoord ontvangen op"), "{shown}");
    insta::assert_snapshot!("om_answer_form_120x40", screen_at(&mut app, 120, 40));
    insta::assert_snapshot!("om_answer_form_80x24", screen_at(&mut app, 80, 24));
    press(&mut app, KeyCode::Enter);
    // 1 September to 22 November: 82 days waited; 2 November + 82 = 23 January.
    assert_eq!(
        db.scalar(
            "SELECT end_date || ' ' || title FROM activities WHERE type_code = 'boete' AND status = 'open'"
        ),
        "2027-01-23 Inkomsten niet gemeld"
    );
    assert!(
        status(&mut app).contains("afgehandeld (antwoord van het OM)"),
        "{}",
        status(&mut app)
    );
}

/// The documents from the dossier, by `b` on their tab: the plan van aanpak on
/// Plan, the besluit on Aanvragen, a rapportage on Contacten. The settings are read
/// at each letter: a `[afzender]` filled in while the cockpit is open holds for
/// the next one, without a restart.
#[test]
fn documents_are_made_by_b_on_their_tab_with_the_settings_of_that_moment() {
    use inbeeld::letters::LetterSetup;
    let db = common::Db::new();
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    db.on("2026-10-01", &["plan", "new", "--client", &client]);
    db.on(
        "2026-10-01",
        &[
            "plan",
            "goal",
            "--client",
            &client,
            "--text",
            "Rondt de VCA-cursus af",
            "--domain",
            "werk",
            "--deadline",
            "2027-03-01",
        ],
    );
    let app_id = db.aanvraag("2026-10-01", &client, "2026-10-01");
    let herstel = db
        .on(
            "2026-10-05",
            &[
                "aanvraag",
                "herstel",
                &app_id,
                "--missing",
                "Loonstroken; bankafschriften",
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
    db.on(
        "2026-10-28",
        &[
            "aanvraag",
            "decide",
            &app_id,
            "--decision",
            "buiten_behandeling",
            "--made-known",
            "2026-10-28",
        ],
    );
    db.on(
        "2026-11-02",
        &[
            "contact",
            "add",
            "--client",
            &client,
            "--channel",
            "telefoon",
        ],
    );
    let settings = db.path.with_file_name("instellingen.toml");
    std::fs::write(&settings, "[agenda]\nbijhouden = false\n").unwrap();
    let store = Store::open(&db.path).unwrap();
    let mut app = App::new(store, session()).unwrap();
    app.set_letters(LetterSetup {
        sender: Default::default(),
        settings: settings.clone(),
        templates: None,
        folder: db.path.with_file_name("brieven"),
    });
    // The dossier, on its Plan tab.
    type_keys(&mut app, "2\nll");
    type_keys(&mut app, "b");
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("Plan van aanpak (versie 1) afdrukken?"),
        "{shown}"
    );
    insta::assert_snapshot!("plan_document_120x40", screen_at(&mut app, 120, 40));
    insta::assert_snapshot!("plan_document_80x24", screen_at(&mut app, 80, 24));
    type_keys(&mut app, "j");
    let shown = common::screen(&mut app);
    assert!(shown.contains("[afzender]"), "{shown}");
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "0");
    // Filled in while the cockpit stays open: the next one is made.
    std::fs::write(&settings, crate::letters::SENDER).unwrap();
    type_keys(&mut app, "bj");
    assert!(
        status(&mut app).contains("Plan van aanpak gemaakt"),
        "{}",
        status(&mut app)
    );
    assert_eq!(db.scalar("SELECT kind FROM letters"), "plan");

    // Aanvragen: the besluit buiten behandeling from the aanvraag's own dates.
    type_keys(&mut app, "h");
    type_keys(&mut app, "b");
    let shown = common::screen(&mut app);
    assert!(shown.contains("Besluit buiten behandeling"), "{shown}");
    insta::assert_snapshot!("besluit_document_120x40", screen_at(&mut app, 120, 40));
    insta::assert_snapshot!("besluit_document_80x24", screen_at(&mut app, 80, 24));
    type_keys(&mut app, "1");
    let shown = common::screen(&mut app);
    assert!(shown.contains("Vandaag verstuurd?"), "{shown}");
    type_keys(&mut app, "n");
    assert_eq!(
        db.scalar("SELECT kind FROM letters ORDER BY id DESC LIMIT 1"),
        "buiten_behandeling"
    );

    // Contacten: a rapportage of the last three months, as PDF and as text.
    type_keys(&mut app, "lll");
    type_keys(&mut app, "b");
    let shown = common::screen(&mut app);
    assert!(shown.contains("Rapportage"), "{shown}");
    insta::assert_snapshot!("rapportage_form_120x40", screen_at(&mut app, 120, 40));
    insta::assert_snapshot!("rapportage_form_80x24", screen_at(&mut app, 80, 24));
    press(&mut app, KeyCode::Enter);
    assert!(
        status(&mut app).contains("Rapportage gemaakt"),
        "{}",
        status(&mut app)
    );
    assert_eq!(
        db.scalar("SELECT kind || ' ' || period_from || ' ' || period_to FROM letters ORDER BY id DESC LIMIT 1"),
        "rapportage 2026-08-22 2026-11-22"
    );
}

/// Giving a hersteltermijn, the form shows the documents as the letter will
/// print them: a comma stays inside one.
#[test]
fn the_hersteltermijn_form_shows_the_list_the_letter_prints() {
    let db = common::Db::new();
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    db.aanvraag("2026-11-02", &client, "2026-11-02");
    let store = Store::open(&db.path).unwrap();
    let mut app = App::new(store, session()).unwrap();
    type_keys(&mut app, "2\nl");
    type_keys(&mut app, "H");
    type_keys(
        &mut app,
        "Bankafschriften van alle rekeningen, laatste 3 maanden; loonstroken oktober",
    );
    let shown = screen_at(&mut app, 120, 40);
    assert!(shown.contains("de brief noemt 2 stukken"), "{shown}");
    // The comma stays inside the first: the next item starts after its months.
    assert!(
        shown.contains("laatste 3 maanden  • Loonstroken oktober"),
        "{shown}"
    );
}

/// A client who calls quotes the kenmerk of a letter: the caseload's search finds
/// them by it (case, spaces and dashes aside), and `letter list --kenmerk` lists it.
#[test]
fn a_client_is_found_by_the_kenmerk_of_a_letter() {
    let db = common::Db::new();
    std::fs::write(
        db.path.with_file_name("instellingen.toml"),
        crate::letters::SENDER,
    )
    .unwrap();
    db.client("Bart Smit", "job_ready");
    let client = db.client("Fatima el Amrani", "bijna_job_ready").to_string();
    db.on(
        "2026-11-02",
        &[
            "contact",
            "add",
            "--client",
            &client,
            "--channel",
            "telefoon",
        ],
    );
    let made = db.json(&["document", "rapportage", "--client", &client, "--json"]);
    let kenmerk = made["kenmerk"].as_str().unwrap().to_owned();
    let listed = db.json(&[
        "letter",
        "list",
        "--kenmerk",
        &kenmerk.to_lowercase(),
        "--json",
    ]);
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    assert_eq!(listed[0]["kenmerk"], kenmerk.as_str());
    let store = Store::open(&db.path).unwrap();
    let mut app = App::new(store, session()).unwrap();
    type_keys(&mut app, "2/");
    // Read out as a caller would: in small letters, with a space for the dash.
    type_keys(&mut app, &kenmerk.to_lowercase().replace('-', " "));
    let shown = common::screen(&mut app);
    assert!(shown.contains("Fatima el Amrani"), "{shown}");
    assert!(shown.contains("gevonden op kenmerk"), "{shown}");
    assert!(!shown.contains("Bart Smit"), "{shown}");
}

/// Behind "venster te klein" nothing is seen, so a key does nothing: no letter or
/// handling is made blind. Made large again, the same key works.
#[test]
fn a_key_behind_the_too_small_notice_does_nothing() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let small = screen_at(&mut app, 40, 10);
    assert!(small.contains("venster te klein"), "{small}");
    type_keys(&mut app, "a");
    assert!(!app.popup_open(), "a popup opened behind the notice");
    screen_at(&mut app, 120, 40);
    type_keys(&mut app, "a");
    assert!(app.popup_open(), "{:?}", app.message());
}

/// The help searches: typing finds the actions by their words (or key), Enter runs
/// the chosen one as its key would, and one that does nothing here says why.
#[test]
fn the_help_finds_an_action_by_its_words_and_runs_it() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    type_keys(&mut app, "?");
    assert!(app.help_open());
    type_keys(&mut app, "uitstel");
    let shown = screen_at(&mut app, 120, 40);
    assert!(shown.contains("zoek: uitstel"), "{shown}");
    assert!(shown.contains("uitstellen"), "{shown}");
    assert!(!shown.contains("v       vervolgactie"), "{shown}");
    insta::assert_snapshot!("help_search_120x40", shown);
    insta::assert_snapshot!("help_search_80x24", screen_at(&mut app, 80, 24));
    press(&mut app, KeyCode::Enter);
    assert!(!app.help_open());
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("Uitstellen"),
        "the postponement's form: {shown}"
    );
    press(&mut app, KeyCode::Esc);
    // What begins with the words comes first: a new aanvraag before one received
    // after the zoektermijn or a hersteltermijn without one.
    type_keys(&mut app, "2\n?aanvraag");
    press(&mut app, KeyCode::Enter);
    let shown = common::screen(&mut app);
    assert!(shown.contains("Aanvraag voor"), "{shown}");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    type_keys(&mut app, "1");
    // Esc clears a search first; j, k, g and q are the help's own until one types.
    type_keys(&mut app, "?xyz");
    assert!(common::screen(&mut app).contains("Geen toets die dat doet"));
    press(&mut app, KeyCode::Esc);
    assert!(app.help_open());
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open());
}
