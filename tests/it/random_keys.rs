//! A few thousand random keys, pastes (with line breaks and escape sequences) and
//! resizes down to 20×5, seeded so a failure can be replayed: no panic, the cockpit
//! still answers `q`, `check` passes, and every row the keys added has its audit row.

use crate::common::{self, today};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use inbeeld::tui::{App, Session};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const KEYS_PER_SEED: usize = 3000;

/// A key a klantmanager (or a cat on the keyboard) might press; never `q` or
/// Ctrl-C, which would end the run before the end.
fn random_key(rng: &mut ChaCha8Rng) -> KeyEvent {
    const CHARS: &[char] = &[
        'a', 'b', 'c', 'd', 'e', 'f', 'g', 'G', 'h', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's',
        't', 'u', 'v', 'w', 'x', 'A', 'B', 'H', 'K', 'O', 'R', 'U', 'V', '1', '2', '3', '4', '5',
        '/', '?', ' ', ']', '[', '-', '0', '9', 'é', 'Ş',
    ];
    let code = match rng.random_range(0..10) {
        0 => KeyCode::Enter,
        1 => KeyCode::Esc,
        2 => *[
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Backspace,
            KeyCode::Home,
            KeyCode::End,
        ]
        .choose(rng)
        .unwrap(),
        3 if rng.random_bool(0.2) => {
            let c = *['z', 's'].choose(rng).unwrap();
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        _ => KeyCode::Char(*CHARS.choose(rng).unwrap()),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn random_paste(rng: &mut ChaCha8Rng) -> String {
    const PIECES: &[&str] = &[
        "Jan de Vries",
        "\n",
        "2026-11-30",
        "\u{1b}[2J",
        "\u{1b}]0;titel\u{7}",
        "a1\n",
        "\t",
        "\u{200B}",
        "q",
        "bellen over de cursus ",
    ];
    (0..rng.random_range(1..6))
        .map(|_| *PIECES.choose(rng).unwrap())
        .collect()
}

fn run(seed: u64) {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(&mut store, Options::default(), today()).unwrap();
    inbeeld::clock::pin_today(Some(today()));
    let max_audit: i64 = db.scalar("SELECT max(id) FROM audit_log").parse().unwrap();
    let mut app = App::new(store, Session::new(today(), true, &db.path)).unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut size = (120u16, 40u16);
    for step in 0..KEYS_PER_SEED {
        match rng.random_range(0..40) {
            0 => app.handle_paste(&random_paste(&mut rng)),
            1 => {
                size = *[(120, 40), (80, 24), (20, 5), (60, 12), (200, 60), (1, 1)]
                    .choose(&mut rng)
                    .unwrap();
            }
            _ => app.handle_key(random_key(&mut rng)),
        }
        assert!(
            !app.should_quit(),
            "seed {seed}, step {step}: quit without q"
        );
        if step % 5 == 0 {
            let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
            terminal.draw(|frame| app.draw(frame)).unwrap();
            assert!(
                common::shows_no_control_characters(&terminal),
                "seed {seed}, step {step}: a control character reached the screen"
            );
        }
    }
    // Still answering, once the window is large enough to see (behind "venster
    // te klein" keys do nothing): out of any popup (a question about unsaved text
    // needs a second Esc), then q.
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    for _ in 0..6 {
        app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert!(app.should_quit(), "seed {seed}: q did not quit");
    drop(app);

    let edits: i64 = db.scalar("SELECT count(*) FROM edits").parse().unwrap();
    eprintln!("seed {seed}: {edits} edits");
    assert!(
        edits > 0,
        "seed {seed}: the keys made no edit; the run proves little"
    );
    let store = Store::open(&db.path).unwrap();
    let report = store.check(today()).unwrap();
    assert!(report.is_ok(), "seed {seed}: {report:?}");
    // Every row the keys added or changed has its audit row.
    let edits_without_audit = db.scalar(
        "SELECT count(*) FROM edits e WHERE NOT EXISTS
             (SELECT 1 FROM audit_log a WHERE a.edit_id = e.id)
           AND EXISTS (SELECT 1 FROM edit_rows r WHERE r.edit_id = e.id)",
    );
    assert_eq!(edits_without_audit, "0", "seed {seed}");
    for (table, entity) in [
        ("work_items", "work_item"),
        ("notes", "note"),
        ("contacts", "contact"),
        ("clients", "client"),
    ] {
        let missing = db.scalar(&format!(
            "SELECT count(*) FROM edit_rows r WHERE r.tbl = '{table}' AND r.op = 'insert'
               AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id > {max_audit}
                   AND a.entity = '{entity}' AND a.entity_id = r.row_id)"
        ));
        assert_eq!(missing, "0", "seed {seed}: {table} added without audit");
    }
}

#[test]
fn random_keys_pastes_and_resizes_leave_a_sound_file() {
    for seed in [1, 2, 3, 4] {
        run(seed);
    }
}
