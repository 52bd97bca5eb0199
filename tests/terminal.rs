//! End to end in a real terminal: tmux runs the cockpit on a fresh demo database,
//! keys close a work item with an outcome and write a note, the cockpit quits, and
//! the command line and the file show that both changes were saved.
//!
//! Skips, saying so, where tmux is not installed.

mod common;

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

#[test]
fn close_an_item_and_write_a_note_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("tmux is not installed: the terminal test is skipped");
        return;
    }
    let db = common::Db::new();
    inbeeld(&db.path, &["demo", "--no-open"]);
    let before: Value = serde_json::from_str(&inbeeld(&db.path, &["worklist", "--json"])).unwrap();
    let first = before[0]["id"].as_i64().unwrap();
    let second_client = before[1]["client_id"].as_i64().unwrap();

    let tmux = Tmux {
        socket: format!("inbeeld-test-{}", std::process::id()),
    };
    let command = format!(
        "INBEELD_TODAY={} {} --db {}",
        common::TODAY,
        BIN,
        db.path.display()
    );
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
    tmux.wait_for("te laat");

    // Close the first item with the first outcome its kind allows.
    tmux.keys(&["a"]);
    tmux.wait_for("Afhandelen");
    tmux.keys(&["1"]);
    tmux.wait_for("afgehandeld");

    // The selection moved to the next item: open its client and write a note.
    tmux.keys(&["o"]);
    tmux.wait_for("Activiteiten (");
    tmux.keys(&["n"]);
    tmux.wait_for("Notitie voor");
    tmux.keys(&["-l", "Klant gebeld vanuit tmux."]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("Notitie bewaard");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(10) {
        sleep(Duration::from_millis(50));
    }
    assert!(!tmux.alive(), "q quit the cockpit");

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
    assert_eq!(dossier["notes"][0]["text"], "Klant gebeld vanuit tmux.");
    assert_eq!(dossier["notes"][0]["date"], common::TODAY);
}
