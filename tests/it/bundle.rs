//! Handover bundles: lossless round trip, refusals that leave nothing behind, the
//! JSON Schema kept in step with what export writes, and the importer fuzzed.

use crate::common;

use common::Db;
use inbeeld::demo::{self, Options};
use inbeeld::store::Store;
use proptest::prelude::*;
use serde_json::Value;

fn without_identity(mut bundle: Value) -> Value {
    let map = bundle.as_object_mut().unwrap();
    map.remove("source_database_id");
    map.remove("exported_at");
    bundle
}

fn demo_db(clients: u32) -> Db {
    let db = Db::new();
    db.ok(&[
        "demo",
        "--no-open",
        "--clients",
        &clients.to_string(),
        "--seed",
        "9",
    ]);
    db.ok(&["sweep"]);
    db
}

#[test]
fn export_import_export_gives_the_same_bundle() {
    let source = demo_db(25);
    let first = source.json(&["export", "--plain"]);
    assert_eq!(first["format"], "inbeeld-bundle");
    assert_eq!(first["clients"].as_array().unwrap().len(), 25);
    let path = source.path.with_file_name("overdracht.json");
    source.ok(&["export", "--out", path.to_str().unwrap()]);

    let target = Db::new();
    let out = target.ok(&["import", path.to_str().unwrap()]);
    assert!(out.starts_with("25 klant(en) geïmporteerd"), "{out}");
    let second = target.json(&["export", "--plain"]);
    assert_ne!(first["source_database_id"], second["source_database_id"]);
    assert_eq!(
        without_identity(first),
        without_identity(second),
        "lossless"
    );
    // Everything came along: the counts of every table that belongs to clients.
    // Everything about the clients came along (the audit rows are compared in the
    // bundles; the source also has rows about no client, such as the demo's load).
    for (table, count) in source.counts() {
        // The audit log and the undo journal are this file's own history of edits.
        if matches!(table.as_str(), "audit_log" | "edits" | "edit_rows") {
            continue;
        }
        let there = target
            .counts()
            .into_iter()
            .find(|(t, _)| *t == table)
            .unwrap()
            .1;
        assert_eq!(there, count, "{table}");
    }
    target.ok(&["check"]);
}

#[test]
fn export_selected_clients_and_refuse_unknown_ones() {
    let db = demo_db(10);
    let bundle = db.json(&["export", "--plain", "--client", "3", "--client", "7"]);
    let names: Vec<_> = bundle["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["client"]["name"].clone())
        .collect();
    assert_eq!(names.len(), 2);
    db.refused(&["export", "--client", "99"], "onbekende klant 99");
    let path = db.path.with_file_name("b.json");
    db.ok(&["export", "--out", path.to_str().unwrap()]);
    db.refused(&["export", "--out", path.to_str().unwrap()], "bestaat al");
}

#[test]
fn a_client_who_is_already_here_refuses_the_whole_bundle() {
    let source = demo_db(6);
    let path = source.path.with_file_name("b.json");
    source.ok(&["export", "--out", path.to_str().unwrap()]);
    let target = Db::new();
    // One of the six is already in the target database.
    let first = source.json(&["export", "--plain", "--client", "4"]);
    let one = target.path.with_file_name("een.json");
    std::fs::write(&one, first.to_string()).unwrap();
    target.ok(&["import", one.to_str().unwrap()]);
    target.refused(&["import", path.to_str().unwrap()], "staat hier al");
}

#[test]
fn a_bad_row_anywhere_refuses_the_whole_bundle() {
    let source = demo_db(4);
    let mut bundle = source.json(&["export", "--plain"]);
    bundle["clients"][2]["client"]["category_code"] = Value::String("vip".into());
    let path = source.path.with_file_name("kapot.json");
    std::fs::write(&path, bundle.to_string()).unwrap();
    let target = Db::new();
    target.ok(&["catalog"]);
    // Named as the receiver knows them, in words, not "klant 3" and SQLite's.
    let third = bundle["clients"][2]["client"]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    target.refused(
        &["import", path.to_str().unwrap()],
        &format!("{third}: verwijst naar iets dat er niet is"),
    );
    bundle["clients"][2]["client"]["category_code"] = Value::String("beheer".into());
    bundle["clients"][1]["client"]["hobby"] = Value::String("vissen".into());
    std::fs::write(&path, bundle.to_string()).unwrap();
    target.refused(&["import", path.to_str().unwrap()], "onbekend veld 'hobby'");
    std::fs::write(
        &path,
        "{\"format\": \"inbeeld-bundle\", \"version\": 1, \"clients\": [",
    )
    .unwrap();
    target.refused(&["import", path.to_str().unwrap()], "geen geldige JSON");
    std::fs::write(
        &path,
        "{\"format\": \"inbeeld-bundle\", \"version\": 9, \"clients\": []}",
    )
    .unwrap();
    target.refused(&["import", path.to_str().unwrap()], "versie 9 is onbekend");
    std::fs::write(&path, "naam;bsn\n").unwrap();
    target.refused(&["import", path.to_str().unwrap()], "geen geldige JSON");
    target.refused(
        &["import", "/bestaat/niet.json"],
        "kan /bestaat/niet.json niet lezen",
    );
}

#[test]
fn the_json_schema_describes_every_field_export_writes() {
    let schema: Value =
        serde_json::from_str(include_str!("../../docs/bundle.schema.json")).unwrap();
    let db = demo_db(8);
    let bundle = db.json(&["export", "--plain"]);
    let top = &schema["properties"];
    for key in bundle.as_object().unwrap().keys() {
        assert!(top.get(key).is_some(), "top-level {key} is in the schema");
    }
    let sections = &schema["$defs"]["client"]["properties"];
    for client in bundle["clients"].as_array().unwrap() {
        for (section, value) in client.as_object().unwrap() {
            let def = sections
                .get(section)
                .unwrap_or_else(|| panic!("section {section} in the schema"));
            let rows: Vec<&Value> = match value {
                Value::Array(rows) => rows.iter().collect(),
                other => vec![other],
            };
            let fields = def
                .pointer("/items/properties")
                .or_else(|| def.pointer("/properties"))
                .unwrap_or_else(|| panic!("{section} lists its fields"));
            for row in rows {
                for field in row.as_object().unwrap().keys() {
                    assert!(
                        fields.get(field).is_some(),
                        "{section}.{field} is in the schema"
                    );
                }
            }
        }
    }
}

/// A small valid bundle to mutate.
fn sample() -> String {
    let db = Db::new();
    let mut store = Store::open(&db.path).unwrap();
    demo::generate(
        &mut store,
        Options {
            clients: 3,
            years: 1,
            seed: 3,
        },
        common::TODAY.parse().unwrap(),
    )
    .unwrap();
    store.export(&[]).unwrap().to_string()
}

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Replace(usize, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let scalar = prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(Value::from),
        "[a-z0-9:_-]{0,12}".prop_map(Value::from),
        Just(Value::from("2026-02-30")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), scalar).prop_map(|(i, v)| Mutation::Replace(i, v)),
    ]
}

/// Every value in the document, as JSON pointers.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{here}/{k}"), out)),
        Value::Array(list) => list
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{here}/{i}"), out)),
        _ => {}
    }
    out.push(here);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_importer_never_panics_and_a_refusal_changes_nothing(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let text = sample();
        let mut bytes = text.into_bytes();
        let mut doc: Option<Value> = None;
        for m in mutations {
            match m {
                Mutation::Truncate(i) => { let n = bytes.len(); bytes.truncate(i % (n + 1)); }
                Mutation::Flip(i, b) => { if !bytes.is_empty() { let n = bytes.len(); bytes[i % n] ^= b.max(1); } }
                Mutation::Replace(i, v) => {
                    let mut parsed: Value = match serde_json::from_slice(&bytes) { Ok(p) => p, Err(_) => continue };
                    let mut all = Vec::new();
                    pointers(&parsed, String::new(), &mut all);
                    let at = all[i % all.len()].clone();
                    if let Some(slot) = parsed.pointer_mut(&at) { *slot = v; }
                    bytes = parsed.to_string().into_bytes();
                    doc = Some(parsed);
                }
            }
        }
        let _ = doc;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let db = Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let before = db.counts();
        match store.import(&text, common::TODAY.parse().unwrap()) {
            Ok(ids) => {
                prop_assert!(!ids.is_empty() || text.contains("\"clients\":[]"));
                // What was let in keeps every rule the check knows.
                let today = common::TODAY.parse().unwrap();
                let report = store.check(today).unwrap();
                prop_assert!(report.invariants.iter().all(|i| i.contains("verlopen zonder werkitem")),
                    "{:?}", report.invariants);
            }
            Err(err) => {
                prop_assert!(err.is_bad_input(), "a refusal, not a failure: {err}");
                prop_assert!(!err.to_string().is_empty());
                prop_assert_eq!(db.counts(), before, "a refused bundle changes nothing");
            }
        }
        let verdict: String = db.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(verdict, "ok");
    }
}

#[test]
fn a_version_1_bundle_gets_its_suspensions_and_goal_status_on_import() {
    let db = Db::new();
    let client = db.client("Jan de Vries", "job_ready").to_string();
    let app = db.aanvraag("2026-10-01", &client, "2026-10-01");
    let herstel = db
        .on(
            "2026-10-05",
            &["aanvraag", "herstel", &app, "--missing", "Loonstroken"],
        )
        .trim()
        .to_owned();
    db.on(
        "2026-10-12",
        &["activity", "close", &herstel, "--outcome", "ontvangen"],
    );
    db.on("2026-10-12", &["plan", "new", "--client", &client]);
    let goal = db
        .on(
            "2026-10-12",
            &[
                "plan",
                "goal",
                "--client",
                &client,
                "--text",
                "VCA",
                "--domain",
                "werk",
                "--deadline",
                "2026-10-20",
            ],
        )
        .trim()
        .to_owned();
    db.on("2026-10-21", &["sweep"]);
    let item: i64 = db
        .conn()
        .query_row(
            "SELECT id FROM work_items WHERE kind_code = 'doel'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    db.on(
        "2026-10-21",
        &[
            "item",
            "close",
            &item.to_string(),
            "--outcome",
            "bijgesteld",
            "--to",
            "2026-12-01",
        ],
    );
    let _ = goal;
    let show = |db: &Db| -> (serde_json::Value, serde_json::Value) {
        let view = db.json(&["aanvraag", "show", "1", "--json"]);
        let plans = db.json(&["plan", "show", "1", "--json"]);
        (
            serde_json::json!([view["terms"], view["suspensions"]]),
            plans["current"]["goals"][0]["status"].clone(),
        )
    };
    let before = show(&db);
    assert_eq!(before.1, "bijgesteld");

    // The same bundle as version 1 wrote it: no suspensions, no goal status.
    let mut bundle = db.json(&["export", "--plain"]);
    bundle["version"] = 1.into();
    for client in bundle["clients"].as_array_mut().unwrap() {
        client.as_object_mut().unwrap().remove("suspensions");
        for goal in client["goals"].as_array_mut().unwrap() {
            goal.as_object_mut().unwrap().remove("status");
        }
    }
    let other = Db::new();
    let path = other.path.with_file_name("v1.json");
    std::fs::write(&path, bundle.to_string()).unwrap();
    other.ok(&["import", path.to_str().unwrap()]);
    let after = show(&other);
    assert_eq!(after, before, "nothing lost between the versions");
}

#[test]
fn a_bundle_that_breaks_a_rule_is_refused_naming_the_client_and_the_rule() {
    let source = demo_db(4);
    let good = source.json(&["export", "--plain"]);
    let path = source.path.with_file_name("regels.json");
    let target = Db::new();
    target.ok(&["catalog"]);
    // Each case breaks one rule in a client with contacts and a handled item.
    let i = good["clients"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| {
            c["contacts"].as_array().is_some_and(|l| !l.is_empty())
                && c["work_items"]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|w| w["status"] == "closed"))
        })
        .expect("a client with contacts and a handled item");
    type Break = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Break)> = vec![
        (
            "onbekend onderdeel 'hobbies'",
            Box::new(move |b| {
                b["clients"][i]["hobbies"] = serde_json::json!([]);
            }),
        ),
        (
            "stuurteken (U+001B)",
            Box::new(move |b| {
                b["clients"][i]["client"]["name"] = Value::String("Jan\u{1b}[2J".into());
            }),
        ),
        (
            "elfproef",
            Box::new(move |b| {
                b["clients"][i]["client"]["bsn"] = Value::String("123456789".into());
            }),
        ),
        (
            "in de toekomst",
            Box::new(move |b| {
                let contacts = b["clients"][i]["contacts"].as_array_mut().unwrap();
                contacts[0]["contact_date"] = Value::String("2030-01-01".into());
            }),
        ),
        (
            "dat bij zijn soort niet mag",
            Box::new(move |b| {
                let items = b["clients"][i]["work_items"].as_array_mut().unwrap();
                let closed = items.iter_mut().find(|w| w["status"] == "closed").unwrap();
                closed["outcome_code"] = Value::String("bezwaar".into());
            }),
        ),
    ];
    let name = good["clients"][i]["client"]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    for (expected, breaks) in cases {
        let mut bundle = good.clone();
        breaks(&mut bundle);
        std::fs::write(&path, bundle.to_string()).unwrap();
        // Named as the receiver knows the client; by place only where the name
        // itself is what is wrong.
        let who = if expected.contains("stuurteken") {
            format!("klant {} van de bundel", i + 1)
        } else {
            name.clone()
        };
        target.refused(&["import", path.to_str().unwrap()], &format!("{who}: "));
        target.refused(&["import", path.to_str().unwrap()], expected);
    }
    // No escape: an activity that had expired by the export, without its item.
    let (j, k) = good["clients"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find_map(|(j, c)| {
            let k = c["activities"].as_array()?.iter().position(|a| {
                a["status"] == "open"
                    && a["end_date"].as_str() > Some(common::TODAY)
                    && a["start_date"].as_str() < Some("2026-11-01")
            })?;
            Some((j, k))
        })
        .expect("an open activity that has not expired yet");
    let mut bundle = good.clone();
    let start = bundle["clients"][j]["activities"][k]["start_date"].clone();
    bundle["clients"][j]["activities"][k]["end_date"] = start;
    std::fs::write(&path, bundle.to_string()).unwrap();
    target.refused(
        &["import", path.to_str().unwrap()],
        &format!(
            "{}: activiteit",
            good["clients"][j]["client"]["name"].as_str().unwrap()
        ),
    );
    target.refused(&["import", path.to_str().unwrap()], "zonder werkitem");
    // The good bundle comes in, and the check passes.
    std::fs::write(&path, good.to_string()).unwrap();
    target.ok(&["import", path.to_str().unwrap()]);
    target.ok(&["check"]);
}

/// `inbeeld` with `args` on `db`, with `passphrase` in the environment (or none),
/// in a session of its own: no terminal to ask on.
#[cfg(unix)]
fn without_terminal(db: &Db, passphrase: Option<&str>, args: &[&str]) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_inbeeld"));
    cmd.env("INBEELD_DB", &db.path)
        .env("INBEELD_TODAY", common::TODAY)
        .env_remove("INBEELD_PASSPHRASE")
        .args(args);
    if let Some(passphrase) = passphrase {
        cmd.env("INBEELD_PASSPHRASE", passphrase);
    }
    // SAFETY: setsid is async-signal-safe and touches no memory of this process.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[test]
#[cfg(unix)]
fn a_bundle_is_sealed_unless_plain_is_asked_and_opens_only_with_its_passphrase() {
    let source = demo_db(6);
    let plain = source.json(&["export", "--plain"]);
    let sealed = source.path.with_file_name("overdracht.json.age");
    let said = source.ok(&["export", "--out", sealed.to_str().unwrap()]);
    assert!(said.contains("versleuteld"), "{said}");
    let bytes = std::fs::read(&sealed).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    // Neither a BSN nor a name can be read in the file.
    for client in plain["clients"].as_array().unwrap() {
        for field in ["bsn", "name"] {
            if let Some(text) = client["client"][field].as_str() {
                assert!(
                    !bytes.windows(text.len()).any(|w| w == text.as_bytes()),
                    "{field} {text} readable in the sealed bundle"
                );
            }
        }
    }

    let target = Db::new();
    let before = target.counts();
    let out = without_terminal(
        &target,
        Some("een andere zin"),
        &["import", sealed.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("past niet"));
    let out = without_terminal(&target, None, &["import", sealed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("INBEELD_PASSPHRASE"));
    assert_eq!(target.counts(), before, "nothing read in");
    target.ok(&["import", sealed.to_str().unwrap()]);
    assert_eq!(
        without_identity(target.json(&["export", "--plain"])),
        without_identity(plain.clone()),
        "the sealed bundle carries everything"
    );

    // Printed, it is sealed too: as text, which import reads as well.
    let printed = source.ok(&["export", "--client", "2"]);
    assert!(
        printed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"),
        "{printed}"
    );
    let armored = source.path.with_file_name("een.age");
    std::fs::write(&armored, &printed).unwrap();
    let other = Db::new();
    other.ok(&["import", armored.to_str().unwrap()]);
    assert_eq!(
        other
            .json(&["client", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // No passphrase (and no terminal to ask on), or too short a one: nothing written.
    let refused = source.path.with_file_name("geweigerd.age");
    for (passphrase, expected) in [(None, "--plain"), (Some("kort"), "minstens 8 tekens")] {
        let out = without_terminal(
            &source,
            passphrase,
            &["export", "--out", refused.to_str().unwrap()],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!refused.exists());
    }
    // --plain is plain JSON.
    let open = source.path.with_file_name("open.json");
    let said = source.ok(&["export", "--plain", "--out", open.to_str().unwrap()]);
    assert!(said.contains("onversleuteld"), "{said}");
    let read: Value = serde_json::from_slice(&std::fs::read(&open).unwrap()).unwrap();
    assert_eq!(without_identity(read), without_identity(plain));
}

#[test]
fn what_expired_after_the_export_gets_its_item_at_the_import() {
    let source = demo_db(8);
    let path = source.path.with_file_name("later.json");
    source.ok(&["export", "--plain", "--out", path.to_str().unwrap()]);
    // Read in seven weeks later: activities ran out meanwhile.
    let target = Db::new();
    target.on("2027-01-10", &["import", path.to_str().unwrap()]);
    // The sweep's own rule decides what is waiting: a second sweep that day finds
    // nothing left to raise.
    assert_eq!(
        target.on("2027-01-10", &["sweep"]).trim(),
        "0",
        "no escape, straight after the import"
    );
    assert_ne!(
        source.scalar(
            "SELECT count(*) FROM activities WHERE status = 'open'
               AND end_date > '2026-11-22' AND end_date <= '2027-01-10'"
        ),
        "0",
        "the test needs activities that ran out after the export"
    );
}

/// The first client of `bundle` whose `part` has a row that `pick` accepts: its
/// place and the row's.
fn row_where(bundle: &Value, part: &str, pick: impl Fn(&Value) -> bool) -> (usize, usize) {
    bundle["clients"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .find_map(|(c, client)| {
            let r = client[part].as_array()?.iter().position(&pick)?;
            Some((c, r))
        })
        .unwrap_or_else(|| panic!("the demo has a row of {part} to forge"))
}

#[test]
fn a_bundle_no_edit_could_have_made_is_refused_in_words_naming_the_client() {
    let source = demo_db(12);
    let good = source.json(&["export", "--plain"]);
    let path = source.path.with_file_name("vervalst.json");
    let target = Db::new();
    target.ok(&["catalog"]);
    let name_of = |c: usize| {
        good["clients"][c]["client"]["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    type Forge = Box<dyn Fn(&mut Value) -> Option<usize>>;
    let open_item = row_where(&good, "work_items", |w| w["status"] == "open");
    let goal = row_where(&good, "goals", |_| true);
    let audit = row_where(&good, "audit", |_| true);
    let activity = row_where(&good, "activities", |_| true);
    let forgeries: Vec<(&str, Forge)> = vec![
        (
            "ingeschreven na vandaag",
            Box::new(|b| {
                b["clients"][0]["client"]["registered_on"] = "2030-01-01".into();
                Some(0)
            }),
        ),
        (
            "zegt gemaakt te zijn op 2020-01-01",
            Box::new(|b| {
                b["exported_at"] = "2020-01-01T08:00:00.000Z".into();
                None
            }),
        ),
        (
            "'exported_at' is geen tijdstip",
            Box::new(|b| {
                b["exported_at"] = "2026-11-22\u{1b}[2J".into();
                None
            }),
        ),
        (
            "een doel met een status die inbeeld niet kent",
            Box::new(move |b| {
                b["clients"][goal.0]["goals"][goal.1]["status"] = "super".into();
                Some(goal.0)
            }),
        ),
        (
            "een open werkitem met een moment van afhandelen",
            Box::new(move |b| {
                b["clients"][open_item.0]["work_items"][open_item.1]["closed_at"] =
                    "2026-11-20T10:00:00.000Z".into();
                Some(open_item.0)
            }),
        ),
        (
            "een uitgestroomde klant met open werk",
            Box::new(move |b| {
                let client = &mut b["clients"][open_item.0]["client"];
                client["ended_on"] = "2026-11-21".into();
                client["end_reason"] = "werk".into();
                Some(open_item.0)
            }),
        ),
        (
            "een tijdstip dat geen tijdstip is",
            Box::new(move |b| {
                b["clients"][open_item.0]["work_items"][open_item.1]["created_at"] =
                    "2026-11-20T10:00\u{1b}]0;x".into();
                Some(open_item.0)
            }),
        ),
        (
            "een tijdstip dat geen tijdstip is",
            Box::new(move |b| {
                b["clients"][activity.0]["activities"][activity.1]["created_at"] =
                    "gisteren".into();
                Some(activity.0)
            }),
        ),
        (
            "die schrijft inbeeld niet",
            Box::new(move |b| {
                b["clients"][audit.0]["audit"][audit.1]["action"] = "alles goed".into();
                Some(audit.0)
            }),
        ),
        (
            "geen tijdstip",
            Box::new(move |b| {
                b["clients"][audit.0]["audit"][audit.1]["at"] = "morgen".into();
                Some(audit.0)
            }),
        ),
        (
            "mist 'actor'",
            Box::new(move |b| {
                b["clients"][audit.0]["audit"][audit.1]
                    .as_object_mut()
                    .unwrap()
                    .remove("actor");
                Some(audit.0)
            }),
        ),
        (
            "onbekend onderdeel 'extra'",
            Box::new(|b| {
                b["extra"] = serde_json::json!({"a": 1});
                None
            }),
        ),
        (
            "verwijst naar iets dat er niet is",
            Box::new(|b| {
                b["clients"][1]["client"]["category_code"] = "vip".into();
                Some(1)
            }),
        ),
        (
            "de waarde van 'due_date' is niet toegestaan",
            Box::new(move |b| {
                b["clients"][open_item.0]["work_items"][open_item.1]["due_date"] =
                    "2026-13-45".into();
                Some(open_item.0)
            }),
        ),
        (
            "de waarde van 'end_date' is niet toegestaan",
            Box::new(move |b| {
                b["clients"][activity.0]["activities"][activity.1]["end_date"] =
                    "1999-01-01".into();
                Some(activity.0)
            }),
        ),
        (
            "stuurteken (U+202E)",
            Box::new(|b| {
                b["clients"][2]["client"]["name"] = "Jan \u{202E}seirV ed".into();
                None
            }),
        ),
    ];
    let before = target.counts();
    for (expected, forge) in forgeries {
        let mut bundle = good.clone();
        let about = forge(&mut bundle);
        std::fs::write(&path, bundle.to_string()).unwrap();
        target.refused(&["import", path.to_str().unwrap()], expected);
        if let Some(c) = about {
            target.refused(
                &["import", path.to_str().unwrap()],
                &format!("{}: ", name_of(c)),
            );
        }
        let said = target
            .cmd()
            .args(["import", path.to_str().unwrap()])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&said.stderr);
        assert!(!said.contains("constraint failed"), "in words: {said}");
    }
    assert_eq!(target.counts(), before, "nothing of them stored");
    // The good bundle itself goes in.
    std::fs::write(&path, good.to_string()).unwrap();
    target.ok(&["import", path.to_str().unwrap()]);
}
