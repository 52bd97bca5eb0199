//! The law's clock for an aanvraag: its computed terms, the suspension of the
//! beslistermijn by hersteltermijnen (Awb 4:15), the verdaging (Awb 4:14 lid 3) and
//! the besluit. Pure: a context in, effects out.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::activity::{Activity, ActivityStatus};
use super::date::{add_days, age, dutch};
pub use super::effects::NewApplication;
use super::effects::{Decision, Effect, OutcomeEffect};
use super::env::Env;
use super::error::required_text;
use super::terms::{term_end, Suspension, TermEnd, TermRule};
use super::work_item::expiry_due;
use super::work_item::{finish_with_items, OpenItem};
use super::InputError;

/// The activity type of a hersteltermijn: the one activity of an aanvraag that is
/// not a computed term, and that suspends the beslistermijn while it runs.
pub const HERSTELTERMIJN: &str = "hersteltermijn";
pub const BESLISTERMIJN: &str = "beslistermijn";
pub const VOORSCHOT: &str = "voorschot";
pub const BUITENBEHANDELING: &str = "buitenbehandeling";
pub const BEZWAARTERMIJN: &str = "bezwaartermijn";
pub const ZOEKTERMIJN: &str = "zoektermijn";
/// The activity type of the rechtmatigheidsonderzoek a toekenning starts.
pub const HERONDERZOEK: &str = "heronderzoek";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub id: i64,
    pub client_id: i64,
    /// The melding (for a person under 27, the start of the zoektermijn).
    pub reported_on: Option<NaiveDate>,
    /// The day the aanvraag was received; `None` while it is expected.
    pub received_on: Option<NaiveDate>,
    /// When the aanvraag is expected: the end of the zoektermijn.
    pub expected_on: Option<NaiveDate>,
    pub under_27: bool,
    pub status: String,
    pub decision: Option<String>,
    pub decided_on: Option<NaiveDate>,
    /// The besluit was made known after the beslistermijn.
    pub decided_late: bool,
    pub adjourned_on: Option<NaiveDate>,
    pub adjourned_to: Option<NaiveDate>,
    pub adjournment_reason: Option<String>,
}

impl Application {
    /// The day the case started, whose rules it keeps: the melding, else the receipt.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.reported_on.or(self.received_on)
    }
}

impl Application {
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }
}

/// A computed term of an aanvraag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermActivity {
    pub activity: Activity,
    pub rule: String,
    /// The day after which the current cycle runs.
    pub term_from: NaiveDate,
    /// How its end was computed, as stored.
    pub note: Option<String>,
}

/// Days on which the beslistermijn does not run, on account of one hersteltermijn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuspensionPeriod {
    pub activity: i64,
    pub from: NaiveDate,
    /// The last suspended day; before `from` when no day was suspended.
    pub to: NaiveDate,
}

/// Everything the rules of an aanvraag read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationContext {
    pub application: Application,
    pub terms: Vec<TermActivity>,
    pub hersteltermijnen: Vec<Activity>,
    pub suspensions: Vec<SuspensionPeriod>,
    pub rules: Vec<TermRule>,
    /// The open work items of the aanvraag's activities.
    pub open_items: Vec<OpenItem>,
    /// The client has a heronderzoek cycle running already.
    pub heronderzoek_open: bool,
}

impl ApplicationContext {
    /// The rule, if it exists and is switched on.
    pub fn rule(&self, code: &str) -> Option<&TermRule> {
        self.rules.iter().find(|r| r.code == code && r.enabled)
    }

    fn open_term(&self, rule: &str) -> Option<&TermActivity> {
        self.terms
            .iter()
            .find(|t| t.rule == rule && t.activity.status == ActivityStatus::Open)
    }

    /// The last day of a hersteltermijn of this aanvraag that ran out unused (Awb 4:5
    /// lid 1), the earliest when there are several: one recorded as not answered,
    /// or one still open whose last day has passed (nothing was recorded, and
    /// nothing has to be for the four weeks of lid 4 to run).
    pub fn herstel_unused(&self, env: &Env) -> Option<NaiveDate> {
        let kind = env
            .catalog
            .activity_type(HERSTELTERMIJN)
            .ok()
            .and_then(|t| env.catalog.kind(&t.expiry_kind).ok());
        self.hersteltermijnen
            .iter()
            .filter(|h| match h.status {
                ActivityStatus::Open => h.end_date < env.today,
                ActivityStatus::Closed => {
                    h.outcome
                        .as_deref()
                        .zip(kind)
                        .and_then(|(o, k)| k.effect_of(o))
                        == Some(OutcomeEffect::NotReceived)
                }
            })
            .map(|h| h.end_date)
            .min()
    }
}

/// The days from `from` to `to`, both included, said as ranges: "2 t/m 4 november
/// 2026, 6 november 2026".
fn day_ranges(days: &[NaiveDate]) -> String {
    let mut ranges: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &day in days {
        match ranges.last_mut() {
            Some((_, last)) if add_days(*last, 1) == day => *last = day,
            _ => ranges.push((day, day)),
        }
    }
    ranges
        .iter()
        .map(|(a, b)| {
            if a == b {
                dutch(*a)
            } else {
                format!("{} t/m {}", dutch(*a), dutch(*b))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The end of the beslistermijn: eight weeks from receipt (Awb 4:13), plus every
/// day on which a hersteltermijn suspended it (Awb 4:15 lid 1 onder a) — each day
/// once, however many hersteltermijnen ran on it, and only when the term still ran
/// on the day after the invitation — or the later date of a verdaging (Awb 4:14
/// lid 3), and then the Atw.
pub fn beslistermijn_end(ctx: &ApplicationContext, env: &Env) -> Option<TermEnd> {
    let rule = ctx.rule(BESLISTERMIJN)?;
    let received = ctx.application.received_on?;
    let titles = |id: i64| {
        ctx.hersteltermijnen
            .iter()
            .find(|h| h.id == id)
            .map_or_else(|| format!("hersteltermijn {id}"), |h| h.title.clone())
    };
    // Events in the order they take effect: a suspension on its first day, a
    // verdaging on its day (a hersteltermijn given on the day of a verdaging
    // suspends the new term).
    enum Event<'a> {
        Suspension(&'a SuspensionPeriod),
        Adjourn(NaiveDate, NaiveDate),
    }
    let mut events: Vec<(NaiveDate, Event)> = ctx
        .suspensions
        .iter()
        .map(|p| (p.from, Event::Suspension(p)))
        .collect();
    if let (Some(on), Some(to)) = (ctx.application.adjourned_on, ctx.application.adjourned_to) {
        events.push((on, Event::Adjourn(on, to)));
    }
    events.sort_by_key(|(day, _)| *day);

    let mut base = rule.clone();
    let mut counted: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut applied: Vec<Suspension> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let compute =
        |base: &TermRule, applied: &[Suspension]| term_end(base, received, applied, env.calendar);
    let mut end = compute(&base, &applied);
    for (_, event) in events {
        match event {
            Event::Suspension(p) => {
                if p.from > end.end {
                    notes.push(format!(
                        "niet opgeschort: hersteltermijn {} kwam na het einde van de beslistermijn ({})",
                        titles(p.activity),
                        dutch(end.end)
                    ));
                    continue;
                }
                let mut day = p.from;
                let mut new_days = Vec::new();
                let mut overlap = 0;
                while day <= p.to {
                    if counted.insert(day) {
                        new_days.push(day);
                    } else {
                        overlap += 1;
                    }
                    day = add_days(day, 1);
                }
                if new_days.is_empty() {
                    if overlap > 0 {
                        notes.push(format!(
                            "hersteltermijn {}: geen extra dagen, al opgeschort",
                            titles(p.activity)
                        ));
                    }
                    continue;
                }
                let overlap = if overlap > 0 {
                    format!(" ({overlap} al opgeschorte dagen niet opnieuw geteld)")
                } else {
                    String::new()
                };
                applied.push(Suspension {
                    days: new_days.len() as i64,
                    reason: format!(
                        "hersteltermijn {}, {}{overlap}",
                        titles(p.activity),
                        day_ranges(&new_days)
                    ),
                });
            }
            Event::Adjourn(on, to) => {
                if on > end.end || to <= end.end {
                    continue;
                }
                // The new date replaces the end reached so far: the date the
                // aanvrager was told, which the Atw does not move (it extends terms
                // set in a law). Later suspensions still add their days, and so does
                // a hersteltermijn that runs at the verdaging, for its days after it
                // (Awb 4:15 read as written: the term is suspended while it runs).
                base.length_days = (to - received).num_days();
                base.atw = false;
                counted.retain(|day| *day > on);
                applied.clear();
                notes.push(format!(
                    "verdaagd op {} tot {} (Awb 4:14 lid 3): {}; de datum van de mededeling, die de Algemene termijnenwet niet verschuift",
                    dutch(on),
                    dutch(to),
                    ctx.application.adjournment_reason.as_deref().unwrap_or("-")
                ));
                if !counted.is_empty() {
                    let running: Vec<NaiveDate> = counted.iter().copied().collect();
                    applied.push(Suspension {
                        days: running.len() as i64,
                        reason: format!(
                            "hersteltermijn die bij de verdaging liep, {}",
                            day_ranges(&running)
                        ),
                    });
                }
            }
        }
        end = compute(&base, &applied);
    }
    end.notes.splice(0..0, notes);
    Some(end)
}

/// The end a computed term should have now.
fn computed_end(ctx: &ApplicationContext, term: &TermActivity, env: &Env) -> Option<TermEnd> {
    if term.rule == BESLISTERMIJN {
        return beslistermijn_end(ctx, env);
    }
    let rule = ctx.rules.iter().find(|r| r.code == term.rule)?;
    Some(term_end(rule, term.term_from, &[], env.calendar))
}

/// Brings every running computed term of the aanvraag to the end the rules give it
/// now: after a hersteltermijn was given, extended or handled, after a verdaging,
/// after a new gelijkgestelde dag.
pub fn reconcile(ctx: &ApplicationContext, env: &Env) -> Vec<Effect> {
    ctx.terms
        .iter()
        .filter(|t| t.activity.status == ActivityStatus::Open)
        .filter_map(|t| {
            let end = computed_end(ctx, t, env)?;
            let explanation = end.explanation();
            // Also when only the explanation changed: fewer days suspended can end on
            // the same day after the Atw, and the days it names must be the days
            // counted.
            let changed = end.end != t.activity.end_date || Some(&explanation) != t.note.as_ref();
            let due = env
                .catalog
                .activity_type(&t.activity.type_code)
                .map_or(end.end, |ty| expiry_due(ty, end.end, env.calendar));
            changed.then_some(Effect::SetTermEnd {
                activity: t.activity.id,
                from: t.activity.end_date,
                to: end.end,
                due,
                explanation,
            })
        })
        .collect()
}

/// The explanation a computed term should show now (also when its end did not
/// move), for the dossier.
pub fn explanation(ctx: &ApplicationContext, term: &TermActivity, env: &Env) -> Option<String> {
    computed_end(ctx, term, env).map(|e| e.explanation())
}

/// The end a hersteltermijn given on `given` is offered: the catalogue's length,
/// on a working day (the klantmanager sets this term, and may choose another).
pub fn herstel_suggestion(
    catalog: &super::catalog::Catalog,
    calendar: &super::calendar::LegalCalendar,
    given: NaiveDate,
) -> Result<NaiveDate, InputError> {
    Ok(calendar.next_working_day(catalog.suggested_end(HERSTELTERMIJN, given)?))
}

/// Registers an aanvraag made (or, under 27, a melding done) on `on`. Whether the
/// zoektermijn applies follows from the birth date on that day; `under_27_flag` only
/// speaks for a client without one, and is refused when it contradicts it.
pub fn new_application(
    env: &Env,
    client_id: i64,
    birth_date: Option<NaiveDate>,
    on: NaiveDate,
    under_27_flag: bool,
    zoektermijn: Option<&TermRule>,
) -> Result<NewApplication, InputError> {
    dated("de aanvraag (of melding) van", on, None, env.today)?;
    let under_27 = match birth_date.and_then(|b| age(b, on)) {
        Some(years) if under_27_flag && years >= 27 => {
            return Err(InputError::Under27Contradicts { on, age: years });
        }
        Some(years) => years < 27,
        None => under_27_flag,
    };
    let zoektermijn = zoektermijn.filter(|r| r.enabled && under_27);
    Ok(match zoektermijn {
        Some(rule) => NewApplication {
            client_id,
            reported_on: Some(on),
            received_on: None,
            expected_on: Some(term_end(rule, on, &[], env.calendar).end),
            under_27,
        },
        None => NewApplication {
            client_id,
            reported_on: None,
            received_on: Some(on),
            expected_on: None,
            under_27,
        },
    })
}

fn start_term(
    ctx: &ApplicationContext,
    env: &Env,
    rule_code: &str,
    from: NaiveDate,
) -> Option<Effect> {
    let rule = ctx.rule(rule_code)?;
    let end = term_end(rule, from, &[], env.calendar);
    let app = &ctx.application;
    Some(Effect::StartTerm {
        application: app.id,
        client: app.client_id,
        rule: rule.code.clone(),
        type_code: rule_code.to_owned(),
        title: format!("{} aanvraag {} ({})", rule.name, app.id, rule.article),
        from,
        end: end.end,
        explanation: end.explanation(),
    })
}

/// The terms a new aanvraag starts: the zoektermijn from the melding, or — once it
/// is received — the beslistermijn and the first voorschot.
pub fn opening_terms(ctx: &ApplicationContext, env: &Env) -> Vec<Effect> {
    let app = &ctx.application;
    match (app.received_on, app.reported_on) {
        (Some(received), _) => [BESLISTERMIJN, VOORSCHOT]
            .iter()
            .filter_map(|r| start_term(ctx, env, r, received))
            .collect(),
        (None, Some(reported)) => start_term(ctx, env, ZOEKTERMIJN, reported)
            .into_iter()
            .collect(),
        (None, None) => Vec::new(),
    }
}

/// A day something happened on: not after today, and not before `earliest` (what
/// it is, and its day) when there is one.
pub(crate) fn dated(
    what: &'static str,
    date: NaiveDate,
    earliest: Option<(&'static str, NaiveDate)>,
    today: NaiveDate,
) -> Result<(), InputError> {
    if let Some((before_what, before)) = earliest.filter(|(_, day)| date < *day) {
        return Err(InputError::Before {
            what,
            date,
            before_what,
            before,
        });
    }
    if date > today {
        return Err(InputError::InFuture { what, date, today });
    }
    Ok(())
}

fn require_open(ctx: &ApplicationContext) -> Result<&Application, InputError> {
    let app = &ctx.application;
    if !app.is_open() {
        return Err(InputError::ApplicationDecided {
            id: app.id,
            decision: app.decision.clone().unwrap_or_default(),
        });
    }
    Ok(app)
}

fn require_received(ctx: &ApplicationContext) -> Result<NaiveDate, InputError> {
    let app = require_open(ctx)?;
    app.received_on.ok_or(InputError::ApplicationNotReceived {
        id: app.id,
        expected: app.expected_on.unwrap_or_default(),
    })
}

/// The aanvraag of a person under 27 arrives after the zoektermijn: the zoektermijn
/// is done, the beslistermijn and the voorschot start. Before the four weeks are
/// over it can only arrive when the municipality waives them (`waiver`: why, for a
/// young person who cannot be expected to search first; Pw art. 41 lid 4 as the
/// Participatiewet in balans changed it): the zoektermijn then ends *afgezien*, with
/// the reason in its note.
pub fn receive(
    ctx: &ApplicationContext,
    env: &Env,
    on: NaiveDate,
    waiver: Option<&str>,
) -> Result<Vec<Effect>, InputError> {
    let app = require_open(ctx)?;
    if let Some(received) = app.received_on {
        return Err(InputError::ApplicationReceived {
            id: app.id,
            on: received,
        });
    }
    let reported = app.reported_on.map(|r| ("de melding", r));
    dated("de ontvangst op", on, reported, env.today)?;
    let mut effects = vec![Effect::ReceiveApplication {
        application: app.id,
        on,
    }];
    let settled = match (ctx.open_term(ZOEKTERMIJN), waiver) {
        (None, Some(_)) => return Err(InputError::NoZoektermijn { id: app.id }),
        (Some(zoek), None) if on < zoek.activity.end_date => {
            return Err(InputError::ZoektermijnRuns {
                id: app.id,
                until: zoek.activity.end_date,
            })
        }
        (Some(zoek), None) => Some((
            zoek,
            OutcomeEffect::Finish,
            format!("aanvraag ontvangen op {}", dutch(on)),
        )),
        (Some(zoek), Some(reason)) => Some((
            zoek,
            OutcomeEffect::Settled,
            required_text("de reden om van de zoektermijn af te zien", reason)?,
        )),
        (None, None) => None,
    };
    if let Some((zoek, effect, note)) = settled {
        effects.extend(settle_term(ctx, env, &zoek.activity, effect, &note));
    }
    let mut received = ctx.clone();
    received.application.received_on = Some(on);
    effects.extend(opening_terms(&received, env));
    Ok(effects)
}

/// Finishes a running term of a decided (or received) aanvraag with the first
/// outcome of its kind that has `effect` (else the first plain one), and its open
/// items with it.
fn settle_term(
    ctx: &ApplicationContext,
    env: &Env,
    activity: &Activity,
    effect: OutcomeEffect,
    note: &str,
) -> Vec<Effect> {
    let kind = env
        .catalog
        .activity_type(&activity.type_code)
        .ok()
        .and_then(|t| env.catalog.kind(&t.expiry_kind).ok());
    let outcome = kind
        .and_then(|k| {
            k.outcome_with(effect)
                .or_else(|| k.outcome_with(OutcomeEffect::Finish))
        })
        .unwrap_or("afgerond")
        .to_owned();
    let items: Vec<OpenItem> = ctx
        .open_items
        .iter()
        .filter(|i| i.activity == activity.id)
        .cloned()
        .collect();
    finish_with_items(activity.id, &items, &outcome, Some(note), None)
}

/// A hersteltermijn on an aanvraag: given on `given`, running to `end`; the
/// beslistermijn is suspended from the day after `given`.
pub fn give_hersteltermijn(
    ctx: &ApplicationContext,
    env: &Env,
    missing: &str,
    given: NaiveDate,
    end: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let missing = required_text("wat er ontbreekt", missing)?;
    let received = require_received(ctx)?;
    if end < given {
        return Err(InputError::EndBeforeStart {
            start: given.to_string(),
            end: end.to_string(),
        });
    }
    dated(
        "de hersteltermijn gegeven op",
        given,
        Some(("de ontvangst van de aanvraag", received)),
        env.today,
    )?;
    let app = &ctx.application;
    Ok(vec![
        Effect::AddActivity {
            client: app.client_id,
            type_code: HERSTELTERMIJN.to_owned(),
            title: missing,
            start: given,
            end,
            application: Some(app.id),
            follows: None,
        },
        Effect::Suspend {
            application: app.id,
            activity: None,
            from: add_days(given, 1),
            to: end,
        },
    ])
}

/// The besluit, made known on `made_known`: the aanvraag is decided (late when after
/// the beslistermijn), its running terms are settled, the bezwaartermijn starts the
/// day after (Awb 6:8) — not after an intrekking, which is no besluit on the aanvraag.
pub fn decide(
    ctx: &ApplicationContext,
    env: &Env,
    decision: Decision,
    made_known: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let app = require_open(ctx)?;
    let start = app.received_on.or(app.reported_on).unwrap_or(made_known);
    dated(
        "de bekendmaking op",
        made_known,
        Some(("de ontvangst van de aanvraag", start)),
        env.today,
    )?;
    if decision == Decision::NotHandled {
        let Some(ran_out) = ctx.herstel_unused(env) else {
            return Err(InputError::NotHandledWithoutHerstel { id: app.id });
        };
        if made_known <= ran_out {
            return Err(InputError::NotHandledTooEarly { end: ran_out });
        }
    }
    let late = beslistermijn_end(ctx, env).is_some_and(|end| made_known > end.end);
    // In words, as a klantmanager reads it in the dossier.
    let note = format!(
        "besluit {} bekendgemaakt op {}",
        decision.name().to_lowercase(),
        dutch(made_known)
    );
    let mut effects = Vec::new();
    let running = ctx
        .terms
        .iter()
        .map(|t| &t.activity)
        .chain(&ctx.hersteltermijnen)
        .filter(|a| a.status == ActivityStatus::Open);
    for activity in running {
        // The beslistermijn is met by the besluit, the four weeks of buiten
        // behandeling by that besluit only; every other running term (a voorschot,
        // a hersteltermijn) is ended by it.
        let met = activity.type_code == BESLISTERMIJN
            || (activity.type_code == BUITENBEHANDELING && decision == Decision::NotHandled);
        let effect = if met {
            OutcomeEffect::Decision
        } else {
            OutcomeEffect::Settled
        };
        effects.extend(settle_term(ctx, env, activity, effect, &note));
    }
    effects.push(Effect::RecordDecision {
        application: app.id,
        decision,
        made_known,
        late,
    });
    if decision != Decision::Withdrawn {
        effects.extend(start_term(ctx, env, BEZWAARTERMIJN, made_known));
    }
    // A toekenning starts the heronderzoek cycle (Pw art. 53a): the first one at the
    // catalogue's interval from the bekendmaking, unless one runs already.
    if decision == Decision::Granted && !ctx.heronderzoek_open {
        if let Ok(kind) = env.catalog.activity_type(HERONDERZOEK) {
            let end = add_days(made_known, kind.default_days.max(1));
            effects.push(Effect::AddActivity {
                client: app.client_id,
                type_code: HERONDERZOEK.to_owned(),
                title: format!("Eerste heronderzoek na de toekenning (aanvraag {})", app.id),
                start: made_known,
                end: env.calendar.next_working_day(end),
                application: None,
                follows: None,
            });
        }
    }
    Ok(effects)
}

/// A verdaging (Awb 4:14 lid 3): within the beslistermijn, to a later date, with the
/// reason the aanvrager was told.
pub fn adjourn(
    ctx: &ApplicationContext,
    env: &Env,
    to: NaiveDate,
    reason: &str,
) -> Result<Vec<Effect>, InputError> {
    let reason = required_text("de reden van de verdaging", reason)?;
    require_received(ctx)?;
    if let Some(to) = ctx.application.adjourned_to {
        return Err(InputError::AlreadyAdjourned { to });
    }
    let Some(end) = beslistermijn_end(ctx, env) else {
        return Err(InputError::NoApplication {
            id: ctx.application.id,
        });
    };
    if env.today > end.end {
        return Err(InputError::AdjournTooLate { end: end.end });
    }
    if to <= end.end {
        return Err(InputError::AdjournNotLater { end: end.end });
    }
    Ok(vec![Effect::Adjourn {
        application: ctx.application.id,
        on: env.today,
        to,
        reason,
    }])
}

/// Awb 4:5 lid 4 from the day after a hersteltermijn ran out unused: the four
/// weeks to make the buiten-behandeling besluit known start by themselves, whether
/// or not "niet ontvangen" was recorded (the sweep asks this every day).
pub fn four_weeks(ctx: &ApplicationContext, env: &Env) -> Option<Effect> {
    buitenbehandeling_term(ctx, env, ctx.herstel_unused(env)?)
}

/// Once no hersteltermijn of the aanvraag is left unused (`ctx` as it stands after
/// the edit: the documents arrived after all, or the hersteltermijn was given
/// again), the running buiten-behandeling term is settled with its kind's outcome
/// that has `effect`.
pub fn four_weeks_settled(
    ctx: &ApplicationContext,
    env: &Env,
    effect: OutcomeEffect,
    note: &str,
) -> Vec<Effect> {
    match ctx.open_term(BUITENBEHANDELING) {
        Some(term) if ctx.application.is_open() && ctx.herstel_unused(env).is_none() => {
            settle_term(ctx, env, &term.activity, effect, note)
        }
        _ => Vec::new(),
    }
}

/// The term to make the buiten-behandeling besluit known (Awb 4:5 lid 4), from the
/// end of a hersteltermijn that ran out unused, while the aanvraag is undecided.
pub fn buitenbehandeling_term(
    ctx: &ApplicationContext,
    env: &Env,
    from: NaiveDate,
) -> Option<Effect> {
    // One term per unused end: a term the klantmanager settled stays settled.
    let started = ctx
        .terms
        .iter()
        .any(|t| t.rule == BUITENBEHANDELING && t.term_from == from);
    if !ctx.application.is_open() || ctx.open_term(BUITENBEHANDELING).is_some() || started {
        return None;
    }
    start_term(ctx, env, BUITENBEHANDELING, from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::LegalCalendar;
    use crate::domain::catalog::Catalog;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ctx(received: &str, periods: &[(&str, &str)]) -> ApplicationContext {
        ApplicationContext {
            application: Application {
                id: 1,
                client_id: 1,
                reported_on: None,
                received_on: Some(d(received)),
                expected_on: None,
                under_27: false,
                status: "open".into(),
                decision: None,
                decided_on: None,
                decided_late: false,
                adjourned_on: None,
                adjourned_to: None,
                adjournment_reason: None,
            },
            terms: Vec::new(),
            hersteltermijnen: Vec::new(),
            suspensions: periods
                .iter()
                .enumerate()
                .map(|(i, (from, to))| SuspensionPeriod {
                    activity: i as i64 + 1,
                    from: d(from),
                    to: d(to),
                })
                .collect(),
            rules: vec![TermRule {
                code: BESLISTERMIJN.into(),
                name: "Beslistermijn".into(),
                article: "Awb 4:13 lid 2".into(),
                length_days: 56,
                atw: true,
                enabled: true,
            }],
            open_items: Vec::new(),
            heronderzoek_open: false,
        }
    }

    fn end(ctx: &ApplicationContext) -> TermEnd {
        let catalog = Catalog::default();
        let calendar = LegalCalendar::default();
        let env = Env {
            catalog: &catalog,
            calendar: &calendar,
            today: d("2026-11-23"),
        };
        beslistermijn_end(ctx, &env).unwrap()
    }

    #[test]
    fn overlapping_hersteltermijnen_suspend_each_day_once() {
        // Received Thursday 1 October 2026: eight weeks end Thursday 26 November.
        assert_eq!(end(&ctx("2026-10-01", &[])).end, d("2026-11-26"));
        // 6–19 October and 13–26 October overlap for a week: 21 days, not 28.
        let both = end(&ctx(
            "2026-10-01",
            &[("2026-10-06", "2026-10-19"), ("2026-10-13", "2026-10-26")],
        ));
        assert_eq!(both.end, d("2026-12-17"));
        assert_eq!(both.days_added, 21);
        let text = both.explanation();
        assert!(
            text.contains("7 al opgeschorte dagen niet opnieuw geteld"),
            "{text}"
        );
        assert!(text.contains("di 6 okt 2026 t/m ma 19 okt 2026"), "{text}");
    }

    #[test]
    fn a_term_that_ran_out_is_not_suspended() {
        // Given on 30 November, after the beslistermijn ended on 26 November.
        let late = end(&ctx("2026-10-01", &[("2026-12-01", "2026-12-14")]));
        assert_eq!(late.end, d("2026-11-26"));
        assert!(
            late.explanation().contains("niet opgeschort"),
            "{}",
            late.explanation()
        );
    }

    #[test]
    fn a_hersteltermijn_given_again_after_it_ran_out_suspends_only_anew() {
        // 6–19 October, ran out unused; given again on 22 October to 5 November:
        // 14 + 14 days, the gap of 20–22 October runs.
        let again = end(&ctx(
            "2026-10-01",
            &[("2026-10-06", "2026-10-19"), ("2026-10-23", "2026-11-05")],
        ));
        assert_eq!(again.days_added, 28);
        assert_eq!(again.end, d("2026-12-24"));
    }

    #[test]
    fn a_verdaging_sets_the_end_and_later_suspensions_still_count() {
        let mut adjourned = ctx("2026-10-01", &[]);
        adjourned.application.adjourned_on = Some(d("2026-11-20"));
        adjourned.application.adjourned_to = Some(d("2027-01-14"));
        adjourned.application.adjournment_reason = Some("advies arts".into());
        let e = end(&adjourned);
        assert_eq!(e.end, d("2027-01-14"));
        assert!(
            e.explanation().contains("Awb 4:14 lid 3"),
            "{}",
            e.explanation()
        );
        adjourned.suspensions.push(SuspensionPeriod {
            activity: 9,
            from: d("2026-12-01"),
            to: d("2026-12-07"),
        });
        assert_eq!(end(&adjourned).end, d("2027-01-21"));
        // A verdaging recorded after the term had run out does not count.
        adjourned.suspensions.clear();
        adjourned.application.adjourned_on = Some(d("2026-11-27"));
        assert_eq!(end(&adjourned).end, d("2026-11-26"));
    }

    #[test]
    fn a_verdaagde_date_is_the_one_told_and_not_moved_by_the_atw() {
        let mut adjourned = ctx("2026-03-20", &[]);
        adjourned.application.adjourned_on = Some(d("2026-04-20"));
        // A Saturday: the Atw would make it Monday 1 June.
        adjourned.application.adjourned_to = Some(d("2026-05-30"));
        adjourned.application.adjournment_reason = Some("advies".into());
        let e = end(&adjourned);
        assert_eq!(e.end, d("2026-05-30"), "{}", e.explanation());
        assert!(e.explanation().contains("datum van de mededeling"));
    }

    #[test]
    fn a_hersteltermijn_running_at_the_verdaging_suspends_the_verdaagde_term_too() {
        // Given 15 April to 29 April; verdaagd on 20 April to 30 May; a second
        // hersteltermijn given on 20 April, to 4 May.
        let mut c = ctx(
            "2026-03-20",
            &[("2026-04-16", "2026-04-29"), ("2026-04-21", "2026-05-04")],
        );
        c.application.adjourned_on = Some(d("2026-04-20"));
        c.application.adjourned_to = Some(d("2026-05-30"));
        c.application.adjournment_reason = Some("advies".into());
        let e = end(&c);
        // 21 April to 4 May: 14 days, none lost, none twice.
        assert_eq!(e.end, d("2026-06-13"), "{}", e.explanation());
        assert!(
            e.explanation().contains("bij de verdaging liep"),
            "{}",
            e.explanation()
        );
    }

    #[test]
    fn the_explanation_follows_the_days_even_when_the_end_stays() {
        // One day less suspended, but the Atw lands on the same Monday: the end
        // stays, the days it names must not.
        let mut app = ctx("2026-10-01", &[("2026-10-06", "2026-10-09")]);
        let end = end(&app);
        app.terms.push(TermActivity {
            activity: Activity {
                id: 5,
                client_id: 1,
                type_code: BESLISTERMIJN.into(),
                title: "Beslistermijn".into(),
                start_date: d("2026-10-01"),
                end_date: end.end,
                status: ActivityStatus::Open,
                outcome: None,
                outcome_note: None,
                closed_on: None,
                time: None,
                channel: None,
            },
            rule: BESLISTERMIJN.into(),
            term_from: d("2026-10-01"),
            note: Some("verouderd".into()),
        });
        let catalog = Catalog::default();
        let calendar = LegalCalendar::default();
        let env = Env {
            catalog: &catalog,
            calendar: &calendar,
            today: d("2026-11-23"),
        };
        let effects = reconcile(&app, &env);
        assert_eq!(
            effects,
            vec![Effect::SetTermEnd {
                activity: 5,
                from: end.end,
                to: end.end,
                due: end.end,
                explanation: end.explanation(),
            }]
        );
        app.terms[0].note = Some(end.explanation());
        assert!(reconcile(&app, &env).is_empty(), "nothing when all agrees");
    }

    #[test]
    fn an_empty_period_suspends_nothing() {
        // Given on 5 October, everything in on 6 October: no day suspended.
        let e = end(&ctx("2026-10-01", &[("2026-10-06", "2026-10-05")]));
        assert_eq!(e.end, d("2026-11-26"));
        assert_eq!(e.days_added, 0);
    }
}
