//! The klantmanager's whole day in the cockpit, as a state machine: a new client, a
//! doorstroom, an uitstroom, a correction and an undo, by keys alone; and the
//! refusals that store nothing.

use crate::common::{self, press, today};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::store::Store;
use inbeeld::tui::{App, Screen, Session};

fn app(db: &common::Db) -> App {
    // As `--today` does: edits are made (and undone) on the session's day.
    inbeeld::clock::pin_today(Some(today()));
    let store = Store::open(&db.path).unwrap();
    App::new(store, Session::new(today(), true, &db.path)).unwrap()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Registers "Sanne Bakker" (job ready, born 1990-04-02) from the caseload.
fn register(app: &mut App) {
    press(app, KeyCode::Char('2'));
    press(app, KeyCode::Char('n'));
    press(app, KeyCode::Char('1')); // job ready
    type_text(app, "Sanne Bakker");
    press(app, KeyCode::Tab);
    type_text(app, "1990-04-02");
    press(app, KeyCode::Enter);
}

#[test]
fn a_new_client_is_registered_from_the_caseload_and_her_dossier_opens() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(app.screen(), Screen::Dossier);
    assert_eq!(
        db.scalar("SELECT name || ' ' || birth_date || ' ' || category_code FROM clients"),
        "Sanne Bakker 1990-04-02 job_ready"
    );
    // Ctrl-Z says at once that a registration is not undone, without asking first.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(!app.popup_open());
    assert!(
        app.message()
            .is_some_and(|m| m.contains("kan niet ongedaan worden gemaakt")),
        "{:?}",
        app.message()
    );
}

#[test]
fn the_same_name_and_birth_date_warns_once_and_a_second_enter_registers() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    register(&mut app);
    assert!(app.popup_open(), "the warning stays in the form");
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "1");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open());
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "2");
}

#[test]
fn an_invalid_bsn_is_refused_in_the_form_and_nothing_is_stored() {
    let db = common::Db::new();
    let mut app = app(&db);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "Piet");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "123456789");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(db.scalar("SELECT count(*) FROM clients"), "0");
}

#[test]
fn doorstroom_and_uitstroom_by_keys_and_ctrl_z_takes_the_uitstroom_back() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    // Doorstroom to beheer (the last category), with a reason.
    press(&mut app, KeyCode::Char('K'));
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Enter); // no reason yet: refused in the form
    assert!(app.popup_open());
    // The cursor went to what is wrong: the reason.
    type_text(&mut app, "langdurig ziek");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT category_code FROM clients"), "beheer");
    assert_eq!(
        db.scalar("SELECT reason FROM category_changes"),
        "langdurig ziek"
    );
    // Uitstroom for werk; the open item closes with its kind's uitstroom outcome.
    db.conn()
        .execute(
            "INSERT INTO work_items (client_id, kind_code, title, due_date, source, created_at)
             VALUES (1, 'vervolgactie', 'Bellen', '2026-11-22', 'manual', 'x')",
            [],
        )
        .unwrap();
    press(&mut app, KeyCode::Char('U'));
    press(&mut app, KeyCode::Char('1')); // werk
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT ended_on || ' ' || end_reason FROM clients"),
        "2026-11-22 werk"
    );
    assert!(
        app.message().is_some_and(|m| m.starts_with("Sanne Bakker")),
        "{:?}",
        app.message()
    );
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("uitgestroomd op zo 22 nov 2026 (werk)") && !shown.contains("niet in beeld"),
        "{shown}"
    );
    assert_eq!(
        db.scalar("SELECT outcome_code || ': ' || outcome_note FROM work_items"),
        "uitstroom: Uitstroom: werk"
    );
    let check = inbeeld::store::Store::open(&db.path)
        .unwrap()
        .check(today())
        .unwrap();
    assert!(check.invariants.is_empty(), "{:?}", check.invariants);
    // Ctrl-Z names the uitstroom, and whom it is about, and after j takes it back.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    assert!(app.popup_open());
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("Sanne Bakker") && shown.contains("uitgestroomd"),
        "{shown}"
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(
        app.message()
            .unwrap_or("")
            .starts_with("Ongedaan gemaakt: Sanne Bakker"),
        "{:?}",
        app.message()
    );
    assert_eq!(db.scalar("SELECT ended_on IS NULL FROM clients"), "1");
    assert_eq!(db.scalar("SELECT status FROM work_items"), "open");
    // Esc on the question leaves everything as it is.
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    press(&mut app, KeyCode::Esc);
    assert_eq!(db.scalar("SELECT category_code FROM clients"), "beheer");
}

#[test]
fn a_note_is_corrected_and_a_handled_item_reopened_from_the_dossier() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Bij UWV");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    // To the notes tab: activities, termijnen, plan, werkitems, contacten, notities.
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('l'));
    }
    press(&mut app, KeyCode::Char('f'));
    type_text(&mut app, " (Den Haag)");
    app.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT text FROM notes"), "Bij UWV (Den Haag)");
    assert_eq!(
        db.scalar("SELECT original FROM note_corrections"),
        r#"{"text":"Bij UWV"}"#
    );
    // A handled vervolgactie comes back with a reason.
    db.conn()
        .execute(
            "INSERT INTO work_items (client_id, kind_code, title, due_date, source, status,
                 outcome_code, closed_at, created_at)
             VALUES (1, 'vervolgactie', 'Bellen', '2026-11-22', 'manual', 'closed', 'uitgevoerd', 'x', 'x')",
            [],
        )
        .unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('o'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('l'));
    }
    press(&mut app, KeyCode::Char('r'));
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "a reason is required");
    type_text(&mut app, "nog niet gebeld");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT status FROM work_items"), "open");
    assert_eq!(
        db.scalar("SELECT reason FROM reopenings"),
        "nog niet gebeld"
    );
}

fn clear_field(app: &mut App) {
    for _ in 0..12 {
        press(app, KeyCode::Backspace);
    }
}

/// The aanvraag of a client registered today, received on 1 October: A, then
/// the day of receipt.
fn aanvraag(app: &mut App) {
    register(app);
    press(app, KeyCode::Char('A'));
    clear_field(app);
    type_text(app, "2026-10-01");
    press(app, KeyCode::Enter);
}

#[test]
fn an_aanvraag_walks_from_receipt_through_herstel_to_besluit_and_bezwaartermijn() {
    let db = common::Db::new();
    let mut app = app(&db);
    aanvraag(&mut app);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT received_on || ' ' || under_27 FROM applications"),
        "2026-10-01 0",
        "35 years old: an aanvraag, not a melding"
    );
    let beslis = "SELECT end_date FROM activities WHERE type_code = 'beslistermijn'";
    assert_eq!(db.scalar(beslis), "2026-11-26");
    // H: a hersteltermijn; an end before the day it is given is refused in the form.
    press(&mut app, KeyCode::Char('H'));
    type_text(&mut app, "loonstroken");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "2026-11-10");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "2026-11-01");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(
        db.scalar("SELECT count(*) FROM activities WHERE type_code = 'hersteltermijn'"),
        "0"
    );
    clear_field(&mut app);
    type_text(&mut app, "2026-12-07");
    press(&mut app, KeyCode::Enter);
    // Its letter is offered in the same step; not now.
    assert!(
        app.popup_open(),
        "the letter is offered: {:?}",
        app.message()
    );
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "0");
    assert_eq!(
        db.scalar(beslis),
        "2026-12-23",
        "suspended from the day after it was given (11 Nov) to its end: 27 days"
    );
    // The documents arrive: on the Aanvragen tab, x on the hersteltermijn, ontvangen
    // with the day they came in (before today).
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('1'));
    clear_field(&mut app);
    type_text(&mut app, "2026-11-09");
    press(&mut app, KeyCode::Enter);
    assert!(
        app.popup_open(),
        "a day of receipt before the hersteltermijn is refused"
    );
    clear_field(&mut app);
    type_text(&mut app, "2026-11-23");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "a day of receipt after today is refused");
    clear_field(&mut app);
    type_text(&mut app, "2026-11-20");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "per post");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT outcome_code || ' ' || outcome_note FROM activities WHERE type_code = 'hersteltermijn'"),
        "ontvangen per post"
    );
    assert_eq!(
        db.scalar(beslis),
        "2026-12-07",
        "suspended up to the day before the documents arrived: 9 days, to Saturday 5 \
         December, which the Algemene termijnenwet moves to Monday"
    );
    // B: the besluit, made known today; the bezwaartermijn starts.
    press(&mut app, KeyCode::Char('B'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT decision || ' ' || decided_on FROM applications"),
        "toegekend 2026-11-22"
    );
    assert_eq!(
        db.scalar("SELECT end_date FROM activities WHERE type_code = 'bezwaartermijn'"),
        "2027-01-04",
        "six weeks from the day after bekendmaking"
    );
    // A decided aanvraag takes no verdaging: refused, and nothing changes.
    let before = db.counts();
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('V'));
    type_text(&mut app, "drukte");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "the refusal stays in the form");
    assert_eq!(db.counts(), before);
}

/// A melding under 27 waits four weeks for the aanvraag; `o` before then is
/// refused in its form, unless the municipality waives the zoektermijn there,
/// with a reason (Pw art. 41 lid 4).
#[test]
fn a_melding_under_27_waits_for_the_aanvraag_and_o_registers_it() {
    let db = common::Db::new();
    let mut app = app(&db);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "Daan de Jong");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2004-05-06");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT reported_on || ' ' || expected_on || ' ' || under_27 || ' ' || coalesce(received_on, '-') FROM applications"),
        "2026-11-22 2026-12-21 1 -",
        "22 years old: a melding, the aanvraag expected after four weeks"
    );
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open(), "refused while the zoektermijn runs");
    let shown = screen(&mut app);
    assert!(
        shown.contains("zoektermijn tot 21 dec") && shown.contains("loopt tot ma 21 dec 2026"),
        "{shown}"
    );
    assert_eq!(
        db.scalar("SELECT coalesce(received_on, '-') FROM applications"),
        "-"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Dakloos; kan niet eerst vier weken zoeken");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert!(
        format!("{:?}", app.message()).contains("afgezien"),
        "{:?}",
        app.message()
    );
    assert_eq!(
        db.scalar("SELECT received_on FROM applications"),
        "2026-11-22"
    );
    assert_eq!(
        db.scalar("SELECT outcome_code || ': ' || outcome_note FROM activities WHERE type_code = 'zoektermijn'"),
        "afgezien: Dakloos; kan niet eerst vier weken zoeken"
    );
    assert_eq!(
        db.scalar(
            "SELECT count(*) FROM activities WHERE type_code = 'beslistermijn' AND status = 'open'"
        ),
        "1"
    );
}

#[test]
fn the_week_pages_opens_a_dossier_and_handles_an_item_where_it_stands() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    // A follow-up due in nine days: not in this week, in the next.
    press(&mut app, KeyCode::Char('v'));
    type_text(&mut app, "Bellen over de cursus");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "2026-12-01");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.screen(), Screen::Week);
    let this_week = app.visible_rows();
    press(&mut app, KeyCode::Char(']'));
    assert!(
        app.visible_rows() > this_week,
        "the next week holds the item"
    );
    // Down to the item's line, then open the dossier and come back.
    for _ in 0..app.visible_rows() {
        if app.selected_client().is_some() {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.selected_client(), Some(1));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Dossier);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Week);
    // a: handle it here, with a toelichting.
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "cursus geregeld");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar(
            "SELECT status || ' ' || outcome_note FROM work_items WHERE kind_code = 'vervolgactie'"
        ),
        "closed cursus geregeld"
    );
    // t: back to this week. On a day's heading there is nothing to handle: said so.
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.visible_rows(), this_week);
    press(&mut app, KeyCode::Char('a'));
    assert!(!app.popup_open());
    assert_eq!(app.message(), Some("Kies een regel met een werkitem."));
}

#[test]
fn a_handover_writes_the_bundle_and_ends_the_marked_clients_their_aanvraag_going_along() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "Kees Visser");
    press(&mut app, KeyCode::Enter);
    // Kees has an aanvraag waiting for its besluit: it goes along with him.
    // Without a birth date the klantmanager says it is an aanvraag, not a melding.
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('1'));
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('1'));
    type_text(&mut app, "Anna de Boer");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Char(' '));
    }
    press(&mut app, KeyCode::Char('O'));
    let out = db.path.with_file_name("overdracht.json.age");
    std::fs::write(&out, "bestaat").unwrap();
    for _ in 0..80 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &out.display().to_string());
    // The passphrase twice; they differ: nothing written, nothing ended.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "geheim genoeg");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "geheim anders");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert!(
        common::screen(&mut app).contains("de twee wachtwoordzinnen verschillen"),
        "{}",
        common::screen(&mut app)
    );
    assert!(
        !common::screen(&mut app).contains("geheim"),
        "the passphrase is not shown"
    );
    // The field that is wrong gets the cursor, its text selected: typing replaces it.
    type_text(&mut app, "geheim genoeg");
    // An existing file is refused.
    press(&mut app, KeyCode::Enter);
    assert!(app.popup_open());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "bestaat");
    std::fs::remove_file(&out).unwrap();
    press(&mut app, KeyCode::Enter);
    // Sealed: it opens with the passphrase only.
    let sealed = std::fs::read(&out).unwrap();
    assert!(inbeeld::workflow::sealing::is_sealed(&sealed));
    assert!(inbeeld::workflow::sealing::unseal(&sealed, "geheim anders", "b").is_err());
    let text = inbeeld::workflow::sealing::unseal(&sealed, "geheim genoeg", "b").unwrap();
    let bundle: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(bundle["clients"].as_array().unwrap().len(), 3);
    assert_eq!(
        db.scalar("SELECT count(*) FROM clients WHERE ended_on IS NULL"),
        "3"
    );
    // The question after the export: yes ends all three as overgedragen; Kees's
    // aanvraag is in the bundle, for the colleague to decide, and on no laptop twice.
    assert!(
        common::screen(&mut app).contains("een aanvraag gaat mee"),
        "{}",
        common::screen(&mut app)
    );
    press(&mut app, KeyCode::Char('j'));
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT group_concat(name || ' ' || coalesce(end_reason, '-')) FROM clients"),
        "Sanne Bakker overgedragen,Kees Visser overgedragen,Anna de Boer overgedragen"
    );
    let kees = bundle["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["client"]["name"] == "Kees Visser")
        .unwrap();
    assert_eq!(kees["applications"][0]["status"], "open");
    assert_eq!(
        db.scalar(
            "SELECT count(DISTINCT edit_id) FROM edit_rows WHERE tbl = 'clients' AND op = 'update'"
        ),
        "1",
        "one edit, so one Ctrl-Z takes both back"
    );
}

fn screen(app: &mut App) -> String {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend())
}

#[test]
fn letters_are_made_from_the_dossier_listed_and_confirmed_sent() {
    use inbeeld::letters::LetterSetup;
    let db = common::Db::new();
    let mut app = app(&db);
    aanvraag(&mut app);
    assert!(!app.popup_open(), "{:?}", app.message());
    // Without a sender, the offered letter is refused, naming what is missing.
    press(&mut app, KeyCode::Char('H'));
    type_text(&mut app, "loonstroken; bankafschriften");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&mut app).contains("Hersteltermijnbrief maken?"));
    press(&mut app, KeyCode::Char('j'));
    let shown = screen(&mut app);
    assert!(shown.contains("[afzender]"), "{shown}");
    assert_eq!(db.scalar("SELECT count(*) FROM letters"), "0");
    press(&mut app, KeyCode::Esc);

    let folder = db.path.with_file_name("brieven");
    app.set_letters(LetterSetup {
        sender: common::sender(),
        settings: db.path.with_file_name("instellingen.toml"),
        templates: None,
        folder: folder.clone(),
    });
    // b on the hersteltermijn (Aanvragen tab, its last row): the kinds that fit.
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('b'));
    let shown = screen(&mut app);
    assert!(shown.contains("Hersteltermijnbrief"), "{shown}");
    assert!(shown.contains("Herinnering"), "{shown}");
    assert!(!shown.contains("Uitnodiging"), "{shown}");
    press(&mut app, KeyCode::Char('1'));
    assert!(screen(&mut app).contains("Vandaag verstuurd?"));
    press(&mut app, KeyCode::Char('j'));
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT kind || ' ' || sent_on FROM letters"),
        "hersteltermijn 2026-11-22"
    );
    assert_eq!(
        db.scalar("SELECT count(*) FROM contacts WHERE channel_code = 'brief' AND contact_date = '2026-11-22'"),
        "1"
    );
    let file = db.scalar("SELECT file FROM letters");
    assert!(std::path::Path::new(&file).starts_with(std::fs::canonicalize(&folder).unwrap()));
    let pdf = std::fs::read(&file).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");

    // A second one, not sent yet: the Brieven tab lists both, b records it sent.
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('n'));
    // From Aanvragen to Brieven, the last tab.
    for _ in 0..6 {
        press(&mut app, KeyCode::Char('l'));
    }
    let shown = screen(&mut app);
    assert!(shown.contains("Brieven (2)"), "{shown}");
    assert!(shown.contains("nog niet verstuurd"), "{shown}");
    assert!(shown.contains("verstuurd 22 nov 2026"), "{shown}");
    assert!(
        shown.contains("Loonstroken; bankafschriften")
            || shown.contains("loonstroken; bankafschriften"),
        "{shown}"
    );
    // Newest first: the herinnering.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('b'));
    assert!(screen(&mut app).contains("Herinnering verstuurd?"));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        db.scalar("SELECT count(*) FROM letters WHERE sent_on IS NULL"),
        "0"
    );
    press(&mut app, KeyCode::Char('b'));
    assert!(app.message().is_some_and(|m| m.contains("al verstuurd")));

    // On an activity that takes no letter (the aanvraag's terms), b says why.
    press(&mut app, KeyCode::Char('l'));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('b'));
    assert!(!app.popup_open());
    assert!(
        app.message()
            .is_some_and(|m| m.contains("Geen brief bij een")),
        "{:?}",
        app.message()
    );
}

/// A client registered on 1 September (out of view by now, with a "contact
/// opnemen" item) who prefers WhatsApp, and the cockpit on the werkvoorraad.
fn out_of_view(db: &common::Db) -> App {
    let out = db
        .cmd_on("2026-09-01")
        .args([
            "client",
            "add",
            "--name",
            "Fatima el Amrani",
            "--category",
            "job_ready",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    db.ok(&["client", "edit", "1", "--contact-preference", "whatsapp"]);
    let mut app = app(db);
    press(&mut app, KeyCode::Char('1'));
    app
}

#[test]
fn niet_bereikt_in_the_cockpit_asks_the_next_attempt_suggested_by_the_category() {
    let db = common::Db::new();
    let mut app = out_of_view(&db);
    let item = app.selected_item().expect("the contact item");
    press(&mut app, KeyCode::Char('a'));
    let shown = common::screen(&mut app);
    for program in [
        "Vervallen door uitstroom",
        "Weer in beeld door de categorie",
    ] {
        assert!(
            !shown.contains(program),
            "the program's outcomes are never chosen by hand: {shown}"
        );
    }
    press(&mut app, KeyCode::Char('2')); // niet bereikt
    let shown = common::screen(&mut app);
    // Sunday 22 November: two working days on is Tuesday the 24th.
    assert!(
        shown.contains("Volgende poging op") && shown.contains("2026-11-24"),
        "{shown}"
    );
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "voicemail ingesproken");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar(&format!(
            "SELECT outcome_code FROM work_items WHERE id = {item}"
        )),
        "niet_bereikt"
    );
    assert_eq!(
        db.scalar(
            "SELECT kind_code || ' ' || source || ' ' || due_date FROM work_items WHERE status = 'open'"
        ),
        "contact rhythm 2026-11-24"
    );
    assert!(
        app.message()
            .is_some_and(|m| m.contains("volgende poging op")),
        "{:?}",
        app.message()
    );
}

#[test]
fn gesproken_in_the_cockpit_asks_the_channel_with_the_preferred_one_filled_in() {
    let db = common::Db::new();
    let mut app = out_of_view(&db);
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('1')); // gesproken
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("Kanaal") && shown.contains("WhatsApp"),
        "{shown}"
    );
    clear_field(&mut app);
    type_text(&mut app, "telefoon");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(db.scalar("SELECT channel_code FROM contacts"), "telefoon");
}

#[test]
fn a_no_show_plans_the_new_afspraak_with_its_time_and_channel_and_warns_a_double_booking() {
    let db = common::Db::new();
    db.ok(&[
        "client",
        "add",
        "--name",
        "Karim Haddou",
        "--category",
        "job_ready",
    ]);
    // Today's afspraak (its opkomst item is due now) and one on 1 December at 10:00.
    for (date, time) in [(common::TODAY, "09:00"), ("2026-12-01", "10:00")] {
        db.ok(&[
            "appointment",
            "add",
            "--client",
            "1",
            "--date",
            date,
            "--time",
            time,
            "--channel",
            "op_locatie",
        ]);
    }
    let mut app = app(&db);
    app.set_letters(inbeeld::letters::LetterSetup {
        sender: common::sender(),
        settings: db.path.with_file_name("instellingen.toml"),
        templates: None,
        folder: db.path.with_file_name("brieven"),
    });
    press(&mut app, KeyCode::Char('1'));
    let opkomst =
        db.scalar("SELECT id FROM work_items WHERE kind_code = 'afspraak' AND status = 'open'");
    while app.selected_item().map(|i| i.to_string()) != Some(opkomst.clone()) {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('2')); // niet verschenen
    let shown = common::screen(&mut app);
    assert!(shown.contains("Tijd") && shown.contains("09:00"), "{shown}");
    clear_field(&mut app);
    type_text(&mut app, "2026-12-01");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "10:00");
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("let op: er staat al een afspraak op di 1 dec 2026 om 10:00"),
        "warned before saving: {shown}"
    );
    clear_field(&mut app);
    type_text(&mut app, "11:30");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    type_text(&mut app, "telefoon");
    press(&mut app, KeyCode::Enter);
    // The new afspraak gets its invitation in the same step, as a first one does.
    let shown = screen(&mut app);
    assert!(
        shown.contains("Uitnodiging voor de nieuwe afspraak op di 1 dec 2026 maken?"),
        "{shown}"
    );
    // Yes: the invitation is the new afspraak's, not another row's.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('n')); // not sent today
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar(
            "SELECT l.kind || ' ' || a.end_date FROM letters l JOIN activities a ON a.id = l.activity_id
             WHERE a.follows_activity_id IS NOT NULL"
        ),
        "uitnodiging 2026-12-01"
    );
    assert_eq!(
        db.scalar(
            "SELECT end_date || ' ' || appointment_time || ' ' || channel_code FROM activities
             WHERE follows_activity_id IS NOT NULL"
        ),
        "2026-12-01 11:30 telefoon"
    );
}

#[test]
fn uitstroom_per_a_later_day_from_the_cockpit_keeps_the_client_and_says_so() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    press(&mut app, KeyCode::Char('U'));
    press(&mut app, KeyCode::Char('1')); // werk
    clear_field(&mut app);
    type_text(&mut app, "2027-01-01");
    press(&mut app, KeyCode::Enter);
    assert!(!app.popup_open(), "{:?}", app.message());
    assert_eq!(
        db.scalar("SELECT coalesce(ended_on, '-') || ' ' || ending_on || ' ' || ending_reason FROM clients"),
        "- 2027-01-01 werk",
        "planned, not ended"
    );
    let shown = common::screen(&mut app);
    assert!(
        shown.contains("uitstroom per vr 1 jan 2027 (werk)"),
        "{shown}"
    );
}

#[test]
fn moving_an_afspraak_whose_day_has_passed_is_refused_at_once() {
    let db = common::Db::new();
    let mut app = app(&db);
    register(&mut app);
    // An afspraak on Friday the 20th, made the day before; nobody registered the opkomst.
    let out = db
        .cmd_on("2026-11-19")
        .args([
            "appointment",
            "add",
            "--client",
            "1",
            "--date",
            "2026-11-20",
            "--time",
            "10:00",
            "--channel",
            "op_locatie",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let afspraak: i64 = db.scalar("SELECT id FROM activities").parse().unwrap();
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..10 {
        if app.selected_activity() == Some(afspraak) {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.selected_activity(), Some(afspraak));
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.popup_open(), "no form to fill in first");
    assert!(
        app.message()
            .is_some_and(|m| m.contains("registreer eerst de opkomst")),
        "{:?}",
        app.message()
    );
}
