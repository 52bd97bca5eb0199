//! Crash safety: a child performs a long series of edits and is killed with SIGKILL
//! at random moments, 200 times. After each kill the database passes
//! `integrity_check`, and every edit the child reported as committed is there.
//!
//! The child is a shell loop in its own process group, so that the kill reaches the
//! `inbeeld` process in the middle of its edit too; an edit counts as reported only
//! after `inbeeld` printed the new id, which it does after the commit.

// Process groups killed with SIGKILL: Unix.
#![cfg(unix)]

use crate::common;

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::{Rng, SeedableRng};

const KILLS: usize = 200;

#[test]
fn killed_at_random_moments_nothing_committed_is_lost() {
    let db = common::Db::new();
    let client = db.client("Crash Test", "beheer").to_string();
    let bin = assert_cmd::cargo::cargo_bin("inbeeld");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(42);
    let mut next = 1u64;
    let mut reported: Vec<(u64, i64)> = Vec::new();

    // At least KILLS kills, and on until enough edits were committed to mean something:
    // a loaded machine starts fewer processes between two kills.
    for round in 0.. {
        if round >= KILLS && reported.len() > 20 {
            break;
        }
        assert!(
            round < KILLS * 10,
            "after {round} kills only {} edits were committed",
            reported.len()
        );
        let script = format!(
            "i={next}; while true; do id=$(\"$INBEELD\" note add --client {client} --text \"edit $i\") \
             && echo \"$i $id\"; i=$((i+1)); done"
        );
        let mut child = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .env("INBEELD", &bin)
            .env("INBEELD_DB", &db.path)
            .env("INBEELD_TODAY", common::TODAY)
            .stdout(Stdio::piped())
            .process_group(0)
            .spawn()
            .expect("child");
        std::thread::sleep(Duration::from_millis(rng.random_range(1..40)));
        // The whole group: the shell and the inbeeld process it is running.
        let group = format!("-{}", child.id());
        Command::new("kill")
            .args(["-KILL", "--", &group])
            .status()
            .expect("kill");
        let _ = child.wait();
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        for line in out.lines() {
            let mut parts = line.split_whitespace();
            let (Some(i), Some(id)) = (parts.next(), parts.next()) else {
                continue;
            };
            reported.push((i.parse().unwrap(), id.parse().unwrap()));
            next = next.max(i.parse::<u64>().unwrap() + 1);
        }
        // A killed edit may have committed without being reported: skip its number.
        next += 1;

        let conn = rusqlite::Connection::open(&db.path).unwrap();
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "after a kill the file is whole");
        for (i, id) in &reported {
            let text: Option<String> = conn
                .query_row("SELECT text FROM notes WHERE id = ?1", [id], |r| r.get(0))
                .ok();
            assert_eq!(
                text,
                Some(format!("edit {i}")),
                "reported edit {i} (note {id}) is there"
            );
        }
    }
    // Every edit is one transaction with its audit row: no note without its audit.
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM notes n WHERE NOT EXISTS
                (SELECT 1 FROM audit_log a WHERE a.entity = 'note' AND a.entity_id = n.id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "no half edit: every note has its audit row");
    let notes: i64 = conn
        .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
        .unwrap();
    assert!(notes as usize >= reported.len());
    assert!(
        notes as usize <= reported.len() + KILLS,
        "at most one unreported edit per kill: {notes} notes, {} reported",
        reported.len()
    );
}

/// Runs `args` and kills its process at a random moment within its first
/// `window_ms` milliseconds (or lets it finish if it is quicker).
fn kill_during(db: &common::Db, args: &[&str], rng: &mut rand_chacha::ChaCha8Rng, window_ms: u64) {
    let bin = assert_cmd::cargo::cargo_bin("inbeeld");
    let mut child = Command::new(bin)
        .args(args)
        .env("INBEELD_DB", &db.path)
        .env("INBEELD_TODAY", common::TODAY)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("child");
    std::thread::sleep(Duration::from_micros(rng.random_range(0..window_ms * 1000)));
    let _ = child.kill();
    let _ = child.wait();
}

fn integrity(path: &std::path::Path) -> String {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn part_files(folder: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".part"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn killed_backups_restores_and_imports_lose_nothing_and_leave_no_part_files() {
    let db = common::Db::new();
    db.ok(&["demo", "--no-open", "--clients", "40", "--seed", "7"]);
    let client = db.client("Crash Herstel", "beheer").to_string();
    let folder = db.path.parent().unwrap().to_path_buf();
    let good = folder.join("goed.sqlite");
    db.ok(&["backup", &good.display().to_string()]);
    let bundle = folder.join("bundel.json");
    let other = common::Db::new();
    other.ok(&["demo", "--no-open", "--clients", "20", "--seed", "8"]);
    other.ok(&["export", "--plain", "--out", &bundle.display().to_string()]);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let mut acknowledged = Vec::new();
    for round in 0..20 {
        // An acknowledged edit before each kill.
        let text = format!("voor ronde {round}");
        db.ok(&["note", "add", "--client", &client, "--text", &text]);
        acknowledged.push(text);
        let copy = folder.join(format!("kopie-{round}.sqlite"));
        let copy_text = copy.display().to_string();
        let good_text = good.display().to_string();
        let bundle_text = bundle.display().to_string();
        let args: Vec<&str> = match round % 3 {
            0 => vec!["backup", &copy_text],
            1 => vec!["restore", &good_text],
            _ => vec!["import", &bundle_text],
        };
        kill_during(&db, &args, &mut rng, 60);
        assert_eq!(integrity(&db.path), "ok", "round {round}: {args:?}");
        // Every acknowledged note is in the file, or in the copy a restore set aside.
        let kept: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().contains("voor-herstel"))
            .collect();
        for text in &acknowledged {
            let found = std::iter::once(db.path.clone())
                .chain(kept.clone())
                .any(|f| {
                    rusqlite::Connection::open(&f)
                        .and_then(|c| {
                            c.query_row("SELECT count(*) FROM notes WHERE text = ?1", [text], |r| {
                                r.get::<_, i64>(0)
                            })
                        })
                        .is_ok_and(|n| n > 0)
                });
            assert!(found, "round {round}: '{text}' lost after {args:?}");
        }
        // A restored file starts over from the good copy: its notes go with it.
        if db.scalar("SELECT count(*) FROM notes WHERE text LIKE 'voor ronde %'") == "0" {
            acknowledged.clear();
        }
        // The next start and the next backup into the folder leave no part file.
        db.ok(&["worklist"]);
        let next = folder.join(format!("na-{round}.sqlite"));
        db.ok(&["backup", &next.display().to_string()]);
        assert_eq!(part_files(&folder), Vec::<String>::new(), "round {round}");
        assert_eq!(
            part_files(&inbeeld::store::backups_folder(&db.path)),
            Vec::<String>::new(),
            "round {round}"
        );
    }
}
