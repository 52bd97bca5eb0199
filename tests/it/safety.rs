//! Nothing lost: backups, the check, restoring, and damaged files.

use crate::common;

use common::Db;
use serde_json::Value;

fn demo(db: &Db) {
    db.ok(&["demo", "--no-open", "--clients", "30", "--seed", "5"]);
}

fn clients(db: &Db, path: &std::path::Path) -> Value {
    let out = db
        .cmd()
        .env("INBEELD_DB", path)
        .args(["client", "list", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_backup_is_a_complete_single_file_and_never_overwrites() {
    let db = Db::new();
    demo(&db);
    let backup = db.path.with_file_name("kopie.sqlite");
    let out = db.ok(&["backup", backup.to_str().unwrap()]);
    assert!(out.contains("kopie.sqlite"));
    let mut wal = backup.as_os_str().to_owned();
    wal.push("-wal");
    assert!(
        !std::path::Path::new(&wal).exists(),
        "one file, no journal beside it"
    );
    assert_eq!(clients(&db, &backup), clients(&db, &db.path));
    assert_eq!(common::counts(&backup), db.counts());

    let before = std::fs::read(&backup).unwrap();
    db.refused(&["backup", backup.to_str().unwrap()], "bestaat al");
    assert!(std::fs::read(&backup).unwrap() == before);
}

#[test]
fn check_passes_a_healthy_file_and_names_what_is_wrong() {
    let db = Db::new();
    demo(&db);
    let out = db.ok(&["check"]);
    assert_eq!(out.matches("in orde").count(), 3, "{out}");
    let report = db.json(&["check", "--json"]);
    assert_eq!(report["integrity"][0], "ok");

    // Break three rules behind the program's back, one of them in a way the sweep
    // cannot see: an activity marked as expired for its end date without an item.
    let conn = db.conn();
    conn.execute_batch(
        "UPDATE activities SET end_date = '2026-11-20', expired_end_date = '2026-11-20'
             WHERE id = (SELECT id FROM activities WHERE status = 'open' AND end_date > '2026-11-22'
                         AND type_code = 'traject' LIMIT 1);
         INSERT INTO work_items (client_id, kind_code, title, due_date, source, status, outcome_code, closed_at, created_at)
             VALUES (1, 'traject', 'x', '2026-11-01', 'manual', 'closed', 'gebeld', 'now', 'now');
         PRAGMA foreign_keys = OFF;
         INSERT INTO notes (client_id, note_date, text, created_at) VALUES (9999, '2026-11-01', 'wees', 'now');",
    )
    .unwrap();
    drop(conn);
    let out = db.cmd().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("'gebeld', dat bij die soort niet mag"),
        "{stdout}"
    );
    assert!(stdout.contains("notes rij"), "{stdout}");
    assert_eq!(
        stdout
            .matches("verlopen zonder werkitem voor die cyclus")
            .count(),
        1,
        "{stdout}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("vond problemen"));
}

#[test]
fn restore_brings_back_a_backup_and_keeps_what_it_replaces() {
    let db = Db::new();
    demo(&db);
    let backup = db.path.with_file_name("maandag.sqlite");
    db.ok(&["backup", backup.to_str().unwrap()]);
    let monday = clients(&db, &db.path);
    db.client("Later Toegevoegd", "beheer");
    let tuesday = clients(&db, &db.path);
    assert_ne!(monday, tuesday);

    let out = db.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("teruggezet"), "{out}");
    assert_eq!(clients(&db, &db.path), monday, "the backup is back");
    let kept: Vec<_> = std::fs::read_dir(db.path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("voor-herstel"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(clients(&db, &kept[0]), tuesday, "what was replaced is kept");
}

#[test]
fn restore_refuses_a_damaged_or_foreign_file_and_changes_nothing() {
    let db = Db::new();
    demo(&db);
    let backup = db.path.with_file_name("kopie.sqlite");
    db.ok(&["backup", backup.to_str().unwrap()]);

    // Damaged: a backup with garbage in the middle.
    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 8192] {
        *b = 0xA5;
    }
    let damaged = db.path.with_file_name("kapot.sqlite");
    std::fs::write(&damaged, &bytes).unwrap();
    let before = clients(&db, &db.path);
    db.refused(&["restore", damaged.to_str().unwrap()], "niet gewijzigd");
    assert_eq!(clients(&db, &db.path), before);

    // Foreign: another program's SQLite file.
    let other = db.path.with_file_name("ander.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recepten (naam TEXT)")
        .unwrap();
    db.refused(
        &["restore", other.to_str().unwrap()],
        "geen inbeeld-database",
    );
    db.refused(&["restore", "/bestaat/niet.sqlite"], "niet worden gelezen");
    assert_eq!(clients(&db, &db.path), before);
}

#[test]
fn a_truncated_database_gives_a_clear_message_and_is_not_overwritten() {
    let db = Db::new();
    demo(&db);
    db.conn()
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    let bytes = std::fs::read(&db.path).unwrap();
    std::fs::write(&db.path, &bytes[..bytes.len() / 3]).unwrap();
    let truncated = std::fs::read(&db.path).unwrap();
    let out = db.cmd().args(["client", "list"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("beschadigd") && stderr.contains("inbeeld restore"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        truncated,
        "the damaged file is not written to"
    );
}

fn backups(db: &Db) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(inbeeld::store::backups_folder(&db.path))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The real day's backup name: daily backups follow the clock, never `--today`.
fn real_backup() -> String {
    format!("{}.sqlite", chrono::Local::now().date_naive())
}

#[test]
fn the_first_start_of_a_day_makes_a_backup_and_seven_are_kept() {
    let db = Db::new();
    db.on(
        "2026-11-01",
        &["client", "add", "--name", "Eerste", "--category", "beheer"],
    );
    assert_eq!(
        backups(&db),
        [real_backup()],
        "made before the first edit of the (real) day"
    );
    db.on(
        "2026-11-01",
        &["client", "add", "--name", "Tweede", "--category", "beheer"],
    );
    assert_eq!(backups(&db).len(), 1, "once a day");
    // The backup holds the file as it was at the start of that day.
    let first = inbeeld::store::backups_folder(&db.path).join(real_backup());
    let names: i64 = rusqlite::Connection::open(&first)
        .unwrap()
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap();
    assert_eq!(names, 0);

    // Over ten days the oldest go, seven stay.
    let store = inbeeld::store::Store::open(&db.path).unwrap();
    for day in 2..=10 {
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, day).unwrap();
        store.daily_backup(date).unwrap();
    }
    let kept = backups(&db);
    assert_eq!(kept.len(), inbeeld::store::DAILY_BACKUPS);
    assert_eq!(kept.first().map(String::as_str), Some("2020-01-05.sqlite"));
    assert_eq!(
        kept.last().map(String::as_str),
        Some(real_backup().as_str())
    );
}

#[test]
fn planning_ahead_never_pushes_out_the_real_backups() {
    let db = Db::new();
    db.client("Eerste", "beheer");
    for day in 1..=9 {
        db.on(&format!("2030-01-{day:02}"), &["worklist"]);
    }
    assert_eq!(
        backups(&db),
        [real_backup()],
        "nine simulated days made no backup of their own and removed none"
    );
}

#[test]
fn a_killed_backup_leaves_no_part_file_after_the_next_start() {
    let db = Db::new();
    db.client("Eerste", "beheer");
    let folder = inbeeld::store::backups_folder(&db.path);
    // What a backup killed half-way leaves: a part file of a process that is gone.
    let stale = folder.join("2026-11-20.sqlite.999999999.part");
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();
    let manual = db.path.with_file_name("kopie.sqlite.999999999.part");
    std::fs::write(&manual, b"half").unwrap();
    // And what a killed restore's copy left beside the file, with SQLite's journal.
    let journal = folder.join("2026-11-19.sqlite.999999998.part-journal");
    std::fs::write(&journal, b"journal").unwrap();
    let restore_part = db
        .path
        .with_file_name("bewaard.sqlite.999999997.part-journal");
    std::fs::write(&restore_part, b"journal").unwrap();
    db.ok(&["worklist"]);
    assert!(!stale.exists(), "the next start removes it");
    assert!(
        !journal.exists() && !restore_part.exists(),
        "journals of parts too"
    );
    let copy = db.path.with_file_name("kopie.sqlite");
    db.ok(&["backup", &copy.display().to_string()]);
    assert!(
        !manual.exists(),
        "a manual backup to that folder removes its own"
    );
    assert!(copy.exists());
}

#[test]
fn a_killed_export_leaves_no_bundle_under_its_name_and_its_part_goes_at_the_next() {
    let db = Db::new();
    db.client("Eerste", "beheer");
    let bundle = db.path.with_file_name("overdracht.age");
    // What an export killed half-way leaves: its part, never the real name.
    let stale = db.path.with_file_name("overdracht.age.999999999.part");
    std::fs::write(&stale, b"age-encryption.org/v1\n-> scrypt").unwrap();
    db.cmd()
        .env("INBEELD_PASSPHRASE", "lang genoeg geheim")
        .args(["export", "--out", bundle.to_str().unwrap()])
        .assert()
        .success();
    assert!(!stale.exists(), "the next export removes it");
    let written = std::fs::read(&bundle).unwrap();
    assert!(written.starts_with(b"age-encryption.org/v1"));
    let parts: Vec<_> = std::fs::read_dir(db.path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(parts.is_empty(), "{parts:?}");
    // The name is taken now: refused, and the bundle there is untouched.
    db.cmd()
        .env("INBEELD_PASSPHRASE", "lang genoeg geheim")
        .args(["export", "--out", bundle.to_str().unwrap()])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&bundle).unwrap(), written);
}

#[test]
fn a_damaged_file_points_to_the_latest_backup() {
    let db = Db::new();
    demo(&db);
    db.on("2026-11-21", &["worklist"]);
    // Today's backup becomes one of an earlier day, so the next command is the
    // first start of a (real) day and checks the file.
    let folder = inbeeld::store::backups_folder(&db.path);
    std::fs::rename(folder.join(real_backup()), folder.join("2000-01-01.sqlite")).unwrap();
    // Everything into the main file (it stays in WAL mode, as inbeeld keeps it).
    db.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let mut bytes = std::fs::read(&db.path).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 16384] {
        *b = 0x5A;
    }
    std::fs::write(&db.path, &bytes).unwrap();
    let out = db.cmd_on("2026-11-22").args(["worklist"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("beschadigd"), "{stderr}");
    assert!(
        stderr.contains("2000-01-01.sqlite"),
        "points to the latest backup: {stderr}"
    );
    assert!(
        std::fs::read(&db.path).unwrap() == bytes,
        "never overwritten"
    );
    assert_eq!(
        backups(&db),
        ["2000-01-01.sqlite"],
        "no backup of a damaged file"
    );
    // `check` gives its report on the damaged file instead of pointing to itself.
    let out = db.cmd_on("2026-11-22").args(["check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("bestand (integrity_check):"),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !stdout.contains("bestand (integrity_check): in orde"),
        "{stdout}"
    );
    assert!(
        std::fs::read(&db.path).unwrap() == bytes,
        "the check did not write"
    );
}

#[test]
fn a_scripted_edit_waits_for_a_busy_file_and_then_says_so() {
    let db = Db::new();
    let client = db.client("Bezet", "beheer").to_string();
    let mut holder = rusqlite::Connection::open(&db.path).unwrap();
    let hold = holder
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let start = std::time::Instant::now();
    let out = db
        .cmd()
        .args(["note", "add", "--client", &client, "--text", "x"])
        .output()
        .unwrap();
    let waited = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bezet") && stderr.contains("niets gewijzigd"),
        "{stderr}"
    );
    assert!(
        waited >= std::time::Duration::from_secs(4),
        "it waited for the busy timeout: {waited:?}"
    );
    hold.rollback().unwrap();
    db.ok(&["note", "add", "--client", &client, "--text", "nu wel"]);
}

#[test]
fn a_full_disk_refuses_the_edit_whole_and_keeps_the_file_sound() {
    use inbeeld::domain::journal::NewNote;
    use inbeeld::store::{Store, StoreError};
    let db = Db::new();
    let id = db.client("Vol", "beheer");
    let mut store = Store::open(&db.path).unwrap();
    let pages: i64 = db
        .conn()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store.limit_pages(pages).unwrap();
    let before = db.counts();
    // A note larger than the room that is left.
    let text = "Heel lang gesprek. ".repeat(20_000);
    let refused = inbeeld::workflow::add_note(
        &mut store,
        &NewNote {
            client_id: id,
            date: common::TODAY.parse().unwrap(),
            text,
        },
        "2026-11-22".parse().unwrap(),
    )
    .map(|done| done.id());
    let err = refused.expect_err("no room");
    assert!(matches!(err, StoreError::Full), "{err:?}");
    assert!(err.to_string().contains("schijf is vol"));
    assert_eq!(
        db.counts(),
        before,
        "nothing half: no note and no audit row"
    );
    // The file is sound and the program goes on.
    assert!(store.client(id).is_ok());
    let verdict: String = db
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");
}

#[test]
fn a_backup_that_cannot_be_made_keeps_nobody_from_the_werkvoorraad() {
    let db = Db::new();
    db.client("Eerste", "beheer");
    // Where the day's backup would go, something that cannot take it.
    let backups = inbeeld::store::backups_folder(&db.path);
    std::fs::remove_dir_all(&backups).unwrap();
    std::fs::write(&backups, b"vol").unwrap();
    let out = db.cmd().args(["worklist", "--json"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("reservekopie van vandaag is niet gemaakt"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    serde_json::from_slice::<Value>(&out.stdout).expect("the werkvoorraad");
}

#[test]
fn a_place_where_the_file_cannot_be_made_gives_a_clear_message() {
    // (A read-only folder behaves the same, but the test machines run as root, and
    // root may write anywhere; a file where a folder should be cannot be written by
    // anyone.)
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("geen-map");
    std::fs::write(&blocker, "ik ben een bestand").unwrap();
    let path = blocker.join("inbeeld.sqlite");
    let out = assert_cmd::Command::cargo_bin("inbeeld")
        .unwrap()
        .env("INBEELD_DB", &path)
        .env("INBEELD_TODAY", common::TODAY)
        .args(["init"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("kan") && stderr.contains("niet openen"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&blocker).unwrap(),
        "ik ben een bestand"
    );
}

#[cfg(unix)]
#[test]
fn the_file_its_journals_backups_and_bundles_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let db = Db::new();
    let client = db.client("Eerste", "beheer").to_string();
    let bundle = db.path.with_file_name("overdracht.json");
    db.ok(&[
        "export",
        "--client",
        &client,
        "--out",
        &bundle.display().to_string(),
    ]);
    let copy = db.path.with_file_name("kopie.sqlite");
    db.ok(&["backup", &copy.display().to_string()]);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // SQLite gives its journals the file's mode: seen while a connection writes.
    let conn = db.conn();
    conn.execute_batch("PRAGMA journal_mode = WAL; UPDATE clients SET phone = phone")
        .unwrap();
    let mut wal = db.path.as_os_str().to_owned();
    wal.push("-wal");
    let folder = inbeeld::store::backups_folder(&db.path);
    for file in [
        db.path.clone(),
        wal.into(),
        bundle,
        copy,
        folder.join(real_backup()),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    assert_eq!(mode(&folder), 0o700);
    // A file an older version left readable to others is tightened on opening.
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(
        folder.join(real_backup()),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    db.ok(&["worklist"]);
    assert_eq!(mode(&db.path), 0o600);
    assert_eq!(mode(&folder), 0o700, "the backups too");
    assert_eq!(mode(&folder.join(real_backup())), 0o600);
    // Only others lose their rights: a file its owner made read-only stays so.
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let _ = db.cmd().arg("worklist").output().unwrap();
    assert_eq!(mode(&db.path), 0o400);
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_pipe_a_device_or_a_folder_is_refused_before_sqlite_touches_it() {
    let db = Db::new();
    let fifo = db.path.with_file_name("pijp");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let folder = db.path.with_file_name("map");
    std::fs::create_dir(&folder).unwrap();
    for path in [
        fifo.as_path(),
        std::path::Path::new("/dev/null"),
        folder.as_path(),
    ] {
        let out = db
            .cmd()
            .args(["--db", &path.display().to_string(), "worklist"])
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
        assert!(stderr.contains("geen gewoon bestand"), "{stderr}");
    }
    assert!(!std::path::Path::new("/dev/null-journal").exists());
    assert!(!std::path::Path::new("/dev/null-wal").exists());
    // The cockpit looks at the path before it takes its lock beside it.
    for path in [&fifo, &folder] {
        let out = db
            .cmd()
            .args(["--db", &path.display().to_string()])
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let mut lock = path.as_os_str().to_owned();
        lock.push(".lock");
        assert!(!std::path::Path::new(&lock).exists(), "{lock:?}");
    }
    // A link to a file that is not there: no caseload is made where it points.
    let target = db.path.with_file_name("nergens.sqlite");
    let link = db.path.with_file_name("link.sqlite");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    for args in [vec!["worklist"], vec![]] {
        let out = db
            .cmd()
            .args(["--db", link.to_str().unwrap()])
            .args(&args)
            .timeout(std::time::Duration::from_secs(10))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!target.exists(), "{args:?}");
    }
}

#[test]
fn restore_and_demo_wait_for_an_open_cockpit_to_close() {
    let db = Db::new();
    demo(&db);
    let copy = db.path.with_file_name("kopie.sqlite");
    db.ok(&["backup", &copy.display().to_string()]);
    let cockpit = inbeeld::tui::cockpit_lock(&db.path)
        .unwrap()
        .expect("the lock");
    let before = db.counts();
    db.refused(
        &["restore", &copy.display().to_string()],
        "er staat een cockpit open",
    );
    let out = db.cmd().args(["demo", "--no-open"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("er staat een cockpit open"));
    assert_eq!(
        db.counts(),
        before,
        "the file under the cockpit is the same file"
    );
    drop(cockpit);
    db.ok(&["restore", &copy.display().to_string()]);
}

#[test]
fn control_characters_are_refused_on_the_way_in_and_shown_on_the_way_out() {
    let db = Db::new();
    let id = db.client("Jan de Vries", "beheer").to_string();
    // A direction override shows "Jan" and stores something else after it.
    for name in [
        "Jan\u{1b}]0;gekaapt\u{7}",
        "Jan\nPiet",
        "Jan\u{9b}2J",
        "Jan \u{202E}seirV ed",
        "\u{2066}Piet\u{2069}",
    ] {
        db.refused(&["client", "add", "--name", name], "stuurteken");
    }
    db.refused(
        &[
            "note",
            "add",
            "--client",
            &id,
            "--text",
            "bel \u{202E}terug",
        ],
        "stuurteken",
    );
    for blank in [
        "\u{200B}\u{200B}",
        "\u{A0} \u{FEFF}",
        "\u{3164}",
        "\u{115F}\u{1160}",
        "\u{FE0F}\u{FE0F}",
    ] {
        db.refused(&["client", "add", "--name", blank], "mag niet leeg zijn");
    }
    // A note keeps its lines and tabs.
    db.ok(&[
        "note",
        "add",
        "--client",
        &id,
        "--text",
        "regel 1\n\tregel 2",
    ]);
    assert_eq!(db.scalar("SELECT text FROM notes"), "regel 1\n\tregel 2");
    // What an older version let in is shown, never sent raw to the terminal.
    db.conn()
        .execute("UPDATE clients SET name = 'Jan\u{1b}[2J' WHERE id = 1", [])
        .unwrap();
    let list = db.ok(&["client", "list"]);
    assert!(!list.contains('\u{1b}'), "{list:?}");
    assert!(list.contains("Jan␛[2J"), "{list}");
    let shown = db.ok(&["client", "show", &id]);
    assert!(!shown.contains('\u{1b}'), "{shown:?}");
}

#[test]
fn a_mistyped_db_is_refused_and_init_makes_a_new_one() {
    let db = Db::new();
    let typo = db.path.with_file_name("inbeled.sqlite");
    let typo_text = typo.display().to_string();
    for args in [vec!["worklist"], vec!["client", "list"], vec![]] {
        let out = db
            .cmd()
            .args(["--db", &typo_text])
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("bestaat niet") && stderr.contains("inbeeld init"),
            "{stderr}"
        );
    }
    assert!(!typo.exists(), "nothing made at the mistyped path");
    let said = db.ok(&["--db", &typo_text, "init"]);
    assert!(said.contains("Nieuwe, lege caseload"), "{said}");
    assert!(
        db.ok(&["--db", &typo_text, "worklist"]).lines().count() <= 1,
        "an empty werkvoorraad"
    );
    // init never overwrites.
    db.refused(&["init", &db.path.display().to_string()], "bestaat al");
}

#[test]
fn damage_seen_once_stops_every_write_until_a_restore() {
    let db = Db::new();
    demo(&db);
    // The day's check and backup ran on a sound file.
    db.ok(&["worklist"]);
    let copy = db.path.with_file_name("goed.sqlite");
    db.ok(&["backup", &copy.display().to_string()]);
    db.conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    // Later that day a page of the clients is overwritten.
    let page = 4096;
    let root: i64 = db
        .conn()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'clients'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut bytes = std::fs::read(&db.path).unwrap();
    let at = (root as usize - 1) * page;
    for b in &mut bytes[at + 100..at + page] {
        *b = 0xA5;
    }
    std::fs::write(&db.path, &bytes).unwrap();
    // A read meets the damage ...
    let out = db.cmd().args(["client", "list"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("beschadigd"), "{stderr}");
    // ... and from then on nothing is written, not even an edit that would not
    // touch the damaged page.
    let out = db
        .cmd()
        .args([
            "calendar",
            "add",
            "--date",
            "2029-05-11",
            "--name",
            "Vrije dag",
            "--source",
            "Besluit",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("eerder beschadigd gevonden"), "{stderr}");
    assert!(std::fs::read(&db.path).unwrap() == bytes, "not written to");
    // A restore puts a good file back, and writes may go on.
    db.ok(&["restore", &copy.display().to_string()]);
    db.ok(&[
        "calendar",
        "add",
        "--date",
        "2029-05-11",
        "--name",
        "Vrije dag",
        "--source",
        "Besluit",
    ]);
}

#[test]
fn a_restore_while_others_write_keeps_every_acknowledged_edit() {
    let db = Db::new();
    demo(&db);
    let copy = db.path.with_file_name("maandag.sqlite");
    db.ok(&["backup", &copy.display().to_string()]);

    // Two scripts add notes without pause; each note they were told is stored
    // must be in the restored file or in the copy the restore kept.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..2)
        .map(|writer| {
            let stop = stop.clone();
            let path = db.path.clone();
            std::thread::spawn(move || {
                let mut acknowledged = Vec::new();
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    n += 1;
                    let text = format!("schrijver {writer} notitie {n}");
                    let out = common::Db::cmd_for(&path)
                        .args(["note", "add", "--client", "1", "--text", &text])
                        .output()
                        .unwrap();
                    if out.status.success() {
                        acknowledged.push(text);
                    }
                }
                acknowledged
            })
        })
        .collect();
    for _ in 0..3 {
        std::thread::sleep(std::time::Duration::from_millis(1100));
        db.ok(&["restore", &copy.display().to_string()]);
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let acknowledged: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(
        acknowledged.len() > 20,
        "the writers wrote: {}",
        acknowledged.len()
    );

    let mut files = vec![db.path.clone()];
    files.extend(
        std::fs::read_dir(db.path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("voor-herstel")),
    );
    assert_eq!(files.len(), 4, "three safety copies: {files:?}");
    let mut stored = std::collections::HashSet::new();
    for file in &files {
        let conn = rusqlite::Connection::open(file).unwrap();
        let mut stmt = conn.prepare("SELECT text FROM notes").unwrap();
        stored.extend(
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    let lost: Vec<_> = acknowledged
        .iter()
        .filter(|t| !stored.contains(*t))
        .collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
    db.ok(&["check"]);
}
