//! Helpers shared by the integration tests: a temporary database, the binary with
//! a fixed `today`, and row counts to prove that refused input changed nothing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

/// The passphrase commands seal and open bundles with.
pub const PASSPHRASE: &str = "proef-wachtwoordzin";

pub const TODAY: &str = "2026-11-22";

/// `TODAY` as a date.
pub fn today() -> chrono::NaiveDate {
    TODAY.parse().unwrap()
}

/// One key, without modifiers, into the cockpit.
pub fn press(app: &mut inbeeld::tui::App, code: crossterm::event::KeyCode) {
    app.handle_key(crossterm::event::KeyEvent::new(
        code,
        crossterm::event::KeyModifiers::NONE,
    ));
}

/// Keys typed as text into the cockpit: `\n` is Enter, `\t` Tab, `\u{1b}` Esc.
pub fn type_keys(app: &mut inbeeld::tui::App, keys: &str) {
    use crossterm::event::KeyCode;
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\u{1b}' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        press(app, code);
    }
}

/// The tables whose rows a refused command must leave alone.
pub const TABLES: &[&str] = &[
    "clients",
    "activities",
    "work_items",
    "postponements",
    "contacts",
    "notes",
    "audit_log",
    "edits",
    "edit_rows",
    "category_changes",
    "reopenings",
    "note_corrections",
    "contact_corrections",
    "letters",
    "categories",
    "activity_types",
    "outcomes",
];

pub struct Db {
    _dir: TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("inbeeld.sqlite");
        // As `inbeeld init` makes it: a named file that does not exist is refused.
        inbeeld::store::Store::open(&path).expect("a new caseload");
        Db { _dir: dir, path }
    }

    /// A path where no file is yet, for a test that writes one of its own there.
    #[allow(dead_code)]
    pub fn without_file() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("inbeeld.sqlite");
        Db { _dir: dir, path }
    }

    /// The binary, on this database, on `TODAY`.
    pub fn cmd(&self) -> Command {
        self.cmd_on(TODAY)
    }

    pub fn cmd_on(&self, today: &str) -> Command {
        let mut cmd = Self::cmd_for(&self.path);
        cmd.env("INBEELD_TODAY", today);
        cmd
    }

    /// A command on the file at `path`, for a thread that cannot borrow the `Db`.
    #[allow(dead_code)]
    pub fn cmd_for(path: &Path) -> Command {
        let mut cmd = Command::cargo_bin("inbeeld").expect("binary");
        // Settings beside the file (none unless a test writes them): never the
        // account's own.
        cmd.env("INBEELD_DB", path)
            .env("INBEELD_SETTINGS", path.with_file_name("instellingen.toml"))
            .env("INBEELD_TODAY", TODAY)
            .env("INBEELD_PASSPHRASE", PASSPHRASE)
            .env("INBEELD_USER", "test-klantmanager")
            .env_remove("INBEELD_CLIENTS");
        cmd
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs an `add` command and returns the id it printed.
    pub fn add(&self, args: &[&str]) -> i64 {
        let out = self.ok(args);
        out.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{args:?} printed {out:?}, not an id"))
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("json")
    }

    /// The caseload's names, in the order `client list` gives them.
    #[allow(dead_code)]
    pub fn caseload_names(&self) -> Vec<String> {
        self.json(&["client", "list", "--json"])
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| c["name"].as_str().expect("a name").to_owned())
            .collect()
    }

    /// A command's JSON output on `today`.
    pub fn json_on(&self, today: &str, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.on(today, args)).expect("json")
    }

    /// The first open work item of `kind`, if any, as (id, due date).
    pub fn open_item(&self, kind: &str) -> Option<(i64, String)> {
        use rusqlite::OptionalExtension;
        self.conn()
            .query_row(
                "SELECT id, due_date FROM work_items WHERE kind_code = ?1 AND status = 'open'
                 ORDER BY id",
                [kind],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .unwrap()
    }

    pub fn conn(&self) -> Connection {
        Connection::open(&self.path).expect("open")
    }

    pub fn counts(&self) -> Vec<(String, i64)> {
        counts(&self.path)
    }

    /// Runs a command on `today` that must succeed and returns its stdout.
    pub fn on(&self, today: &str, args: &[&str]) -> String {
        let out = self.cmd_on(today).args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{today} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs a command on `today` that must be refused as bad input: exit code 2, one
    /// line on stderr starting with `inbeeld: ` and containing `expected`, nothing on
    /// stdout, and no row added or changed.
    pub fn refused_on(&self, today: &str, args: &[&str], expected: &str) {
        let before = self.counts();
        let out = self.cmd_on(today).args(args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
        assert!(stderr.starts_with("inbeeld: "), "{stderr}");
        assert!(
            stderr.contains(expected),
            "{args:?}: {stderr:?} lacks {expected:?}"
        );
        assert!(out.stdout.is_empty());
        assert_eq!(self.counts(), before, "{args:?} changed the database");
    }

    /// As `refused_on`, on `TODAY`.
    pub fn refused(&self, args: &[&str], expected: &str) {
        self.refused_on(TODAY, args, expected);
    }

    /// An aanvraag of `client` received on `received`, registered on `today`;
    /// returns its number.
    pub fn aanvraag(&self, today: &str, client: &str, received: &str) -> String {
        self.on(
            today,
            &[
                "aanvraag",
                "add",
                "--client",
                client,
                "--received",
                received,
            ],
        )
        .trim()
        .to_owned()
    }

    /// The one value `sql` selects, as text ("NULL" for none), read straight from
    /// the file.
    pub fn scalar(&self, sql: &str) -> String {
        self.conn()
            .query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| match v {
                rusqlite::types::Value::Null => "NULL".to_owned(),
                rusqlite::types::Value::Integer(i) => i.to_string(),
                rusqlite::types::Value::Text(t) => t,
                other => format!("{other:?}"),
            })
            .unwrap()
    }

    /// A client in `category`, added through the command line.
    pub fn client(&self, name: &str, category: &str) -> i64 {
        self.add(&["client", "add", "--name", name, "--category", category])
    }
}

pub fn counts(path: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(path).expect("open");
    TABLES
        .iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .expect("count");
            (t.to_string(), n)
        })
        .collect()
}

/// Whether no cell of a drawn frame holds a control character (which a terminal
/// would act on instead of showing).
#[allow(dead_code)]
pub fn shows_no_control_characters(
    terminal: &ratatui::Terminal<ratatui::backend::TestBackend>,
) -> bool {
    terminal
        .backend()
        .buffer()
        .content
        .iter()
        .all(|c| !c.symbol().chars().any(char::is_control))
}

/// The cockpit's screen at 120×40, as text.
pub fn screen(app: &mut inbeeld::tui::App) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    format!("{}", terminal.backend())
}

/// A full `[afzender]`, for letters.
#[allow(dead_code)]
pub fn sender() -> inbeeld::domain::letter::Sender {
    inbeeld::domain::letter::Sender {
        gemeente: "Gemeente Zwolle".into(),
        afdeling: "Werk en Inkomen".into(),
        adres: "Postbus 10007, 8000 GA Zwolle".into(),
        bezoekadres: "Stadhuis, Grote Kerkplein 15, Zwolle".into(),
        naam: "Sanne de Vries".into(),
        telefoon: "038 498 2000".into(),
        email: "werkeninkomen@zwolle.nl".into(),
    }
}

/// A Python with these modules (the distribution's, which CI installs), or `None`
/// with a line saying the test is skipped; under `CI=true` a skip is a failure.
#[allow(dead_code)]
pub fn python_with(modules: &[&str]) -> Option<&'static str> {
    let check = format!("import {}", modules.join(", "));
    for python in ["/usr/bin/python3", "python3"] {
        let ok = std::process::Command::new(python)
            .args(["-c", &check])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI installs Python's {modules:?} (python3-openpyxl, python3-icalendar)"
    );
    eprintln!("overgeslagen: Python met {modules:?} ontbreekt");
    None
}
