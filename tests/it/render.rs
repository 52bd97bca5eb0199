//! The cockpit's screens rendered into a `TestBackend` on the demo caseload with a
//! fixed `today`: snapshots of the text, and separate checks of the styles that
//! carry meaning (overdue and out of view in red, legal deadlines marked).

use crate::common::{self, today, type_keys};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Session};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::Terminal;

fn demo_app(db: &common::Db) -> App {
    demo_app_with(db, |_| {})
}

/// The demo with `more` added to it before the cockpit opens.
fn demo_app_with(db: &common::Db, more: impl FnOnce(&mut Store)) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    more(&mut store);
    let session = Session {
        today: today(),
        today_overridden: true,
        db_label: "~/demo.sqlite".into(),
        read_only: false,
        peeking: false,
    };
    App::new(store, session).unwrap()
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal
}

/// Every screen and popup, at both standard sizes.
macro_rules! snapshots {
    ($($name:ident: $keys:expr;)*) => {$(
        #[test]
        fn $name() {
            let db = common::Db::new();
            let mut app = demo_app(&db);
            type_keys(&mut app, $keys);
            insta::assert_snapshot!(concat!(stringify!($name), "_120x40"), render(&mut app, 120, 40).backend());
            insta::assert_snapshot!(concat!(stringify!($name), "_80x24"), render(&mut app, 80, 24).backend());
        }
    )*};
}

snapshots! {
    worklist: "";
    worklist_legal_due: "wt";
    worklist_one_kind: "ff";
    caseload: "2";
    week: "3";
    help_worklist: "?";
    help_caseload: "2?";
    help_dossier: "2\n?";
    outcome_picker: "/traject\na";
    reason_required: "/traject\na3\n";
    new_date: "/traject\na2";
    postpone: "u";
    follow_up: "2v";
    search_caseload: "2/de";
    caseload_filtered: "2ffb";
    dossier_activities: "2\n";
    dossier_terms: "2\nl";
    dossier_items: "2\nll";
    dossier_contacts: "2\nlll";
    dossier_notes: "2\nllll";
    activity_types: "2\na";
    activity_form: "2\na1";
    contact_form: "2\nc1";
    note_editor: "2\nnGesprek gehad.";
    note_editor_long: "2\nnGesprek gehad met klant over de schulden bij de zorgverzekeraar en de energieleverancier; samen een overzicht gemaakt van alle rekeningen en de afspraak gemaakt dat klant de brieven van de deurwaarder meeneemt naar het volgende gesprek.";
    close_activity: "2\njx";
    new_client_picker: "2n";
    new_client_form: "2n1";
    ended_clients: "2e";
    edit_client: "2\nw";
    category_picker: "2\nK";
    category_form: "2\nK1";
    end_reason_picker: "2\nU";
    end_form: "2\nU1";
    new_application: "2\nA";
    help_week: "3?";
    week_next: "3]";
    documents_received: "/hersteltermijn\na1";
    overview: "4";
    overview_year: "4J";
    overview_rows: "4J\n";
    overview_out_of_view: "4Jjj\n";
    overview_handhaving_rows: "4Jjjjjjjj\n";
    help_overview: "4?";
}

/// The Overzicht of a caseload without clients: every block says nothing happened,
/// and its rows say so too.
#[test]
fn overview_empty() {
    let db = common::Db::new();
    let store = Store::open(&db.path).unwrap();
    let session = Session {
        today: today(),
        today_overridden: true,
        db_label: "~/leeg.sqlite".into(),
        read_only: false,
        peeking: false,
    };
    let mut app = App::new(store, session).unwrap();
    type_keys(&mut app, "4");
    let wide = render(&mut app, 120, 40);
    assert!(format!("{}", wide.backend()).contains("0 van 0 (0%)"));
    insta::assert_snapshot!("overview_empty_120x40", wide.backend());
    insta::assert_snapshot!("overview_empty_80x24", render(&mut app, 80, 24).backend());
    type_keys(&mut app, "\n");
    assert!(format!("{}", render(&mut app, 80, 24).backend()).contains("Niets in deze periode."));
}

/// The Overzicht's keys: a span around the day in view, steps back and forth, a
/// block's rows, a row's dossier, and Esc back the same way.
#[test]
fn overview_periods_rows_and_dossier() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let screen = |app: &mut App| format!("{}", render(app, 120, 40).backend());
    type_keys(&mut app, "4");
    assert!(
        screen(&mut app).contains("week 47 · 16 – 22 nov 2026"),
        "the week of today (Sunday 22 November)"
    );
    type_keys(&mut app, "m");
    assert!(screen(&mut app).contains("november 2026 · stand op 22 nov 2026"));
    type_keys(&mut app, "[");
    assert!(screen(&mut app).contains("oktober 2026 · stand op 31 okt 2026"));
    type_keys(&mut app, "K");
    assert!(
        screen(&mut app).contains("4e kwartaal 2026"),
        "a quarter around the end of October"
    );
    type_keys(&mut app, "J[");
    assert!(screen(&mut app).contains("2025 · stand op 31 dec 2025"));
    type_keys(&mut app, "]t");
    assert!(screen(&mut app).contains("2026 · stand op 22 nov 2026"));
    // The handled items of the year: the first row's client opens in the dossier.
    type_keys(&mut app, "\n");
    let rows = screen(&mut app);
    assert!(
        rows.contains("Afgehandeld:") && rows.contains("regels"),
        "{rows}"
    );
    let client: String = db
        .conn()
        .query_row(
            "SELECT c.name FROM work_items w JOIN clients c ON c.id = w.client_id
             WHERE w.closed_on BETWEEN '2026-01-01' AND '2026-12-31' AND w.outcome_code <> 'ongedaan'
             ORDER BY w.closed_on DESC, c.name LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    type_keys(&mut app, "\n");
    assert_eq!(app.screen(), inbeeld::tui::Screen::Dossier);
    assert!(
        screen(&mut app).contains(&client),
        "the dossier of {client}"
    );
    type_keys(&mut app, "\u{1b}");
    assert!(
        screen(&mut app).contains("Afgehandeld:"),
        "back to the rows"
    );
    type_keys(&mut app, "\u{1b}");
    assert!(
        screen(&mut app).contains("stand op 22 nov 2026"),
        "back to the blocks"
    );
}

/// Forms and tabs in the dossier of the first client `sql` selects, after `tabs`
/// tabs to the right and `keys`; at both standard sizes.
macro_rules! dossier_snapshots {
    ($($name:ident: $sql:expr, $tabs:expr, $keys:expr, $shows:expr;)*) => {$(
        #[test]
        fn $name() {
            let db = common::Db::new();
            let mut app = demo_app(&db);
            dossier_of(&db, &mut app, $sql, $tabs);
            type_keys(&mut app, $keys);
            let wide = render(&mut app, 120, 40);
            assert!(format!("{}", wide.backend()).contains($shows), "{}", wide.backend());
            insta::assert_snapshot!(concat!(stringify!($name), "_120x40"), wide.backend());
            insta::assert_snapshot!(concat!(stringify!($name), "_80x24"), render(&mut app, 80, 24).backend());
        }
    )*};
}

const WITH_AANVRAAG: &str = "SELECT c.name FROM clients c JOIN applications a ON a.client_id = c.id
    WHERE a.status = 'open' AND a.received_on IS NOT NULL ORDER BY c.id LIMIT 1";
/// A client whose first open activity is an afspraak, so that it is selected.
const WITH_APPOINTMENT: &str =
    "SELECT c.name FROM clients c JOIN activities a ON a.client_id = c.id
    WHERE a.type_code = 'afspraak' AND a.status = 'open' AND a.end_date =
      (SELECT min(b.end_date) FROM activities b WHERE b.client_id = c.id AND b.status = 'open')
    ORDER BY c.id LIMIT 1";
const WITH_NOTE: &str =
    "SELECT c.name FROM clients c JOIN notes n ON n.client_id = c.id ORDER BY c.id LIMIT 1";
const WITH_CONTACT: &str =
    "SELECT c.name FROM clients c JOIN contacts k ON k.client_id = c.id ORDER BY c.id LIMIT 1";
const WITH_HANDLED: &str = "SELECT c.name FROM clients c JOIN work_items w ON w.client_id = c.id
    WHERE w.status = 'closed' ORDER BY c.id LIMIT 1";

dossier_snapshots! {
    aanvragen_tab: WITH_AANVRAAG, 1, "", "Aanvraag ";
    hersteltermijn_form: WITH_AANVRAAG, 1, "H", "Wat ontbreekt er?";
    adjourn_form: WITH_AANVRAAG, 1, "V", "Awb 4:14 lid 3";
    decision_picker: WITH_AANVRAAG, 1, "B", "Buiten behandeling gesteld";
    decision_form: WITH_AANVRAAG, 1, "B1", "Bekendgemaakt op";
    received_form: WITH_AANVRAAG, 1, "o", "Ontvangen op";
    move_appointment: WITH_APPOINTMENT, 0, "m", "Afspraak verplaatsen";
    correct_note: WITH_NOTE, 5, "f", "corrigeren";
    correct_contact: WITH_CONTACT, 4, "f", "Contactmoment corrigeren";
    reopen_item: WITH_HANDLED, 3, "Gr", "Heropenen";
    item_history: WITH_HANDLED, 3, "G", "Afgehandeld op";
    risk_profile_picker: WITH_NOTE, 0, "R", "om de hoeveel maanden het heronderzoek komt";
}

/// A hersteltermijn given without an aanvraag (as older files have them; the demo
/// gives none), asked to go on as an informatieverzoek.
#[test]
fn as_informatieverzoek() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let client: i64 = db
        .conn()
        .query_row(
            "SELECT min(id) FROM clients WHERE ended_on IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut store = Store::open(&db.path).unwrap();
    inbeeld::workflow::add_activity(
        &mut store,
        &inbeeld::domain::activity::NewActivity {
            client_id: client,
            type_code: "hersteltermijn".into(),
            title: Some("Loonstroken oktober".into()),
            start_date: today(),
            end_date: today() + chrono::Days::new(14),
        },
        None,
        today(),
    )
    .unwrap();
    drop(store);
    dossier_of(
        &db,
        &mut app,
        &format!("SELECT name FROM clients WHERE id = {client}"),
        1,
    );
    type_keys(&mut app, "GI");
    let wide = render(&mut app, 120, 40);
    assert!(
        format!("{}", wide.backend()).contains("Als informatieverzoek voortzetten?"),
        "{}",
        wide.backend()
    );
    insta::assert_snapshot!("as_informatieverzoek_120x40", wide.backend());
    insta::assert_snapshot!(
        "as_informatieverzoek_80x24",
        render(&mut app, 80, 24).backend()
    );
}

#[test]
fn too_small_says_so_at_every_small_size() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    insta::assert_snapshot!(render(&mut app, 20, 5).backend());
    // No size panics, down to nothing at all, with and without a popup.
    for keys in ["", "a", "u", "?"] {
        type_keys(&mut app, keys);
        for width in 0..=64 {
            for height in [0, 1, 2, 5, 11, 12, 13, 16] {
                render(&mut app, width, height);
            }
        }
        app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
}

fn cells_with<'a>(buffer: &'a Buffer, text: &'a str) -> impl Iterator<Item = (u16, u16)> + 'a {
    let width = buffer.area.width;
    (0..buffer.area.height).filter_map(move |y| {
        let line: String = (0..width)
            .map(|x| buffer[(x, y)].symbol().to_owned())
            .collect();
        line.find(text)
            .map(|byte| (line[..byte].chars().count() as u16, y))
    })
}

#[test]
fn overdue_items_are_red_and_legal_deadlines_marked() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let overdue: Vec<_> = cells_with(buffer, "dagen te laat").collect();
    assert!(!overdue.is_empty());
    for (x, y) in overdue {
        assert_eq!(buffer[(x, y)].fg, Color::Red, "overdue at row {y} is red");
    }
    let legal: Vec<_> = cells_with(buffer, "§ Voorschot").collect();
    assert!(
        !legal.is_empty(),
        "statutory terms are marked as legal deadlines"
    );
    assert!(
        cells_with(buffer, "§ Hersteltermijn").next().is_none(),
        "a hersteltermijn is set by the municipality: no §"
    );
    for (x, y) in legal {
        assert_eq!(buffer[(x, y)].fg, Color::Magenta);
    }
}

#[test]
fn clients_out_of_view_are_marked_in_red() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    type_keys(&mut app, "2");
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let red_markers = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].symbol() == "▲" && buffer[(x, y)].fg == Color::Red)
        .count();
    let visible_rows = 40 - 4;
    let out_of_view = Store::open(&db.path)
        .unwrap()
        .client_summaries(today())
        .unwrap()
        .iter()
        .take(visible_rows)
        .filter(|c| !c.in_view)
        .count();
    assert!(out_of_view > 0);
    assert_eq!(
        red_markers, out_of_view,
        "each visible client out of view has a red marker"
    );
}

#[test]
fn scrolling_keeps_the_selection_on_screen() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    type_keys(&mut app, "2");
    type_keys(&mut app, &"j".repeat(40));
    let terminal = render(&mut app, 80, 24);
    let selected = app.selected_client().unwrap();
    let name = Store::open(&db.path)
        .unwrap()
        .client(selected)
        .unwrap()
        .name;
    assert!(
        format!("{}", terminal.backend()).contains(&name),
        "{name} is visible after scrolling"
    );
    type_keys(&mut app, "gGj");
    let last = app.selected_client();
    type_keys(&mut app, "j");
    assert_eq!(app.selected_client(), last, "stays on the last row");
}

#[test]
fn dossier_terms_of_an_aanvraag_with_a_hersteltermijn() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    let name: String = db
        .conn()
        .query_row(
            "SELECT c.name FROM clients c JOIN activities a ON a.client_id = c.id
             WHERE a.application_id IS NOT NULL AND a.type_code = 'hersteltermijn'
             ORDER BY c.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Open the dossier by searching the name, go to the terms tab and down to the
    // beslistermijn, whose explanation then shows below the list.
    type_keys(&mut app, &format!("2/{name}\n\nl"));
    for _ in 0..5 {
        let screen = format!("{}", render(&mut app, 120, 40).backend());
        if screen.contains("Beslistermijn aanvraag") {
            break;
        }
        type_keys(&mut app, "j");
    }
    let terminal = render(&mut app, 120, 40);
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains(&name));
    assert!(
        screen.contains("Awb 4:13 lid 2"),
        "the beslistermijn names its article"
    );
    assert!(screen.contains("Awb 4:15"), "and explains its suspension");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_hersteltermijn_ending_on_a_sunday_gets_a_warning_in_the_form() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    // The first client in the caseload; find the hersteltermijn's number in the picker.
    type_keys(&mut app, "2\na");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    let line = screen
        .lines()
        .find(|l| l.contains("Hersteltermijn"))
        .expect("offered");
    let number = line
        .split('│')
        .nth(1)
        .and_then(|cell| cell.trim().chars().next())
        .unwrap();
    type_keys(&mut app, &number.to_string());
    let suggested = format!("{}", render(&mut app, 120, 40).backend());
    assert!(
        suggested.contains("ma 7 dec 2026"),
        "two weeks lands on Sunday 6 December: Monday suggested"
    );
    assert!(!suggested.contains("let op"));
    type_keys(&mut app, "\t\t");
    for _ in 0..10 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    type_keys(&mut app, "2026-12-06");
    let warned = format!("{}", render(&mut app, 120, 40).backend());
    assert!(
        warned.contains("let op: de hersteltermijn eindigt op zo 6 dec 2026 (zondag)"),
        "{warned}"
    );
    type_keys(&mut app, "\n");
    assert!(
        !app.popup_open(),
        "a warning, not a refusal: {:?}",
        app.message()
    );
}

/// Opens the dossier of the first client (by id) that `sql` selects, by searching
/// their name as a user would, and goes `tabs` tabs to the right.
fn dossier_of(db: &common::Db, app: &mut App, sql: &str, tabs: usize) -> String {
    let name: String = db.conn().query_row(sql, [], |r| r.get(0)).unwrap();
    type_keys(app, &format!("2/{name}\n\n{}", "l".repeat(tabs)));
    name
}

#[test]
fn dossier_plan_tab() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    dossier_of(
        &db,
        &mut app,
        "SELECT c.name FROM clients c JOIN plans p ON p.client_id = c.id
        WHERE (SELECT count(*) FROM goals g WHERE g.plan_id = p.id) >= 2 ORDER BY c.id LIMIT 1",
        2,
    );
    let terminal = render(&mut app, 120, 40);
    assert!(format!("{}", terminal.backend()).contains("Plan van aanpak versie 1"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn dossier_situation_tab() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    dossier_of(&db, &mut app, "SELECT c.name FROM clients c
        WHERE (SELECT count(*) FROM ladder_steps l WHERE l.client_id = c.id) >= 3 ORDER BY c.id LIMIT 1", 6);
    let terminal = render(&mut app, 120, 40);
    assert!(format!("{}", terminal.backend()).contains("Participatieladder"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn dossier_contact_history_with_no_shows() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    dossier_of(&db, &mut app, "SELECT c.name FROM clients c
        WHERE EXISTS (SELECT 1 FROM contacts k WHERE k.client_id = c.id AND k.no_show = 1) ORDER BY c.id LIMIT 1", 4);
    let terminal = render(&mut app, 120, 40);
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains(" niet verschenen)"),
        "the tab counts no-shows"
    );
    assert!(screen.contains("(niet verschenen)"));
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn every_key_of_a_screen_is_in_its_help_at_80x24() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    for (keys, labels) in [
        ("?", vec!["a/Enter", "u", "v", "o", "/"]),
        (
            "\u{1b}2?",
            vec!["spatie", "O", "e", "R", "n", "s", "f", "b"],
        ),
        (
            "\u{1b}\n?",
            vec!["A", "o", "H", "V", "B", "K", "U", "m", "r", "f", "w"],
        ),
        ("\u{1b}3?", vec!["]", "[", "t", "a", "u", "o/Enter"]),
        (
            "\u{1b}4?",
            vec!["w", "m", "K", "J", "[/←", "]/→", "t", "o/Enter"],
        ),
    ] {
        type_keys(&mut app, keys);
        assert!(app.help_open());
        // What does not fit 24 lines scrolls: every key is seen on the way down.
        let mut screen = String::new();
        for _ in 0..40 {
            screen.push_str(&format!("{}", render(&mut app, 80, 24).backend()));
            type_keys(&mut app, "j");
        }
        for label in labels
            .iter()
            .chain(&["Ctrl-Z", "Esc", "q", "G", "Ctrl-U", "Ctrl-S"])
        {
            assert!(
                screen.contains(&format!("│{label} ")) || screen.contains(&format!(" {label} ")),
                "{label} missing from the help at 80×24:\n{screen}"
            );
        }
        // Close the help (and leave a dossier) before the next screen.
        app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
}

#[test]
fn undo_confirm() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    inbeeld::clock::pin_today(Some(today()));
    // A contact registered now, then Ctrl-Z: the question names it.
    type_keys(&mut app, "2\nc1\n");
    app.handle_key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    // The question names the clock time of the edit: the snapshot names none.
    let without_time = |terminal: Terminal<TestBackend>| {
        let text = format!("{}", terminal.backend());
        match text.find("Vandaag om ") {
            Some(at) => {
                let time = at + "Vandaag om ".len();
                format!("{}UU:MM{}", &text[..time], &text[time + 5..])
            }
            None => text,
        }
    };
    let wide = without_time(render(&mut app, 120, 40));
    assert!(wide.contains("Ongedaan maken?"));
    assert!(wide.contains("contact geregistreerd"), "{wide}");
    insta::assert_snapshot!("undo_confirm_120x40", wide);
    insta::assert_snapshot!("undo_confirm_80x24", without_time(render(&mut app, 80, 24)));
}

#[test]
fn handover_form() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    // Two clients marked; the file is suggested beside the database.
    type_keys(&mut app, "2  O");
    let folder = db.path.parent().unwrap().display().to_string();
    let masked = |terminal: Terminal<TestBackend>| {
        format!("{}", terminal.backend()).replace(&folder, "/MAP")
    };
    let wide = masked(render(&mut app, 120, 40));
    assert!(wide.contains("Overdracht van 2 klanten"), "{wide}");
    assert!(wide.contains("overdracht-2026-11-22.json"), "{wide}");
    insta::assert_snapshot!("handover_form_120x40", wide);
    insta::assert_snapshot!("handover_form_80x24", masked(render(&mut app, 80, 24)));
}

#[test]
fn a_stored_escape_sequence_never_reaches_the_terminal_and_a_form_refuses_one() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    db.conn()
        .execute(
            "UPDATE clients SET name = 'Aaron\u{1b}]0;gekaapt\u{7}' WHERE id = 1",
            [],
        )
        .unwrap();
    db.conn()
        .execute(
            "INSERT INTO notes (client_id, note_date, text, created_at)
             VALUES (1, '2026-11-20', 'Gebeld\u{1b}[2J\u{1b}]0;gekaapt\u{7} over de cursus', 'x')",
            [],
        )
        .unwrap();
    // The caseload (a table), then the note in the dossier (a wrapping paragraph).
    type_keys(&mut app, "2/Aaron\n\nlllll");
    let terminal = render(&mut app, 120, 40);
    let screen = format!("{}", terminal.backend());
    assert!(
        screen.contains("Gebeld␛[2J␛]0;gekaapt␇ over de cursus"),
        "{screen}"
    );
    assert!(
        common::shows_no_control_characters(&terminal),
        "no control character in any cell"
    );
    type_keys(&mut app, "\u{1b}2");
    // Typing one into a form is refused there, before anything is stored.
    type_keys(&mut app, "n1");
    type_keys(&mut app, "Piet");
    app.handle_key(KeyEvent::new(KeyCode::Char('\u{1b}'), KeyModifiers::NONE));
    let before = db.counts();
    type_keys(&mut app, "\n");
    assert!(app.popup_open());
    assert!(format!("{}", render(&mut app, 120, 40).backend()).contains("stuurteken"));
    assert_eq!(db.counts(), before);
}

/// The frame as text with, under each line, what marks its cells without colour:
/// `R` reversed, `B` bold, `U` underlined, `D` dim.
fn without_colour(buffer: &Buffer) -> String {
    use ratatui::style::Modifier;
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut text = String::new();
        let mut marks = String::new();
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            text.push_str(cell.symbol());
            let m = cell.modifier;
            marks.push(if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::DIM) {
                'D'
            } else {
                ' '
            });
        }
        out.push_str(&format!("{}\n{}\n", text.trim_end(), marks.trim_end()));
    }
    out
}

#[test]
fn without_colour_the_selection_late_items_and_legal_terms_stay_recognisable() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    app.set_theme(inbeeld::tui::theme::Theme::none());
    for (keys, name) in [("", "worklist"), ("2", "caseload")] {
        type_keys(&mut app, keys);
        let terminal = render(&mut app, 120, 40);
        let buffer = terminal.backend().buffer();
        assert!(
            buffer
                .content
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
            "{name}: a colour is left"
        );
        // The selected row is reversed across the whole width.
        let selected = (2..40) // below the title bar, whose name is reversed
            .find(|&y| {
                buffer[(0, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED)
            })
            .expect("a selected row");
        for x in 0..120 {
            assert!(
                buffer[(x, selected)]
                    .modifier
                    .contains(ratatui::style::Modifier::REVERSED),
                "{name}: column {x} of the selected row is not marked:\n{}",
                without_colour(buffer)
            );
        }
        // Late is said and bold, not only red.
        let late: Vec<_> = cells_with(buffer, "te laat").collect();
        assert!(!late.is_empty(), "{name}");
        for (x, y) in late.into_iter().filter(|&(_, y)| y >= 2 && y != selected) {
            assert!(
                buffer[(x, y)]
                    .modifier
                    .contains(ratatui::style::Modifier::BOLD),
                "{name}: late at row {y} is not bold"
            );
        }
        insta::assert_snapshot!(format!("{name}_no_colour_120x40"), without_colour(buffer));
    }
    type_keys(&mut app, "1");
    let terminal = render(&mut app, 120, 40);
    assert!(cells_with(terminal.backend().buffer(), "§ Voorschot")
        .next()
        .is_some());
}

/// The wide terminal: the main screens at 200×60.
#[test]
fn the_main_screens_at_200_by_60() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    for (keys, name) in [
        ("", "worklist"),
        ("2", "caseload"),
        ("3", "week"),
        ("4J", "overview"),
        ("2\n", "dossier"),
    ] {
        type_keys(&mut app, keys);
        insta::assert_snapshot!(
            format!("{name}_200x60"),
            render(&mut app, 200, 60).backend()
        );
        type_keys(&mut app, "\u{1b}");
    }
}

/// At 80×24 every tab of the dossier is on screen and the active one is marked
/// without colour (reversed), whichever it is.
#[test]
fn the_dossier_shows_its_active_tab_at_80_by_24() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    app.set_theme(inbeeld::tui::theme::Theme::none());
    type_keys(&mut app, "2\n");
    let tabs = [
        "Activiteiten",
        "Aanvragen",
        "Plan",
        "Werkitems",
        "Contacten",
        "Notities",
        "Situatie",
    ];
    for (n, active) in tabs.iter().enumerate() {
        let terminal = render(&mut app, 80, 24);
        let buffer = terminal.backend().buffer();
        for title in tabs {
            let (x, y) = cells_with(buffer, title)
                .find(|&(_, y)| y < 8)
                .unwrap_or_else(|| panic!("{title} is not on screen"));
            let marked = buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED);
            assert_eq!(marked, title == *active, "tab {n}: {title}");
        }
        type_keys(&mut app, "l");
    }
}

/// Where the hints do not all fit, the least important go first: never the
/// screen's main key nor `?`.
#[test]
fn the_status_line_keeps_afhandelen_and_the_help_key() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    for width in [60, 80, 120] {
        let terminal = render(&mut app, width, 24);
        let status = format!("{}", terminal.backend())
            .lines()
            .last()
            .unwrap()
            .to_owned();
        assert!(status.contains("afhandelen"), "{width}: {status}");
        assert!(status.contains("? toetsen"), "{width}: {status}");
    }
    let wide = render(&mut app, 120, 24);
    let status = format!("{}", wide.backend())
        .lines()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        status.contains("q stoppen"),
        "room for all at 120: {status}"
    );
}

/// The dossier's Brieven tab: one letter sent, one not yet.
#[test]
fn dossier_letters() {
    use inbeeld::domain::letter::LetterKind;
    use inbeeld::letters::LetterSetup;
    use inbeeld::workflow;
    let db = common::Db::new();
    let mut app = demo_app(&db);
    type_keys(&mut app, "2");
    let client = app.selected_client().unwrap();
    let mut store = Store::open(&db.path).unwrap();
    let on = "2026-11-26".parse().unwrap();
    let afspraak = workflow::add_appointment(
        &mut store,
        &inbeeld::domain::appointment::NewAppointment {
            client,
            date: on,
            time: Some("10:30"),
            channel: "op_locatie",
            title: Some("Kennismakingsgesprek"),
            duration: None,
            location: None,
        },
        today(),
    )
    .unwrap()
    .id();
    let setup = LetterSetup {
        sender: common::sender(),
        settings: db.path.with_file_name("instellingen.toml"),
        templates: None,
        folder: db.path.with_file_name("brieven"),
    };
    for kind in [LetterKind::Invitation, LetterKind::Reminder] {
        inbeeld::letters::make_letter(&mut store, &setup, kind, afspraak, None, today()).unwrap();
    }
    let first = store.letters(Some(client)).unwrap().last().unwrap().id;
    workflow::send_letter(&mut store, first, today(), today()).unwrap();
    drop(store);
    // From the first tab back to the last: Brieven.
    type_keys(&mut app, "\nh");
    let shown = render(&mut app, 120, 40);
    // The paths differ per run: only the rows are compared.
    insta::assert_snapshot!("dossier_letters_120x40", shown.backend());
    insta::assert_snapshot!("dossier_letters_80x24", render(&mut app, 80, 24).backend());
}

/// The demo caseload as a teamleider's snapshot: its clients divided over three
/// klantmanagers, the file only read.
fn team_snapshot_app(db: &common::Db) -> App {
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    let members = ["ahmed", "jan", "sanne"];
    let shared: Vec<inbeeld::store::SharedClient> = store
        .client_summaries(today())
        .unwrap()
        .iter()
        .enumerate()
        .map(|(n, c)| inbeeld::store::SharedClient {
            client_id: c.id,
            uuid: format!("00000000-0000-4000-8000-{:012}", c.id),
            hash: None,
            owner: Some(members[n % members.len()].to_owned()),
        })
        .collect();
    store.record_team_clients(&shared, &[], today()).unwrap();
    store
        .set_team_snapshot("host=/tmp user=tl", "2026-11-22T07:45:00.000Z")
        .unwrap();
    store.set_read_only().unwrap();
    let session = Session {
        today: today(),
        today_overridden: true,
        db_label: "~/team.sqlite".into(),
        read_only: true,
        peeking: false,
    };
    App::new(store, session).unwrap()
}

#[test]
fn team_view_of_a_snapshot() {
    let db = common::Db::new();
    let mut app = team_snapshot_app(&db);
    type_keys(&mut app, "5");
    insta::assert_snapshot!("team_120x40", render(&mut app, 120, 40).backend());
    insta::assert_snapshot!("team_80x24", render(&mut app, 80, 24).backend());
    // Enter: the caseload of the klantmanager under the cursor, and no one else's.
    type_keys(&mut app, "j\n");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(screen.contains("van jan"), "{screen}");
    let own = app.visible_rows();
    type_keys(&mut app, "\u{1b}");
    assert!(
        app.visible_rows() > own,
        "Esc shows the whole caseload again"
    );
    // `w`: the werkvoorraad of that klantmanager, and a dossier says whose client.
    type_keys(&mut app, "5w");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(screen.contains("van jan"), "{screen}");
    let items = app.visible_rows();
    type_keys(&mut app, "o");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(screen.contains("klantmanager jan"), "{screen}");
    type_keys(&mut app, "\u{1b}\u{1b}");
    assert!(
        app.visible_rows() > items,
        "Esc shows everyone's work again"
    );
    // The Overzicht only looks: it opens on the snapshot, for any period.
    type_keys(&mut app, "4J");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(
        screen.contains("4 Overzicht") && !screen.contains("Alleen lezen"),
        "{screen}"
    );
    assert!(app.message().is_none(), "{:?}", app.message());
    type_keys(&mut app, "2");
    // An edit is refused with the reason, before a form is typed in vain.
    type_keys(&mut app, "\nn");
    assert!(!app.help_open());
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(screen.contains("een momentopname van het team"), "{screen}");
}

#[test]
fn without_a_team_the_team_key_says_why() {
    let db = common::Db::new();
    let mut app = demo_app(&db);
    type_keys(&mut app, "5");
    let screen = format!("{}", render(&mut app, 120, 40).backend());
    assert!(
        screen.contains("Werkvoorraad") && screen.contains("kent het team niet"),
        "{screen}"
    );
    assert!(!screen.contains("5 Team"), "no Team tab without a team");
}

/// The receipt of a melding under 27 while its zoektermijn runs: the form offers
/// to waive it, with a reason (Pw art. 41 lid 4).
#[test]
fn waiver_form() {
    let db = common::Db::new();
    let mut app = demo_app_with(&db, |store| {
        let client = inbeeld::workflow::add_client(
            store,
            &inbeeld::domain::client::NewClient {
                name: "Daan de Jong".into(),
                category: "job_ready".into(),
                birth_date: Some("2004-05-06".parse().unwrap()),
                ..Default::default()
            },
            today(),
        )
        .unwrap()
        .id();
        let melding = today() - chrono::Days::new(3);
        inbeeld::workflow::add_application(store, client, melding, false, today()).unwrap();
    });
    dossier_of(&db, &mut app, "SELECT 'Daan de Jong'", 1);
    type_keys(&mut app, "o");
    let wide = render(&mut app, 120, 40);
    assert!(
        format!("{}", wide.backend()).contains("Zoektermijn afzien"),
        "{}",
        wide.backend()
    );
    insta::assert_snapshot!("waiver_form_120x40", wide.backend());
    insta::assert_snapshot!("waiver_form_80x24", render(&mut app, 80, 24).backend());
}

/// The besluit on a maatregel: the verordening's verlaging offered in its fields,
/// and why (a first maatregel, or again within the terugkijktermijn).
#[test]
fn sanction_form() {
    let db = common::Db::new();
    let mut app = demo_app_with(&db, |store| {
        let client = inbeeld::workflow::add_client(
            store,
            &inbeeld::domain::client::NewClient {
                name: "Karin Visser".into(),
                category: "beheer".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap()
        .id();
        let signaal = inbeeld::workflow::add_activity(
            store,
            &inbeeld::domain::activity::NewActivity {
                client_id: client,
                type_code: "maatregel".into(),
                title: Some("Afspraak bij het werkbedrijf gemist".into()),
                start_date: today() - chrono::Days::new(14),
                end_date: today() - chrono::Days::new(2),
            },
            None,
            today(),
        )
        .unwrap()
        .id();
        inbeeld::workflow::close_activity(
            store,
            signaal,
            &inbeeld::domain::handling::CloseRequest {
                outcome: "voornemen".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    });
    dossier_of(&db, &mut app, "SELECT 'Karin Visser'", 0);
    type_keys(&mut app, "x1");
    let wide = render(&mut app, 120, 40);
    assert!(
        format!("{}", wide.backend()).contains("Verordening: verlaging 20% gedurende 1 maand"),
        "{}",
        wide.backend()
    );
    insta::assert_snapshot!("sanction_form_120x40", wide.backend());
    insta::assert_snapshot!("sanction_form_80x24", render(&mut app, 80, 24).backend());
}
