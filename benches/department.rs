//! Benchmarks at department size: 10,000 clients with ten years of history (about
//! 277,000 activities, 500,000 contacts and 400,000 notes). The file is made once and
//! kept in the temp folder; benches that change data work on a scratch copy.
//!
//! `cargo bench --bench department`; whole-process figures come from `bench/run.sh`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use inbeeld::demo::{self, Options};
use inbeeld::domain::catalog::Requirement;
use inbeeld::domain::effects::OutcomeEffect;
use inbeeld::domain::handling::CloseRequest;
use inbeeld::domain::period::{Period, Span};
use inbeeld::store::Store;
use inbeeld::tui::{App, Session};
use inbeeld::workflow::{self, sweep};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const TODAY: &str = "2026-11-22";

fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

/// A demo file in the temp folder, made on first use and swept once.
fn demo_file(name: &str, options: Options) -> PathBuf {
    let path = std::env::temp_dir().join(format!("inbeeld-bench-{name}.sqlite"));
    if !path.exists() {
        let building = path.with_extension("building");
        let _ = std::fs::remove_file(&building);
        let mut store = Store::open(&building).unwrap();
        demo::generate(&mut store, options, today()).unwrap();
        sweep(&mut store, today()).unwrap();
        drop(store);
        std::fs::rename(&building, &path).unwrap();
    }
    path
}

/// The department file (about 12 s to make).
fn department() -> PathBuf {
    demo_file(
        "department-v3",
        Options {
            clients: 10_000,
            years: 10,
            seed: 1,
        },
    )
}

/// A private copy to change.
fn scratch(from: &Path, name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("inbeeld-bench-{name}.sqlite"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, &to).unwrap();
    to
}

fn session() -> Session {
    Session::new(today(), true, std::path::Path::new("bench"))
}

fn benches(c: &mut Criterion) {
    let path = department();
    let mut group = c.benchmark_group("department");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));

    group.bench_function("open and sweep, nothing new", |b| {
        b.iter(|| {
            let mut store = Store::open(&path).unwrap();
            assert_eq!(sweep(&mut store, today()).unwrap().created, 0);
        })
    });

    let store = Store::open(&path).unwrap();
    group.bench_function("build the werkvoorraad", |b| {
        b.iter(|| store.worklist().unwrap().len())
    });
    group.bench_function("build the caseload", |b| {
        b.iter(|| store.client_summaries(today()).unwrap().len())
    });
    drop(store);

    // One frame of 200×60 over 10,000 rows: only the visible rows become widgets.
    let mut app = App::new(Store::open(&path).unwrap(), session()).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    group.bench_function("render the werkvoorraad frame", |b| {
        b.iter(|| terminal.draw(|f| app.draw(f)).unwrap().area.width)
    });
    app.handle_key(KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE));
    group.bench_function("render the caseload frame", |b| {
        b.iter(|| terminal.draw(|f| app.draw(f)).unwrap().area.width)
    });
    // Search as typed: every key narrows the 10,000 clients again, accents folded.
    group.bench_function("search the caseload for 'sahin', key by key", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
            for c in "sahin".chars() {
                app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            }
            let found = app.visible_rows();
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            found
        })
    });
    // A word from the notes: every key from the third on asks the full-text index,
    // and a word in many notes finds many clients.
    group.bench_function(
        "search the caseload for 'huurachterstand', key by key",
        |b| {
            b.iter(|| {
                app.handle_key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE));
                for c in "huurachterstand".chars() {
                    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                }
                let found = app.visible_rows();
                app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                found
            })
        },
    );
    // The Overzicht of this year: its figures (handled, the open werkvoorraad, in
    // view on 26 days for 10,000 clients, doorstroom, aanvragen) and its first frame
    // (`J` asks for them again).
    app.handle_key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE));
    group.bench_function("overview: first frame of the year", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Char('J'), KeyModifiers::NONE));
            terminal.draw(|f| app.draw(f)).unwrap().area.width
        })
    });
    drop(app);
    let store = Store::open(&path).unwrap();
    let year = Period::of(Span::Year, today());
    group.bench_function("overview: the figures of a year", |b| {
        b.iter(|| {
            workflow::report(&store, &year, today())
                .unwrap()
                .0
                .handled
                .total
        })
    });
    let week = Period::of(Span::Week, today());
    group.bench_function("overview: the figures of a week", |b| {
        b.iter(|| {
            workflow::report(&store, &week, today())
                .unwrap()
                .0
                .handled
                .total
        })
    });
    drop(store);

    // A sweep that expires 1% of all activities: before each run, a fresh 1% gets a
    // new end date in the past (a new cycle), outside the timing.
    let copy = scratch(&path, "sweep");
    let mut store = Store::open(&copy).unwrap();
    let raw = rusqlite::Connection::open(&copy).unwrap();
    let total: i64 = raw
        .query_row("SELECT count(*) FROM activities", [], |r| r.get(0))
        .unwrap();
    let mut round = 0i64;
    group.bench_function("sweep expiring 1% of activities", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                raw.execute(
                    "UPDATE activities SET status = 'open', outcome_code = NULL, outcome_note = NULL,
                         closed_on = NULL, end_date = date(start_date, '+' || ?2 || ' days')
                     WHERE id % 100 = ?1 % 100 AND term_rule IS NULL AND type_code NOT IN ('afspraak')
                       AND date(start_date, '+' || ?2 || ' days') <= ?3",
                    rusqlite::params![round, 1 + round / 100, TODAY],
                )
                .unwrap();
                let start = Instant::now();
                let created = sweep(&mut store, today()).unwrap().created;
                spent += start.elapsed();
                assert!(created as i64 >= total / 200, "about 1% expired: {created}");
            }
            spent
        })
    });
    drop(store);

    // One edit: closing a work item with an outcome, including the commit (fsync).
    let copy = scratch(&path, "close");
    let mut store = Store::open(&copy).unwrap();
    // Every open item with an outcome that asks for nothing more (a besluit asks for
    // its decision and day).
    let catalog = store.catalog().unwrap();
    let mut open: Vec<(i64, String)> = store
        .worklist()
        .unwrap()
        .into_iter()
        .filter_map(|i| {
            let kind = catalog.kind(&i.kind).ok()?;
            let outcome = kind.outcomes.iter().find(|o| {
                kind.effect_of(o) != Some(OutcomeEffect::Decision)
                    && catalog
                        .outcome(o)
                        .is_ok_and(|o| o.requires == Requirement::None)
            })?;
            Some((i.id, outcome.clone()))
        })
        .collect();
    group.bench_function("close an item with its commit", |b| {
        b.iter(|| {
            let (id, outcome) = open.pop().expect("enough open items");
            let request = CloseRequest {
                outcome: outcome.clone(),
                ..CloseRequest::default()
            };
            workflow::close_item(&mut store, id, &request, today()).unwrap();
        })
    });
    group.finish();
}

/// A klantmanager's own caseload: 200 clients with three years of history.
fn caseload() -> PathBuf {
    demo_file(
        "caseload-200",
        Options {
            clients: 200,
            years: 3,
            seed: 1,
        },
    )
}

/// The Overzicht on one klantmanager's caseload: the goal is "instant" (< 20 ms).
fn caseload_benches(c: &mut Criterion) {
    let path = caseload();
    let mut group = c.benchmark_group("caseload of 200");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let mut app = App::new(Store::open(&path).unwrap(), session()).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    app.handle_key(KeyEvent::new(KeyCode::Char('4'), KeyModifiers::NONE));
    group.bench_function("overview: first frame of the year", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Char('J'), KeyModifiers::NONE));
            terminal.draw(|f| app.draw(f)).unwrap().area.width
        })
    });
    group.finish();
}

criterion_group!(department_benches, benches, caseload_benches);
criterion_main!(department_benches);
