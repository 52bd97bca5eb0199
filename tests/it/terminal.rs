//! End to end in a real terminal: tmux runs the cockpit, keys do the work, the
//! cockpit quits, and the command line's `--json` shows that every change was
//! saved. One test closes an item and writes a note on the demo caseload; the other
//! walks a new client through a whole course without the command line.
//!
//! Without tmux the tests skip, saying so; under `CI=true` that is a failure.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_inbeeld");

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "cockpit"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "cockpit"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Waits until the screen shows `text`.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            if self.screen().contains(text) {
                return;
            }
            sleep(Duration::from_millis(50));
        }
        panic!("screen never showed {text:?}:\n{}", self.screen());
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["-L", &self.socket, "has-session", "-t", "cockpit"])
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn inbeeld(db: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .env("INBEELD_DB", db)
        .env("INBEELD_TODAY", common::TODAY)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether tmux is here; without it the test skips, except in CI.
fn tmux_present() -> bool {
    if Command::new("tmux").arg("-V").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "tmux is not installed: under CI=true the terminal tests may not skip"
    );
    eprintln!("tmux is not installed: the terminal test is skipped");
    false
}

/// A cockpit on `db` in a detached tmux session of 120×40.
fn cockpit(db: &Path, name: &str) -> Tmux {
    cockpit_on(db, name, common::TODAY)
}

/// A cockpit as if it were `today`.
fn cockpit_on(db: &Path, name: &str, today: &str) -> Tmux {
    let tmux = Tmux {
        socket: format!("inbeeld-{name}-{}", std::process::id()),
    };
    let command = format!("INBEELD_TODAY={today} {BIN} --db {}", db.display());
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "cockpit",
        "-x",
        "120",
        "-y",
        "40",
        &command,
    ]);
    tmux.wait_for("Werkvoorraad");
    tmux
}

impl Tmux {
    /// Quits with q and waits until the cockpit has gone.
    fn quit(&self) {
        self.keys(&["q"]);
        let start = Instant::now();
        while self.alive() && start.elapsed() < Duration::from_secs(10) {
            sleep(Duration::from_millis(50));
        }
        assert!(!self.alive(), "q quit the cockpit");
    }

    /// Pastes `text` as a terminal does: bracketed, when the program asked for it.
    fn paste(&self, text: &str) {
        self.run(&["set-buffer", "--", text]);
        self.run(&["paste-buffer", "-p", "-t", "cockpit"]);
    }

    fn type_text(&self, text: &str) {
        self.keys(&["-l", text]);
    }

    /// Empties the field under the cursor (a date of ten characters).
    fn clear(&self) {
        self.keys(&["BSpace"; 12]);
    }

    /// The number a picker on screen gives the choice that reads `label`.
    fn choice(&self, label: &str) -> String {
        let screen = self.screen();
        screen
            .lines()
            .flat_map(|l| l.split('│'))
            .find_map(|cell| {
                let (number, rest) = cell.trim().split_once(' ')?;
                let fits = rest == label || rest.starts_with(&format!("{label}  "));
                (fits && number.parse::<u8>().is_ok()).then(|| number.to_owned())
            })
            .unwrap_or_else(|| panic!("no choice {label:?}:\n{screen}"))
    }

    /// Moves down with j until the screen shows `text`.
    fn down_to(&self, text: &str) {
        for _ in 0..30 {
            if self.screen().contains(text) {
                return;
            }
            self.keys(&["j"]);
            sleep(Duration::from_millis(60));
        }
        panic!("never reached {text:?}:\n{}", self.screen());
    }
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&inbeeld(db, args)).unwrap()
}

#[test]
fn close_an_item_and_write_a_note_in_a_real_terminal() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    inbeeld(&db.path, &["demo", "--no-open"]);
    let before: Value = serde_json::from_str(&inbeeld(&db.path, &["worklist", "--json"])).unwrap();
    let first = before[0]["id"].as_i64().unwrap();
    // After the first item is handled, the selection goes to its client's next item,
    // else to the top of the list — never to another client by row number.
    let first_client = before[0]["client_id"].as_i64().unwrap();
    let rest = &before.as_array().unwrap()[1..];
    let second_client = if rest.iter().any(|i| i["client_id"] == first_client) {
        first_client
    } else {
        rest[0]["client_id"].as_i64().unwrap()
    };

    let tmux = cockpit(&db.path, "note");
    tmux.wait_for("te laat");

    // Close the first item with the first outcome its kind allows.
    tmux.keys(&["a"]);
    tmux.wait_for("Afhandelen");
    tmux.keys(&["1"]);
    tmux.wait_for("Toelichting");
    tmux.keys(&["Enter"]);
    tmux.wait_for("afgehandeld");

    // Open the client of the selected item and write a note.
    tmux.keys(&["o"]);
    tmux.wait_for("Activiteiten (");
    // A paste is text, never keys: on the dossier it does nothing ("n" and the line
    // break would otherwise open and save a note) ...
    tmux.paste("n\nq\n");
    tmux.wait_for("Plakken kan alleen in een invulveld");
    // ... and in the note editor it is the note's text, lines and all.
    tmux.keys(&["n"]);
    tmux.wait_for("Notitie voor");
    tmux.paste("Klant gebeld\nvanuit tmux.");
    tmux.wait_for("vanuit tmux.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Notitie bewaard");
    tmux.quit();

    let after: Value = serde_json::from_str(&inbeeld(&db.path, &["worklist", "--json"])).unwrap();
    assert!(
        after.as_array().unwrap().iter().all(|i| i["id"] != first),
        "the item left the werkvoorraad"
    );
    assert_eq!(
        after.as_array().unwrap().len() + 1,
        before.as_array().unwrap().len()
    );
    let item: Value = serde_json::from_str(&inbeeld(
        &db.path,
        &["item", "show", &first.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(item["status"], "closed");
    assert_eq!(item["outcome"], item["allowed_outcomes"][0]["code"]);

    let dossier: Value = serde_json::from_str(&inbeeld(
        &db.path,
        &["client", "show", &second_client.to_string(), "--json"],
    ))
    .unwrap();
    assert_eq!(dossier["notes"][0]["text"], "Klant gebeld\nvanuit tmux.");
    assert_eq!(dossier["notes"][0]["date"], common::TODAY);
}

/// The whole course of a new client by keys alone: registration, an aanvraag with a
/// hersteltermijn, the documents received, the besluit and its bezwaartermijn; a
/// doorstroom; an afspraak planned, moved and missed, with a new one; a note
/// written and undone; the handled item reopened; the uitstroom. Then everything
/// is checked through `--json`.
#[test]
fn a_new_client_through_the_whole_cockpit() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    let path = db.path.as_path();
    inbeeld(path, &["client", "list"]);
    let tmux = cockpit(path, "day");

    // Register from the caseload.
    tmux.keys(&["2", "n"]);
    tmux.wait_for("Nieuwe klant");
    tmux.keys(&["1"]);
    tmux.type_text("Sanne Bakker");
    tmux.keys(&["Tab"]);
    tmux.type_text("1990-04-02");
    tmux.keys(&["Tab"]);
    tmux.type_text("111222333");
    tmux.keys(&["Tab"]);
    tmux.type_text("06-12345678");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Sanne Bakker ingeschreven");

    // The aanvraag, received on 1 October.
    tmux.keys(&["A"]);
    tmux.wait_for("Datum van ontvangst");
    tmux.clear();
    tmux.type_text("2026-10-01");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Aanvraag van do 1 okt 2026 geregistreerd");

    // A hersteltermijn given on 10 November, ending on the suggested working day.
    tmux.keys(&["H"]);
    tmux.wait_for("Wat ontbreekt er?");
    tmux.type_text("loonstroken");
    tmux.keys(&["Tab"]);
    tmux.clear();
    tmux.type_text("2026-11-10");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Hersteltermijn tot ma 7 dec 2026");
    // Its letter is offered in the same step: not now.
    tmux.wait_for("Hersteltermijnbrief maken?");
    tmux.keys(&["n"]);

    // The documents arrived on 20 November: x on the hersteltermijn, ontvangen.
    tmux.keys(&["l"]);
    tmux.wait_for("Opgeschort (Awb 4:15)");
    tmux.keys(&["G"]);
    tmux.wait_for("Geen wettelijke termijn");
    tmux.keys(&["x"]);
    tmux.wait_for("Stukken ontvangen");
    tmux.keys(&["1"]);
    tmux.wait_for("Stukken ontvangen op");
    tmux.clear();
    tmux.type_text("2026-11-20");
    tmux.keys(&["Tab"]);
    tmux.type_text("per post");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Toelichting: per post");

    // The besluit: toegekend, made known today; the bezwaartermijn starts.
    tmux.keys(&["B"]);
    tmux.wait_for("Buiten behandeling gesteld");
    tmux.keys(&["1"]);
    tmux.wait_for("Bekendgemaakt op");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Besluit: toegekend");
    // The client's term, no § of the klantmanager's.
    tmux.wait_for("Awb 6:7 en 6:8 · termijn van de aanvrager");

    // Doorstroom to beheer, with a reason.
    tmux.keys(&["K"]);
    tmux.wait_for("Beheer");
    let beheer = tmux.choice("Beheer");
    tmux.keys(&[beheer.as_str()]);
    tmux.wait_for("Doorstroom naar");
    tmux.keys(&["Tab"]);
    tmux.type_text("langdurig ziek");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Doorstroom");
    tmux.wait_for("Beheer (sinds");

    // An afspraak on Tuesday at 10:00 ...
    tmux.keys(&["h"]);
    tmux.keys(&["a"]);
    tmux.wait_for("Nieuwe activiteit");
    let afspraak = tmux.choice("Afspraak");
    tmux.keys(&[afspraak.as_str()]);
    tmux.wait_for("Afspraak: kanaal");
    tmux.keys(&["1"]);
    tmux.wait_for("Onderwerp");
    tmux.keys(&["Tab"]);
    tmux.clear();
    tmux.type_text("2026-11-24");
    tmux.keys(&["Tab"]);
    tmux.type_text("10:00");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Afspraak gepland op di 24 nov 2026");

    // ... moved to today, on the Activities tab where it is the first open one.
    tmux.keys(&["g", "m"]);
    tmux.wait_for("Afspraak verplaatsen");
    tmux.clear();
    tmux.type_text(common::TODAY);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Afspraak ");
    tmux.wait_for("22 nov 2026 – 22 nov 2026");

    // The client did not come: handled in the week, with a new afspraak on Thursday.
    tmux.keys(&["3"]);
    tmux.wait_for("werkitem");
    tmux.down_to("werkitem");
    let screen = tmux.screen();
    let item_line = screen
        .lines()
        .position(|l| l.contains("werkitem") && l.contains("Sanne Bakker"))
        .expect("the afspraak's item is in today's week");
    tmux.keys(&["g"]);
    for _ in 0..item_line - 2 {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["a"]);
    tmux.wait_for("Niet verschenen");
    let no_show = tmux.choice("Niet verschenen");
    tmux.keys(&[no_show.as_str()]);
    tmux.wait_for("Nieuwe afspraak op");
    tmux.clear();
    tmux.type_text("2026-11-26");
    tmux.keys(&["Enter"]);
    // The new afspraak's invitation is offered at once; not now.
    tmux.wait_for("Uitnodiging voor de nieuwe afspraak op do 26 nov 2026 maken?");
    tmux.wait_for("afgehandeld (niet verschenen)");
    tmux.keys(&["n"]);

    // A note written by mistake, and Ctrl-Z takes it back after naming it.
    tmux.keys(&["2", "Enter"]);
    tmux.wait_for("Activiteiten (");
    tmux.keys(&["n"]);
    tmux.wait_for("Notitie voor");
    tmux.type_text("Verkeerde klant.");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Notitie bewaard");
    tmux.keys(&["C-z"]);
    tmux.wait_for("Ongedaan maken?");
    tmux.keys(&["j"]);
    tmux.wait_for("Ongedaan gemaakt");

    // The no-show was a mistake? Reopening its item is refused: the handling also
    // planned a new afspraak, and only undo takes all of that back.
    tmux.keys(&["l", "l", "l"]);
    tmux.wait_for("Vervalt");
    tmux.keys(&["g"]);
    tmux.down_to(": Niet verschenen");
    tmux.keys(&["r"]);
    tmux.wait_for("Heropenen");
    tmux.type_text("toch verschenen");
    tmux.keys(&["Enter"]);
    tmux.wait_for("afgehandeld met 'no_show'");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Esc nogmaals");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Vervalt");

    // Uitstroom for werk: what is still open lapses with it.
    tmux.keys(&["U"]);
    tmux.wait_for("Uitstroom");
    let werk = tmux.choice("Werk");
    tmux.keys(&[werk.as_str()]);
    tmux.wait_for("Datum van uitstroom");
    tmux.keys(&["Enter"]);
    tmux.wait_for("uitgestroomd");
    tmux.quit();

    // Everything, through the command line's JSON.
    let client = json(path, &["client", "show", "1", "--json"]);
    assert_eq!(client["name"], "Sanne Bakker");
    assert_eq!(client["birth_date"], "1990-04-02");
    assert_eq!(client["phone"], "06-12345678");
    assert_eq!(client["category"], "beheer");
    assert_eq!(client["category_history"][0]["reason"], "langdurig ziek");
    assert_eq!(client["ended_on"], common::TODAY);
    assert_eq!(client["end_reason"], "werk");
    assert!(
        client["notes"].as_array().unwrap().is_empty(),
        "the undone note is gone from the dossier: {}",
        client["notes"]
    );
    let aanvraag = json(path, &["aanvraag", "show", "1", "--json"]);
    assert_eq!(aanvraag["received_on"], "2026-10-01");
    assert_eq!(aanvraag["decision"], "toegekend");
    assert_eq!(aanvraag["decided_on"], common::TODAY);
    assert_eq!(aanvraag["suspensions"][0]["from"], "2026-11-11");
    assert_eq!(aanvraag["suspensions"][0]["to"], "2026-11-19");
    let herstel = &aanvraag["hersteltermijnen"][0];
    assert_eq!(herstel["outcome"], "ontvangen");
    assert_eq!(herstel["outcome_note"], "per post");
    let bezwaar = aanvraag["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["rule"] == "bezwaartermijn")
        .expect("the bezwaartermijn started");
    assert_eq!(bezwaar["end_date"], "2027-01-04");
    let activities = client["activities"].as_array().unwrap();
    let afspraken: Vec<&Value> = activities
        .iter()
        .filter(|a| a["type"] == "afspraak")
        .collect();
    assert_eq!(afspraken.len(), 2, "the missed afspraak and the new one");
    assert!(afspraken
        .iter()
        .any(|a| a["start_date"] == common::TODAY && a["time"] == "10:00"));
    assert!(afspraken.iter().any(|a| a["start_date"] == "2026-11-26"));
    let missed = db.scalar(&format!(
        "SELECT id FROM work_items WHERE kind_code = 'afspraak' AND due_date = '{}'",
        common::TODAY
    ));
    let detail = json(path, &["item", "show", &missed, "--json"]);
    assert_eq!(detail["outcome"], "no_show", "not reopened: {detail}");
    assert_eq!(db.scalar("SELECT count(*) FROM reopenings"), "0");
    // The new afspraak was open at the uitstroom: closed with its kind's outcome.
    assert_eq!(
        db.scalar("SELECT outcome_code FROM activities WHERE start_date = '2026-11-26'"),
        "uitstroom"
    );
    assert_eq!(
        db.scalar("SELECT count(*) FROM clients WHERE ended_on IS NULL"),
        "0"
    );
}

/// A second cockpit on a file another one has open only reads: it neither sweeps
/// nor makes the day's backup.
#[test]
fn a_read_only_cockpit_neither_sweeps_nor_backs_up() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    inbeeld(&db.path, &["demo", "--no-open"]);
    // As if the day had not started yet: no backup, and items for the sweep to make.
    let folder = inbeeld::store::backups_folder(&db.path);
    let _ = std::fs::remove_dir_all(&folder);
    let before = db.counts();
    let held = inbeeld::tui::cockpit_lock(&db.path)
        .unwrap()
        .expect("the lock");
    let tmux = cockpit_on(&db.path, "readonly", "2027-03-01");
    tmux.wait_for("ALLEEN LEZEN");
    tmux.quit();
    drop(held);
    assert_eq!(
        db.counts(),
        before,
        "three months on, and nothing was swept"
    );
    assert!(!folder.exists(), "no backup made");
}

#[test]
fn stray_input_never_blocks_the_keys_and_a_resize_redraws() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    inbeeld(&db.path, &["demo", "--no-open"]);
    let tmux = cockpit(&db.path, "stray");
    // A paste-start sequence whose end never comes.
    tmux.keys(&["-H", "1b", "5b", "32", "30", "30", "7e"]);
    sleep(Duration::from_millis(400));
    tmux.keys(&["2"]);
    tmux.wait_for("Categorie");
    // A smaller window: the cockpit draws itself again at that size, its status
    // line on the new last row.
    tmux.run(&["resize-window", "-t", "cockpit", "-x", "70", "-y", "20"]);
    let start = Instant::now();
    loop {
        let screen = tmux.screen();
        let last = screen.lines().nth(19).unwrap_or_default().to_owned();
        if last.contains("2026") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "not drawn again at 70×20:\n{screen}"
        );
        sleep(Duration::from_millis(50));
    }
    tmux.quit();
}

#[test]
fn a_scripted_note_shows_in_the_open_cockpit_within_two_seconds() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    inbeeld(&db.path, &["demo", "--no-open"]);
    let clients = json(&db.path, &["client", "list", "--json"]);
    let first = clients[0]["id"].as_i64().unwrap().to_string();
    let tmux = cockpit(&db.path, "changes");
    // The notes of the first client of the caseload.
    tmux.keys(&["2"]);
    tmux.wait_for("Categorie");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Activiteiten (");
    tmux.keys(&["l", "l", "l", "l", "l"]);
    // The Notities tab in front: its list or the line that there are none.
    tmux.wait_for("Notities (");
    inbeeld(
        &db.path,
        &[
            "note",
            "add",
            "--client",
            &first,
            "--text",
            "Gebeld door een script",
        ],
    );
    let written = Instant::now();
    while !tmux.screen().contains("Gebeld door een script") {
        // The cockpit looks every second; the deadline is one a loaded machine
        // meets, and a cockpit that never looks does not.
        assert!(
            written.elapsed() < Duration::from_secs(20),
            "not shown without a key:\n{}",
            tmux.screen()
        );
        sleep(Duration::from_millis(50));
    }
    tmux.quit();
}

/// The municipal system's export imported by keys alone: the form with its file and
/// profile, the preview read to its end, yes; the command line then finds every
/// client and voorziening.
#[test]
fn an_export_is_imported_from_the_cockpit_in_a_real_terminal() {
    use crate::caseload_import::{person, profile, rows, write_xlsx};
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    let dir = db.path.parent().unwrap();
    let file = dir.join("export.xlsx");
    let people: Vec<_> = (0..20).map(person).collect();
    write_xlsx(&file, &rows(&people));
    let profile = profile(dir);

    let tmux = cockpit(&db.path, "import");
    tmux.keys(&["2"]);
    tmux.wait_for("Nog geen klanten");
    tmux.keys(&["I"]);
    tmux.wait_for("Klantenbestand inlezen");
    tmux.keys(&["C-u"]);
    tmux.type_text(&file.display().to_string());
    tmux.keys(&["Tab"]);
    tmux.type_text(&profile.display().to_string());
    tmux.keys(&["Enter"]);
    tmux.wait_for("Inlezen uit export.xlsx?");
    tmux.wait_for("20 nieuwe klant(en)");
    // Nothing is written before yes, however long the list is read.
    tmux.keys(&["End"]);
    assert!(json(&db.path, &["client", "list", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    tmux.keys(&["j"]);
    tmux.wait_for("Ingelezen uit export.xlsx");
    tmux.wait_for("20 klanten");
    tmux.quit();

    let clients = json(&db.path, &["client", "list", "--json"]);
    assert_eq!(clients.as_array().unwrap().len(), 20);
    let first = json(
        &db.path,
        &["client", "show", &clients[0]["id"].to_string(), "--json"],
    );
    assert_eq!(
        first["activities"].as_array().unwrap().len(),
        5,
        "every voorziening of the row landed: {first}"
    );
}

/// A file with one client, Ans Visser (beheer), and a cockpit at the fields of a new
/// activity of hers, of the type the picker calls `label`.
fn plan_for_ans(db: &Path, name: &str, label: &str) -> Tmux {
    inbeeld(
        db,
        &[
            "client",
            "add",
            "--name",
            "Ans Visser",
            "--category",
            "beheer",
        ],
    );
    let tmux = cockpit(db, name);
    tmux.keys(&["2", "o"]);
    tmux.wait_for("Ans Visser");
    tmux.keys(&["a"]);
    tmux.wait_for("Nieuwe activiteit");
    let choice = tmux.choice(label);
    tmux.keys(&[choice.as_str()]);
    tmux.wait_for("Einddatum");
    tmux
}

/// On `today`, handles the first item of the werkvoorraad, `(title, outcome)`, typing
/// `note` where its form asks `asked` (a toelichting, or a reden where one is required).
fn handle_first(
    db: &Path,
    name: &str,
    today: &str,
    (title, outcome): (&str, &str),
    (asked, note): (&str, &str),
) {
    let tmux = cockpit_on(db, name, today);
    tmux.wait_for(title);
    tmux.keys(&["a"]);
    tmux.wait_for("Afhandelen");
    let number = tmux.choice(outcome);
    tmux.keys(&[number.as_str()]);
    tmux.wait_for(asked);
    tmux.type_text(note);
    tmux.keys(&["Enter"]);
    tmux.wait_for("afgehandeld");
    tmux.quit();
}

/// A heronderzoek by keys alone: planned in the dossier at the risk profile's three
/// months, in the werkvoorraad two weeks before its day, done; the next one is then
/// planned at the same interval from that day, without a key more.
#[test]
fn a_heronderzoek_comes_back_at_its_interval_in_a_real_terminal() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    let path = db.path.as_path();
    let tmux = plan_for_ans(path, "heronderzoek", "Heronderzoek");
    // Title, start date, end date: three months on.
    tmux.keys(&["Tab", "Tab"]);
    tmux.clear();
    tmux.type_text("+3m");
    tmux.keys(&["Enter"]);
    tmux.wait_for("ma 22 feb 2027");
    tmux.quit();

    // Two weeks before its day it is in the werkvoorraad; done, it comes back.
    handle_first(
        path,
        "heronderzoek-done",
        "2027-02-15",
        ("Heronderzoek uitvoeren", "Uitgevoerd"),
        ("Toelichting", ""),
    );

    let dossier = json(path, &["client", "show", "1", "--json"]);
    let heronderzoeken: Vec<&Value> = dossier["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["type"] == "heronderzoek")
        .collect();
    assert_eq!(heronderzoeken.len(), 2, "{dossier}");
    let open: Vec<&&Value> = heronderzoeken
        .iter()
        .filter(|a| a["status"] == "open")
        .collect();
    assert_eq!(open.len(), 1, "one cycle runs: {dossier}");
    // 22 Nov 2026 → 22 Feb 2027 is 92 days; done on 15 Feb, the next on 18 May.
    assert_eq!(open[0]["start_date"], "2027-02-15");
    assert_eq!(open[0]["end_date"], "2027-05-18");
}

/// A maatregel by keys alone, from signaal to bezwaartermijn: the signaal weighed and
/// a voornemen sent, the zienswijze heard and the maatregel imposed with its verlaging
/// (the verordening's offered, another only with a toelichting); each step is in the
/// werkvoorraad on its day, and the last one starts the six weeks for bezwaar.
#[test]
fn a_maatregel_goes_from_signaal_to_bezwaartermijn_in_a_real_terminal() {
    if !tmux_present() {
        return;
    }
    let db = common::Db::new();
    let path = db.path.as_path();
    let tmux = plan_for_ans(path, "signaal", "Maatregel: signaal");
    tmux.keys(&["Enter"]);
    tmux.wait_for("zo 6 dec 2026");
    tmux.quit();

    handle_first(
        path,
        "voornemen",
        "2026-12-07",
        ("Signaal wegen", "Voornemen verstuurd"),
        ("Toelichting", ""),
    );
    // The besluit: the verordening's verlaging is offered (a first maatregel: 20%
    // for a month); another needs a toelichting, refused in the form without one.
    let tmux = cockpit_on(path, "opgelegd", "2026-12-22");
    tmux.wait_for("Zienswijze gehoord");
    tmux.keys(&["a"]);
    tmux.wait_for("Afhandelen");
    let number = tmux.choice("Maatregel opgelegd");
    tmux.keys(&[number.as_str()]);
    tmux.wait_for("Verordening: verlaging 20% gedurende 1 maand");
    tmux.type_text("30");
    tmux.keys(&["Tab"]);
    tmux.type_text("3");
    tmux.keys(&["Enter"]);
    tmux.wait_for("wijkt af van de verordening");
    tmux.keys(&["Tab"]);
    tmux.type_text("tweede gesprek gemist");
    tmux.keys(&["Enter"]);
    tmux.wait_for("afgehandeld");
    tmux.quit();

    let dossier = json(path, &["client", "show", "1", "--json"]);
    let activities = dossier["activities"].as_array().unwrap();
    let of = |kind: &str| {
        activities
            .iter()
            .find(|a| a["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind}: {dossier}"))
    };
    assert_eq!(of("maatregel")["outcome"], "voornemen");
    assert_eq!(of("zienswijze")["outcome"], "maatregel_opgelegd");
    assert_eq!(
        of("zienswijze")["outcome_note"],
        "verlaging 30% gedurende 3 maanden; tweede gesprek gemist"
    );
    let bezwaar = of("bezwaartermijn");
    assert_eq!(bezwaar["status"], "open");
    assert_eq!(bezwaar["start_date"], "2026-12-22");
    assert_eq!(bezwaar["end_date"], "2027-02-02", "six weeks (Awb 6:7)");
}
