//! Every query on a hot path uses an index: none reads the whole of activities, work
//! items or contacts (a `SCAN` of the table itself in EXPLAIN QUERY PLAN). Checked on
//! a demo file, with the statements the store really runs.

use crate::common;

use inbeeld::demo::{self, Options};
use inbeeld::store::{hot_path_queries, Store};

/// The names and aliases by which the hot-path statements refer to the big tables.
const BIG_TABLES: &[&str] = &[
    "activities",
    "a",
    "work_items",
    "w",
    "contacts",
    "k",
    "goals",
    "ladder_steps",
    "situations",
    "s",
    "client_ends",
    "e",
    "applications",
    "category_changes",
    "g",
];

#[test]
fn hot_paths_never_scan_a_big_table() {
    let db = common::Db::new();
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(
        &mut store,
        Options {
            clients: 200,
            years: 2,
            seed: 1,
        },
        common::TODAY.parse().unwrap(),
    )
    .unwrap();
    let queries = hot_path_queries();
    assert!(queries.len() >= 6);
    for (name, sql) in queries {
        let plan = store.query_plan(&sql).unwrap();
        assert!(!plan.is_empty(), "{name}: no plan");
        for step in &plan {
            // "SCAN w USING INDEX …" walks an index (the open items only); a bare
            // "SCAN w" reads every row of the table.
            let full_scan = step
                .strip_prefix("SCAN ")
                .is_some_and(|rest| BIG_TABLES.contains(&rest.trim()));
            assert!(
                !full_scan,
                "{name} scans a whole table:\n{}\n{sql}",
                plan.join("\n")
            );
        }
    }
}

#[test]
fn the_check_would_catch_a_full_scan() {
    let db = common::Db::new();
    let store = Store::open(&db.path).unwrap();
    let plan = store
        .query_plan("SELECT * FROM activities a WHERE a.title LIKE '%x%'")
        .unwrap();
    assert!(plan.iter().any(|s| s == "SCAN a"), "{plan:?}");
}
