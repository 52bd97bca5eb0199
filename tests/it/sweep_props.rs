//! Property tests of the sweep and the closing rules on random activity sets and
//! random sequences of days (which may also go back, as `--today` allows).

use crate::common;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use inbeeld::domain::activity::{ActivityStatus, NewActivity};
use inbeeld::domain::catalog::Requirement;
use inbeeld::domain::client::NewClient;
use inbeeld::domain::handling::CloseRequest;
use inbeeld::domain::sanction::Sanction;
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
        let client = workflow::add_client(&mut store, &NewClient {
            name: "Proef Klant".into(), bsn: None, birth_date: None,
            category: "nog_niet_job_ready".into(), phone: None, email: None, contact_preference: None,
            ..Default::default()
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
                        // Never given here: a maatregel's verlaging is not asked for.
                        Some(Requirement::Sanction) => false,
                    } && match outcome {
                        // A verlenging lengthens, also when planned from an earlier day.
                        "verlengd" if open => new_date.is_some_and(|d| d > a.end_date && !used(d)),
                        "no_show" | "gesproken" if current && appointment => a.end_date <= today,
                        "niet_ontvangen" if current => today > a.end_date,
                        // Documents cannot arrive before the hersteltermijn was given.
                        "ontvangen" if current => today >= a.start_date,
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
    }
}

/// What the law's clock may be asked, in any order and on any day.
#[derive(Debug, Clone)]
enum LawOp {
    Sweep(u64),
    Aanvraag {
        day: u64,
    },
    Herstel {
        app: usize,
        day: u64,
        len: u64,
    },
    HandleHerstel {
        which: usize,
        day: u64,
        outcome: usize,
        to: u64,
    },
    Decide {
        app: usize,
        day: u64,
        decision: usize,
        back: u64,
    },
    Adjourn {
        app: usize,
        day: u64,
        extra: u64,
    },
    Evaluation {
        day: u64,
        to: u64,
    },
    Postpone {
        item: usize,
        day: u64,
        by: u64,
    },
    Extend {
        activity: usize,
        day: u64,
        to: u64,
    },
}

fn law_op() -> impl Strategy<Value = LawOp> {
    prop_oneof![
        3 => (0u64..150).prop_map(LawOp::Sweep),
        2 => (0u64..60).prop_map(|day| LawOp::Aanvraag { day }),
        3 => (0usize..4, 0u64..120, 1u64..30).prop_map(|(app, day, len)| LawOp::Herstel { app, day, len }),
        2 => (0usize..8, 0u64..150, 0usize..3, 0u64..160)
            .prop_map(|(which, day, outcome, to)| LawOp::HandleHerstel { which, day, outcome, to }),
        1 => (0usize..4, 0u64..150, 0usize..4, 0u64..5)
            .prop_map(|(app, day, decision, back)| LawOp::Decide { app, day, decision, back }),
        1 => (0usize..4, 0u64..150, 1u64..40).prop_map(|(app, day, extra)| LawOp::Adjourn { app, day, extra }),
        1 => (0u64..150, 0u64..180).prop_map(|(day, to)| LawOp::Evaluation { day, to }),
        2 => (0usize..20, 0u64..150, 1u64..40).prop_map(|(item, day, by)| LawOp::Postpone { item, day, by }),
        1 => (0usize..20, 0u64..150, 0u64..180).prop_map(|(activity, day, to)| LawOp::Extend { activity, day, to }),
    ]
}

fn ids(db: &common::Db, sql: &str) -> Vec<i64> {
    let conn = db.conn();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The days of an aanvraag's suspension periods, each counted once.
fn distinct_suspended_days(db: &common::Db, app: i64) -> usize {
    let conn = db.conn();
    let mut stmt = conn
        .prepare("SELECT from_date, to_date FROM suspensions WHERE application_id = ?1")
        .unwrap();
    let mut days = std::collections::BTreeSet::new();
    for (from, to) in stmt
        .query_map([app], |r| {
            Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, NaiveDate>(1)?))
        })
        .unwrap()
        .map(Result::unwrap)
    {
        let mut day = from;
        while day <= to {
            days.insert(day);
            day = day.succ_opt().unwrap();
        }
    }
    days.len()
}

/// The days the explanation of a term says were added for suspensions.
fn counted_suspension_days(note: &str) -> usize {
    note.split("; ")
        .filter(|part| part.contains("opgeschort (Awb 4:15)"))
        .filter_map(|part| {
            part.trim_start_matches('+')
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_laws_clock_keeps_its_rules_whatever_is_asked_on_whichever_day(
        ops in proptest::collection::vec(law_op(), 1..35),
    ) {
        use inbeeld::domain::effects::Decision;
        let db = common::Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let client = workflow::add_client(&mut store, &NewClient {
            name: "Proef Klant".into(), bsn: None, birth_date: None,
            category: "bijna_job_ready".into(), phone: None, email: None, contact_preference: None,
            ..Default::default()
        }, base()).unwrap().id();
        workflow::new_plan(&mut store, client, base(), base()).unwrap();
        for op in ops {
            let today = match &op {
                LawOp::Sweep(d) => day(*d),
                LawOp::Aanvraag { day: d } | LawOp::Herstel { day: d, .. }
                | LawOp::HandleHerstel { day: d, .. } | LawOp::Decide { day: d, .. }
                | LawOp::Adjourn { day: d, .. } | LawOp::Evaluation { day: d, .. }
                | LawOp::Postpone { day: d, .. } | LawOp::Extend { day: d, .. } => day(*d),
            };
            // Every command sweeps first, as the command line does.
            sweep(&mut store, today).unwrap();
            let apps = ids(&db, "SELECT id FROM applications ORDER BY id");
            let result = match op {
                LawOp::Sweep(_) => Ok(()),
                LawOp::Aanvraag { .. } => {
                    workflow::add_application(&mut store, client, today, false, today).map(|_| ())
                }
                LawOp::Herstel { app, len, .. } => match apps.get(app) {
                    Some(id) => workflow::give_hersteltermijn(
                        &mut store, *id, "Stukken", today, today + Days::new(len), today,
                    ).map(|_| ()),
                    None => continue,
                },
                LawOp::HandleHerstel { which, outcome, to, .. } => {
                    let items = ids(&db, "SELECT id FROM work_items WHERE kind_code = 'hersteltermijn' AND status = 'open' ORDER BY id");
                    let Some(item) = items.get(which % items.len().max(1)) else { continue };
                    let (outcome, new_date) = match outcome {
                        0 => ("ontvangen", None),
                        1 => ("niet_ontvangen", None),
                        _ => ("verlengd", Some(day(to))),
                    };
                    let request = CloseRequest { outcome: outcome.into(), new_date, ..CloseRequest::default() };
                    workflow::close_item(&mut store, *item, &request, today).map(|_| ())
                }
                LawOp::Decide { app, decision, back, .. } => match apps.get(app) {
                    Some(id) => workflow::decide_application(
                        &mut store, *id, Decision::ALL[decision], today - Days::new(back), today,
                    ).map(|_| ()),
                    None => continue,
                },
                LawOp::Adjourn { app, extra, .. } => match apps.get(app) {
                    Some(id) => workflow::adjourn(
                        &mut store, *id, today + Days::new(extra + 50), "advies", today,
                    ).map(|_| ()),
                    None => continue,
                },
                LawOp::Evaluation { to, .. } => {
                    workflow::set_evaluation(&mut store, client, day(to), today).map(|_| ())
                }
                LawOp::Postpone { item, by, .. } => {
                    let items = ids(&db, "SELECT id FROM work_items WHERE status = 'open' ORDER BY id");
                    let Some(item) = items.get(item % items.len().max(1)) else { continue };
                    let due: NaiveDate = db.conn().query_row(
                        "SELECT due_date FROM work_items WHERE id = ?1", [item], |r| r.get(0)).unwrap();
                    workflow::postpone_item(&mut store, *item, due.max(today) + Days::new(by), "reden", today)
                        .map(|_| ())
                }
                LawOp::Extend { activity, to, .. } => {
                    let all = ids(&db, "SELECT id FROM activities ORDER BY id");
                    let Some(id) = all.get(activity % all.len().max(1)) else { continue };
                    workflow::extend_activity(&mut store, *id, day(to), today).map(|_| ())
                }
            };
            if let Err(err) = result {
                prop_assert!(err.is_bad_input(), "only refusals, never a failure: {}", err);
            }
            sweep(&mut store, today).unwrap();

            // No open expired activity without the item of its current cycle.
            let report = store.check(today).unwrap();
            prop_assert!(report.invariants.is_empty(), "on {}: {:?}", today, report.invariants);

            // No statutory item postponed past the end of its term.
            let beyond: i64 = db.conn().query_row(
                "SELECT count(*) FROM work_items w JOIN work_item_kinds k ON k.code = w.kind_code
                 JOIN activities a ON a.id = w.source_activity_id
                 JOIN activity_types t ON t.code = a.type_code
                 WHERE w.status = 'open' AND k.legal = 1 AND a.term_rule IS NOT NULL
                   AND w.source_end_date = a.end_date
                   AND w.due_date > date(a.end_date, '+' || t.due_offset_days || ' days')",
                [], |r| r.get(0)).unwrap();
            prop_assert_eq!(beyond, 0, "a statutory item past its term on {}", today);

            // No day suspended twice.
            for app in ids(&db, "SELECT id FROM applications ORDER BY id") {
                let note: Option<String> = db.conn().query_row(
                    "SELECT term_note FROM activities WHERE application_id = ?1 AND term_rule = 'beslistermijn'",
                    [app], |r| r.get(0)).unwrap_or(None);
                let counted = counted_suspension_days(note.as_deref().unwrap_or_default());
                let distinct = distinct_suspended_days(&db, app);
                prop_assert!(counted <= distinct,
                    "aanvraag {} counts {} suspended days of {} distinct: {:?}", app, counted, distinct, note);
            }
        }
    }
}

/// What can happen at the edges of a case, on days that only go forward.
#[derive(Debug, Clone)]
enum EdgeOp {
    Sweep(u64),
    /// A contact `back` days ago: a conversation, or a letter sent (no contact).
    Contact {
        later: u64,
        back: u64,
        letter: bool,
    },
    /// "Niet bereikt" on the open "contact opnemen" item, with the next attempt
    /// `after` days on (or the suggestion).
    NotReached {
        later: u64,
        after: Option<u64>,
    },
    /// "Gesproken" on the open "contact opnemen" item.
    Spoken {
        later: u64,
    },
    /// A contact corrected to `back` days before it took place.
    Backdate {
        later: u64,
        back: u64,
    },
    /// An aanvraag with a hersteltermijn of `len` days.
    Herstel {
        later: u64,
        len: u64,
    },
    /// Uitstroom, `ahead` days on (0: today), with or without settling.
    End {
        later: u64,
        ahead: u64,
        settle: bool,
    },
    Reopen {
        later: u64,
    },
}

fn edge_op() -> impl Strategy<Value = EdgeOp> {
    prop_oneof![
        3 => (0u64..40).prop_map(EdgeOp::Sweep),
        2 => (0u64..20, 0u64..60, any::<bool>()).prop_map(|(later, back, letter)| EdgeOp::Contact { later, back, letter }),
        3 => (0u64..10, proptest::option::of(1u64..20)).prop_map(|(later, after)| EdgeOp::NotReached { later, after }),
        1 => (0u64..10).prop_map(|later| EdgeOp::Spoken { later }),
        1 => (0u64..10, 1u64..90).prop_map(|(later, back)| EdgeOp::Backdate { later, back }),
        1 => (0u64..10, 1u64..20).prop_map(|(later, len)| EdgeOp::Herstel { later, len }),
        1 => (0u64..10, 0u64..20, any::<bool>()).prop_map(|(later, ahead, settle)| EdgeOp::End { later, ahead, settle }),
        1 => (0u64..10).prop_map(|later| EdgeOp::Reopen { later }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn nobody_slips_out_of_view_at_the_edges_of_a_case(
        ops in proptest::collection::vec(edge_op(), 1..30),
    ) {
        let db = common::Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let start = base() - Days::new(60);
        let client = workflow::add_client(&mut store, &NewClient {
            name: "Proef Klant".into(), bsn: None, birth_date: None,
            category: "job_ready".into(), phone: None, email: None, contact_preference: None,
            ..Default::default()
        }, start).unwrap().id();
        let mut today = base();
        for op in ops {
            let later = match &op {
                EdgeOp::Sweep(d) => *d,
                EdgeOp::Contact { later, .. } | EdgeOp::NotReached { later, .. }
                | EdgeOp::Spoken { later } | EdgeOp::Backdate { later, .. }
                | EdgeOp::Herstel { later, .. } | EdgeOp::End { later, .. }
                | EdgeOp::Reopen { later } => *later,
            };
            today = today + Days::new(later);
            sweep(&mut store, today).unwrap();
            let rhythm_item = ids(&db, "SELECT id FROM work_items WHERE source = 'rhythm' AND status = 'open'");
            let result = match op {
                EdgeOp::Sweep(_) => Ok(()),
                EdgeOp::Contact { back, letter, .. } => {
                    let channel = if letter { "brief" } else { "telefoon" };
                    workflow::add_contact(&mut store, &inbeeld::domain::journal::NewContact {
                        client_id: client, channel: channel.into(), date: today - Days::new(back), note: None,
                    }, today).map(|_| ())
                }
                EdgeOp::NotReached { after, .. } => match rhythm_item.first() {
                    Some(item) => workflow::close_item(&mut store, *item, &CloseRequest {
                        outcome: "niet_bereikt".into(), note: Some("voicemail".into()),
                        new_date: after.map(|a| today + Days::new(a)), ..CloseRequest::default()
                    }, today).map(|_| ()),
                    None => continue,
                },
                EdgeOp::Spoken { .. } => match rhythm_item.first() {
                    Some(item) => workflow::close_item(&mut store, *item, &CloseRequest {
                        outcome: "gesproken".into(), ..CloseRequest::default()
                    }, today).map(|_| ()),
                    None => continue,
                },
                EdgeOp::Backdate { back, .. } => {
                    let contacts = ids(&db, "SELECT id FROM contacts WHERE undone_at IS NULL ORDER BY id DESC");
                    let Some(contact) = contacts.first() else { continue };
                    let date: NaiveDate = db.conn().query_row(
                        "SELECT contact_date FROM contacts WHERE id = ?1", [contact], |r| r.get(0)).unwrap();
                    workflow::correct_contact(&mut store, *contact, Some(date - Days::new(back)), None, None, today)
                        .map(|_| ())
                }
                EdgeOp::Herstel { len, .. } => {
                    workflow::add_application(&mut store, client, today, false, today)
                        .and_then(|done| workflow::give_hersteltermijn(
                            &mut store, done.id(), "Bankafschriften", today, today + Days::new(len), today))
                        .map(|_| ())
                }
                EdgeOp::End { ahead, settle, .. } => {
                    workflow::end_client(&mut store, client, today + Days::new(ahead), "werk", settle, today)
                        .map(|_| ())
                }
                EdgeOp::Reopen { .. } => workflow::reopen_client(&mut store, client, today).map(|_| ()),
            };
            if let Err(err) = result {
                prop_assert!(err.is_bad_input(), "only refusals, never a failure: {}", err);
            }
            sweep(&mut store, today).unwrap();

            // The program's own check, after every step.
            let report = store.check(today).unwrap();
            prop_assert!(report.invariants.is_empty(), "on {}: {:?}", today, report.invariants);
            // Independently: out of view (no conversation within the rhythm of 28 days;
            // a letter is none) means open work.
            let ended: bool = db.conn().query_row(
                "SELECT ended_on IS NOT NULL FROM clients WHERE id = ?1", [client], |r| r.get(0)).unwrap();
            let last: NaiveDate = db.conn().query_row(
                "SELECT max(d) FROM (SELECT registered_on AS d FROM clients WHERE id = ?1
                 UNION ALL SELECT contact_date FROM contacts WHERE client_id = ?1
                   AND no_show = 0 AND undone_at IS NULL AND channel_code <> 'brief')",
                [client], |r| r.get(0)).unwrap();
            let open = ids(&db, "SELECT id FROM work_items WHERE status = 'open'").len();
            prop_assert!(ended || (today - last).num_days() <= 28 || open > 0,
                "out of view since {} on {} with no open item", last, today);
            // An unused hersteltermijn of an undecided aanvraag has its § item.
            for (app, end) in db.conn().prepare(
                "SELECT p.id, h.end_date FROM activities h JOIN applications p ON p.id = h.application_id
                 WHERE h.type_code = 'hersteltermijn' AND p.status = 'open' AND h.status = 'open'
                   AND h.end_date < ?1").unwrap()
                .query_map([today], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?))).unwrap()
                .map(Result::unwrap).collect::<Vec<_>>()
            {
                let legal: i64 = db.conn().query_row(
                    "SELECT count(*) FROM work_items w JOIN activities b ON b.id = w.source_activity_id
                     WHERE b.application_id = ?1 AND b.type_code = 'buitenbehandeling'",
                    [app], |r| r.get(0)).unwrap();
                prop_assert!(legal > 0, "aanvraag {} ran out unused on {} without its § item ({})", app, end, today);
            }
        }
    }
}

/// What the rest of the clock may be asked, over three years: sweeps on days that
/// move on, any item handled by any outcome, a heronderzoek done early, a new
/// informatieverzoek.
#[derive(Debug, Clone)]
enum ClockOp {
    Sweep {
        later: u64,
    },
    Handle {
        later: u64,
        item: usize,
        outcome: usize,
        to: u64,
    },
    Early {
        later: u64,
    },
    Ask {
        later: u64,
        len: u64,
    },
    Signal {
        later: u64,
    },
    /// The client's risk profile changes (or is set for the first time).
    Profile {
        later: u64,
        profile: usize,
    },
}

const CLOCK_OUTCOMES: &[&str] = &[
    "uitgevoerd",
    "verlengd",
    "ontvangen",
    "niet_geleverd",
    "vervallen",
    "ontheffing_af",
    "afgerond",
    "afgebroken",
    "voornemen",
    "maatregel_opgelegd",
    "geen_maatregel",
    "geen_bezwaar",
    "bezwaar",
    "boete_opgelegd",
    "geen_boete",
    "naar_om",
    "om_antwoord",
    "taal_voldaan",
    "taal_bereid",
    "taal_geen_inspanning",
];

fn clock_op() -> impl Strategy<Value = ClockOp> {
    prop_oneof![
        3 => (1u64..60).prop_map(|later| ClockOp::Sweep { later }),
        4 => (0u64..20, 0usize..40, 0..CLOCK_OUTCOMES.len(), 1u64..400)
            .prop_map(|(later, item, outcome, to)| ClockOp::Handle { later, item, outcome, to }),
        1 => (0u64..30).prop_map(|later| ClockOp::Early { later }),
        1 => (0u64..30, 1u64..40).prop_map(|(later, len)| ClockOp::Ask { later, len }),
        1 => (0u64..30).prop_map(|later| ClockOp::Signal { later }),
        1 => (0u64..60, 0usize..4).prop_map(|(later, profile)| ClockOp::Profile { later, profile }),
    ]
}

fn count(db: &common::Db, sql: &str, today: NaiveDate) -> i64 {
    db.conn().query_row(sql, [today], |r| r.get(0)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// No heronderzoek, informatieverzoek, ontheffing, maatregel, boete or taaleis
    /// step or what follows them passes its date without an item, the heronderzoek
    /// never stops and never doubles, an unanswered informatieverzoek always leads to
    /// an onderzoek, a maatregel to its bezwaartermijn, a taaleis to its review or a
    /// maatregel, and `check` agrees.
    #[test]
    fn the_rest_of_the_clock_never_lets_a_process_pass_its_date(
        interval in 90u64..540,
        exemption in 30u64..365,
        asked in 7u64..28,
        ops in proptest::collection::vec(clock_op(), 1..60),
    ) {
        let db = common::Db::new();
        let mut store = Store::open(&db.path).unwrap();
        let client = workflow::add_client(&mut store, &NewClient {
            name: "Proef Klant".into(), category: "beheer".into(), ..Default::default()
        }, base()).unwrap().id();
        let add = |store: &mut Store, type_code: &str, start: NaiveDate, len: u64, today: NaiveDate| {
            workflow::add_activity(store, &NewActivity {
                client_id: client, type_code: type_code.into(), title: None,
                start_date: start, end_date: start + Days::new(len),
            }, None, today)
        };
        add(&mut store, "heronderzoek", base(), interval, base()).unwrap();
        add(&mut store, "ontheffing", base(), exemption, base()).unwrap();
        add(&mut store, "informatieverzoek", base(), asked, base()).unwrap();
        add(&mut store, "taaleis", base(), asked * 2, base()).unwrap();
        let mut today = base();
        for op in ops {
            let later = match &op {
                ClockOp::Sweep { later } | ClockOp::Handle { later, .. }
                | ClockOp::Early { later } | ClockOp::Ask { later, .. }
                | ClockOp::Signal { later } | ClockOp::Profile { later, .. } => *later,
            };
            today = today + Days::new(later);
            sweep(&mut store, today).unwrap();
            let result = match op {
                ClockOp::Sweep { .. } => Ok(()),
                ClockOp::Handle { item, outcome, to, .. } => {
                    let open: Vec<ItemRow> = items(&db).into_iter().filter(|r| r.open).collect();
                    let Some(row) = open.get(item % open.len().max(1)) else { continue };
                    // Mostly one of the item's own outcomes; now and then any, to be refused.
                    let allowed = store.work_item(row.id).unwrap().allowed_outcomes;
                    let outcome = match outcome % 4 {
                        0 => CLOCK_OUTCOMES[outcome % CLOCK_OUTCOMES.len()].to_owned(),
                        _ => allowed[outcome % allowed.len()].code.clone(),
                    };
                    workflow::close_item(&mut store, row.id, &CloseRequest {
                        note: Some("reden".into()),
                        new_date: (outcome == "verlengd").then(|| today + Days::new(to)),
                        sanction: (outcome == "maatregel_opgelegd")
                            .then_some(Sanction { percent: 20, months: 1 }),
                        outcome,
                        ..CloseRequest::default()
                    }, today).map(|_| ())
                }
                ClockOp::Early { .. } => {
                    let open = ids(&db, "SELECT id FROM activities WHERE type_code = 'heronderzoek' AND status = 'open'");
                    workflow::close_activity(&mut store, open[0], &CloseRequest {
                        outcome: "uitgevoerd".into(), ..CloseRequest::default()
                    }, today).map(|_| ())
                }
                ClockOp::Ask { len, .. } => add(&mut store, "informatieverzoek", today, len, today).map(|_| ()),
                // A signaal for a maatregel, or now and then a rapport for a boete.
                ClockOp::Signal { later } if later % 3 == 0 => add(&mut store, "boete", today, 91, today).map(|_| ()),
                ClockOp::Signal { .. } => add(&mut store, "maatregel", today, 14, today).map(|_| ()),
                ClockOp::Profile { profile, .. } => workflow::set_risk_profile(
                    &mut store,
                    client,
                    ["laag", "gemiddeld", "verhoogd", "hoog"][profile],
                    today,
                )
                .map(|_| ()),
            };
            if let Err(err) = result {
                prop_assert!(err.is_bad_input(), "only refusals, never a failure: {}", err);
            }
            sweep(&mut store, today).unwrap();

            let report = store.check(today).unwrap();
            prop_assert!(report.invariants.is_empty(), "on {}: {:?}", today, report.invariants);
            prop_assert_eq!(
                count(&db, "SELECT count(*) FROM activities WHERE type_code = 'heronderzoek' AND status = 'open' AND ?1 = ?1", today),
                1, "one heronderzoek cycle, always, on {}", today
            );
            // In view from its lead days before the end: an item for the current cycle.
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities a JOIN activity_types t ON t.code = a.type_code
                 WHERE a.status = 'open'
                   AND a.type_code IN ('heronderzoek', 'informatieverzoek', 'ontheffing', 'onderzoek',
                                       'maatregel', 'zienswijze', 'bezwaartermijn', 'boete',
                                       'boete_om', 'taaleis', 'taalvoortgang')
                   -- The bezwaartermijn's item comes after the week of Awb 6:9 lid 2.
                   AND CASE a.type_code WHEN 'bezwaartermijn' THEN date(a.end_date, '+14 days')
                       ELSE date(a.end_date, '-' || t.lead_days || ' days') END <= ?1
                   AND NOT EXISTS (SELECT 1 FROM work_items w WHERE w.source_activity_id = a.id
                                   AND w.source_end_date = a.end_date)", today),
                0, "a process past its date without its item on {}", today);
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities i
                 WHERE i.type_code = 'informatieverzoek' AND i.outcome_code = 'niet_geleverd'
                   AND NOT EXISTS (SELECT 1 FROM activities o WHERE o.client_id = i.client_id
                                   AND o.type_code = 'onderzoek' AND o.start_date = i.closed_on)
                   AND ?1 = ?1", today),
                0, "an unanswered informatieverzoek without its onderzoek on {}", today);
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities z
                 WHERE z.type_code = 'zienswijze' AND z.outcome_code = 'maatregel_opgelegd'
                   AND NOT EXISTS (SELECT 1 FROM activities b WHERE b.client_id = z.client_id
                                   AND b.type_code = 'bezwaartermijn' AND b.start_date = z.closed_on)
                   AND ?1 = ?1", today),
                0, "a maatregel without its bezwaartermijn on {}", today);
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities t
                 WHERE t.type_code IN ('taaleis', 'taalvoortgang')
                   AND t.outcome_code IN ('taal_bereid', 'uitgevoerd', 'taal_geen_inspanning')
                   AND NOT EXISTS (SELECT 1 FROM activities n WHERE n.client_id = t.client_id
                                   AND n.type_code = CASE t.outcome_code WHEN 'taal_geen_inspanning'
                                       THEN 'maatregel' ELSE 'taalvoortgang' END
                                   AND n.start_date = t.closed_on)
                   AND ?1 = ?1", today),
                0, "a taaleis handled without what follows on {}", today);
            // A boete with the OM waits with a date, and comes back after the answer
            // with its end later by exactly the days it waited (Awb 5:51 lid 3).
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities b
                 WHERE b.type_code = 'boete' AND b.outcome_code = 'naar_om'
                   AND NOT EXISTS (SELECT 1 FROM activities w WHERE w.follows_activity_id = b.id
                                   AND w.type_code = 'boete_om' AND w.start_date = b.closed_on)
                   AND ?1 = ?1", today),
                0, "a boete with the OM without its wait on {}", today);
            prop_assert_eq!(count(&db,
                "SELECT count(*) FROM activities w JOIN activities b ON b.id = w.follows_activity_id
                 WHERE w.type_code = 'boete_om' AND w.outcome_code = 'om_antwoord'
                   -- The end it was given (a verlenging may move it on later).
                   AND NOT EXISTS (SELECT 1 FROM activities r JOIN audit_log l
                       ON l.entity = 'activity' AND l.entity_id = r.id AND l.action = 'activity.add'
                       WHERE r.follows_activity_id = w.id
                       AND r.type_code = 'boete' AND r.start_date = b.start_date
                       AND json_extract(l.detail, '$.end_date') = date(b.end_date, '+' ||
                           CAST(julianday(w.closed_on) - julianday(w.start_date) AS INTEGER) || ' days'))
                   AND ?1 = ?1", today),
                0, "the OM answered and the boete did not run on from where it stood, on {}", today);
        }
    }
}
