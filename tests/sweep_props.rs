//! Property tests of the sweep and the closing rules on random activity sets and
//! random sequences of days (which may also go back, as `--today` allows).

mod common;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use inbeeld::domain::activity::{ActivityStatus, NewActivity};
use inbeeld::domain::catalog::Requirement;
use inbeeld::domain::client::NewClient;
use inbeeld::domain::handling::CloseRequest;
use inbeeld::store::Store;
use inbeeld::workflow::{self, sweep};
use proptest::prelude::*;

const TYPES: &[&str] = &[
    "traject",
    "scholing",
    "werkervaringsplaats",
    "onderzoek",
    "hersteltermijn",
    "afspraak",
];
const OUTCOMES: &[&str] = &[
    "afgerond",
    "verlengd",
    "afgebroken",
    "ontvangen",
    "niet_ontvangen",
    "gesproken",
    "no_show",
    "uitgevoerd",
];

fn base() -> NaiveDate {
    "2026-11-01".parse().unwrap()
}

fn day(offset: u64) -> NaiveDate {
    base() + Days::new(offset)
}

#[derive(Debug, Clone)]
enum Op {
    Sweep(u64),
    Close {
        item: usize,
        outcome: usize,
        note: bool,
        new_date: Option<u64>,
    },
    Extend {
        activity: usize,
        to: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0u64..90).prop_map(Op::Sweep),
        2 => (0usize..50, 0..OUTCOMES.len(), any::<bool>(), proptest::option::of(0u64..120))
            .prop_map(|(item, outcome, note, new_date)| Op::Close { item, outcome, note, new_date }),
        1 => (0usize..20, 0u64..120).prop_map(|(activity, to)| Op::Extend { activity, to }),
    ]
}

/// (type index, start offset, length in days)
fn activities() -> impl Strategy<Value = Vec<(usize, u64, u64)>> {
    proptest::collection::vec((0..TYPES.len(), 0u64..60, 0u64..40), 1..15)
}

struct ItemRow {
    id: i64,
    activity: i64,
    cycle_end: NaiveDate,
    open: bool,
}

fn items(db: &common::Db) -> Vec<ItemRow> {
    let conn = db.conn();
    let mut stmt = conn
        .prepare(
            "SELECT id, source_activity_id, source_end_date, status FROM work_items
             WHERE source = 'activity' ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(ItemRow {
            id: r.get(0)?,
            activity: r.get(1)?,
            cycle_end: r.get(2)?,
            open: r.get::<_, String>(3)? == "open",
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn sweeps_never_duplicate_never_miss_and_closing_follows_the_rules(
        plan in activities(),
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let db = common::Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let catalog = store.catalog().unwrap();
        let client = workflow::add_client(&mut store, &NewClient {
            name: "Proef Klant".into(), bsn: None, birth_date: None,
            category: "nog_niet_job_ready".into(), phone: None, email: None, contact_preference: None,
        }, base()).unwrap().id();
        let mut ids = Vec::new();
        for (t, start, len) in &plan {
            ids.push(workflow::add_activity(&mut store, &NewActivity {
                client_id: client, type_code: TYPES[*t].into(), title: None,
                start_date: day(*start), end_date: day(start + len),
            }, None, base()).unwrap().id());
        }
        let mut today = base();
        let mut latest_sweep: Option<NaiveDate> = None;

        for op in ops {
            match op {
                Op::Sweep(offset) => {
                    today = day(offset);
                    sweep(&mut store, today).unwrap();
                    latest_sweep = latest_sweep.max(Some(today));
                    // Never missed: every open activity whose end is reached has its item.
                    let rows = items(&db);
                    for id in &ids {
                        let a = store.activity(*id).unwrap();
                        if a.status == ActivityStatus::Open && a.end_date <= today {
                            prop_assert!(rows.iter().any(|r| r.activity == *id && r.cycle_end == a.end_date),
                                "activity {} ending {} has no item on {}", id, a.end_date, today);
                        }
                    }
                }
                Op::Close { item, outcome, note, new_date } => {
                    let rows = items(&db);
                    let Some(row) = rows.get(item % rows.len().max(1)) else { continue };
                    let detail = store.work_item(row.id).unwrap();
                    let outcome = OUTCOMES[outcome];
                    let new_date = new_date.map(day);
                    let note = note.then_some("reden");
                    let allowed = detail.allowed_outcomes.iter().find(|o| o.code == outcome);
                    let a = store.activity(row.activity).unwrap();
                    let open = a.status == ActivityStatus::Open;
                    let current = open && row.cycle_end == a.end_date;
                    let used = |d: NaiveDate| rows.iter().any(|r| r.activity == row.activity && r.cycle_end == d);
                    let appointment = a.type_code == "afspraak";
                    // The rules of `domain::handling`, as a klantmanager would state them.
                    let should_pass = row.open && match allowed.map(|o| o.requires) {
                        None => false,
                        Some(Requirement::None) => new_date.is_none(),
                        Some(Requirement::Reason) => note.is_some() && new_date.is_none(),
                        Some(Requirement::NewDate) => new_date.is_some_and(|d| d > today),
                    } && match outcome {
                        "verlengd" if open => new_date.is_some_and(|d| d >= a.start_date && d != a.end_date && !used(d)),
                        "no_show" | "gesproken" if current && appointment => a.end_date <= today,
                        "niet_ontvangen" if current => today > a.end_date,
                        _ => true,
                    };
                    let before = items(&db).len();
                    let request = CloseRequest {
                        outcome: outcome.to_owned(),
                        note: note.map(str::to_owned),
                        new_date,
                        ..CloseRequest::default()
                    };
                    let result = workflow::close_item(&mut store, row.id, &request, today);
                    prop_assert_eq!(result.is_ok(), should_pass, "close {} with {} on {}: {:?}", row.id, outcome, today, result);
                    if result.is_ok() {
                        let after = store.work_item(row.id).unwrap();
                        prop_assert_eq!(after.outcome.as_deref(), Some(outcome));
                        let activity = store.activity(row.activity).unwrap();
                        if outcome == "verlengd" {
                            prop_assert_eq!(activity.end_date, new_date.unwrap());
                            prop_assert_eq!(activity.status, ActivityStatus::Open);
                        }
                    } else {
                        prop_assert!(result.unwrap_err().is_bad_input());
                    }
                    prop_assert_eq!(items(&db).len(), before, "closing never creates or deletes expiry items");
                }
                Op::Extend { activity, to } => {
                    let id = ids[activity % ids.len()];
                    let a = store.activity(id).unwrap();
                    let to = day(to);
                    let rows = items(&db);
                    let used = rows.iter().any(|r| r.activity == id && r.cycle_end == to);
                    let result = workflow::extend_activity(&mut store, id, to, today);
                    let should_pass = a.status == ActivityStatus::Open && to >= a.start_date
                        && to != a.end_date && to > today && !used;
                    prop_assert_eq!(result.is_ok(), should_pass, "extend {} to {}: {:?}", id, to, result);
                }
            }
            // Never a duplicate, and never an item for a cycle that no sweep has reached.
            let rows = items(&db);
            let mut per_cycle: BTreeMap<(i64, NaiveDate), usize> = BTreeMap::new();
            for r in &rows {
                *per_cycle.entry((r.activity, r.cycle_end)).or_default() += 1;
                prop_assert!(latest_sweep.is_some_and(|s| r.cycle_end <= s),
                    "item for {} before any sweep reached it", r.cycle_end);
            }
            prop_assert!(per_cycle.values().all(|n| *n == 1), "duplicate item: {:?}", per_cycle);
        }
        let _ = catalog;
    }
}
