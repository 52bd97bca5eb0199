//! No escape, as rules: what handling a work item, closing or extending an
//! activity, postponing, or recording a contact does. Each rule reads a context and
//! `Env`, and returns the effects; it refuses with a named error. The table test at
//! the bottom is the place to learn what handling an item does.

use chrono::NaiveDate;

use super::aanvraag::{self, dated, ApplicationContext, HERONDERZOEK};
use super::activity::{own_words, Activity, ActivityStatus};
use super::catalog::{ActivityType, NextActivity, Requirement, WorkItemKind};
use super::client::in_view;
use super::date::{add_days, dutch};
use super::effects::{Decision, Effect, OutcomeEffect};
use super::env::Env;
use super::error::optional_text;
use super::sanction::{Sanction, SanctionStep};
use super::terms::{term_end, TermRule};
use super::work_item::{check_postpone, expiry_due, Source, WorkItem};
pub use super::work_item::{finish_with_items, OpenItem, REMINDER_LAPSED};
use super::InputError;

/// The kind of the work item a lapsed contact rhythm raises.
pub const RHYTHM_KIND: &str = "contact";
/// The kind of the reminder the day before an afspraak.
pub const REMINDER_KIND: &str = "nabellen";
/// The outcome with which a klantmanager lets an item lapse, with a reason (and a
/// goal or plan evaluation that a new plan replaces).
pub const LAPSED: &str = "vervallen";
/// The channel of a conversation on the telephone (nabellen).
pub const TELEPHONE: &str = "telefoon";

/// The client as far as handling needs it: whom to call how, and how far in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientContext {
    pub id: i64,
    pub contact_preference: Option<String>,
    pub registered_on: NaiveDate,
    pub last_contact: Option<NaiveDate>,
    pub rhythm_days: i64,
    /// After "niet bereikt", the next attempt is suggested this many working days on.
    pub retry_days: i64,
    /// Open "contact opnemen" items.
    pub open_rhythm_items: Vec<i64>,
    /// The months of the client's risk profile: the heronderzoek's interval.
    pub risk_months: Option<u32>,
}

/// The next attempt to reach a client who was not reached today: `retry_days`
/// working days on (the category's setting).
pub fn next_attempt(
    calendar: &super::calendar::LegalCalendar,
    retry_days: i64,
    today: NaiveDate,
) -> NaiveDate {
    let mut day = today;
    for _ in 0..retry_days.max(1) {
        day = calendar.next_working_day(add_days(day, 1));
    }
    day
}

/// An activity with everything that decides what an edit of it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityContext {
    pub activity: Activity,
    pub activity_type: ActivityType,
    /// The kind of the items its end date raises.
    pub kind: WorkItemKind,
    /// The rule of a computed term (its end is computed, never typed).
    pub term: Option<TermRule>,
    pub term_from: Option<NaiveDate>,
    /// The aanvraag it belongs to: a computed term or a hersteltermijn.
    pub application: Option<ApplicationContext>,
    /// End dates that already raised an item.
    pub cycles: Vec<NaiveDate>,
    pub open_items: Vec<OpenItem>,
    /// The goal of a plan van aanpak whose deadline it is.
    pub goal: Option<i64>,
    pub client: ClientContext,
    /// The activity this one follows: for a wait, the term that waits.
    pub follows: Option<Activity>,
    /// An afspraak's place, when not the bezoekadres: the new one after a no-show
    /// is at the same place.
    pub location: Option<String>,
}

impl ActivityContext {
    /// A hersteltermijn of an aanvraag: it suspends the beslistermijn while it runs.
    fn suspends(&self) -> Option<&ApplicationContext> {
        self.application
            .as_ref()
            .filter(|a| self.term.is_none() && a.application.is_open())
    }

    fn is_appointment(&self) -> bool {
        self.activity_type.reminder_days.is_some()
    }

    fn open_items_except(&self, except: Option<i64>) -> Vec<OpenItem> {
        self.open_items
            .iter()
            .filter(|i| Some(i.id) != except)
            .cloned()
            .collect()
    }
}

/// A work item with everything that decides what handling it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemContext {
    pub item: WorkItem,
    /// The end date of the activity cycle the item belongs to.
    pub cycle_end: Option<NaiveDate>,
    /// Set when the item was already handled.
    pub outcome: Option<String>,
    pub kind: WorkItemKind,
    pub activity: Option<ActivityContext>,
    pub client: ClientContext,
}

/// How the klantmanager handles an item (or closes an activity).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CloseRequest {
    pub outcome: String,
    pub note: Option<String>,
    /// A new end date (`verlengd`, `bijgesteld`) or a new afspraak (`no_show`).
    pub new_date: Option<NaiveDate>,
    /// For a no-show: a vervolgactie with this text instead of a new afspraak.
    pub follow_up: Option<String>,
    /// For a besluit: what was decided and the day it was made known.
    pub decision: Option<Decision>,
    pub made_known: Option<NaiveDate>,
    /// For documents received on a hersteltermijn: the day they arrived (today
    /// without it). The beslistermijn runs again from that day.
    pub received_on: Option<NaiveDate>,
    /// For a conversation (`gesproken`): the channel it took place by (the client's
    /// preferred channel without it). For a no-show: the new afspraak's channel.
    pub channel: Option<String>,
    /// For a no-show: the new afspraak's time (the missed one's without it).
    pub time: Option<String>,
    /// For a maatregel opgelegd: the verlaging.
    pub sanction: Option<Sanction>,
    /// What the verordening says for this client today; another verlaging needs
    /// a toelichting.
    pub sanction_step: Option<SanctionStep>,
}

/// A request that passed the outcome's own requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Checked {
    outcome: String,
    effect: OutcomeEffect,
    note: Option<String>,
    new_date: Option<NaiveDate>,
    follow_up: Option<String>,
    decision: Option<(Decision, NaiveDate)>,
    received_on: Option<NaiveDate>,
    channel: Option<String>,
    time: Option<String>,
}

/// The outcome must be one the kind allows, and gets what it cannot go without: a
/// new date after today, a reason, or a besluit with its day of bekendmaking.
fn check(env: &Env, kind: &WorkItemKind, req: &CloseRequest) -> Result<Checked, InputError> {
    let outcome = env.catalog.outcome(req.outcome.trim())?;
    let Some(effect) = kind.effect_of(&outcome.code) else {
        return Err(InputError::OutcomeNotAllowed {
            outcome: outcome.code.clone(),
            kind: kind.code.clone(),
            allowed: chosen_by_hand(kind).join(", "),
        });
    };
    let code = || outcome.code.clone();
    match effect {
        OutcomeEffect::ClientEnded => return Err(InputError::OnlyAtUitstroom { outcome: code() }),
        OutcomeEffect::Lapsed | OutcomeEffect::Settled => {
            return Err(InputError::OnlyByTheProgram { outcome: code() })
        }
        _ => {}
    }
    let note = optional_text(req.note.as_deref());
    let follow_up = optional_text(req.follow_up.as_deref());
    // "Niet bereikt" plans the next attempt: a date, suggested when not given.
    let dated = outcome.requires == Requirement::NewDate || effect == OutcomeEffect::NotReached;
    match (dated, req.new_date) {
        (true, None) if effect == OutcomeEffect::NotReached => {}
        (true, None) => return Err(InputError::NeedsNewDate { outcome: code() }),
        (true, Some(date)) if date <= env.today => {
            return Err(InputError::NotAfterToday {
                what: if effect == OutcomeEffect::NotReached {
                    "de volgende poging"
                } else {
                    "de nieuwe datum"
                },
                date,
                today: env.today,
            })
        }
        (false, Some(_)) => return Err(InputError::NoNewDate { outcome: code() }),
        _ => {}
    }
    if outcome.requires == Requirement::Reason && note.is_none() {
        return Err(InputError::NeedsReason { outcome: code() });
    }
    // A maatregel opgelegd notes its verlaging, with the reason when it is not the
    // verordening's for this client.
    let note = match (outcome.requires, req.sanction) {
        (Requirement::Sanction, None) => {
            return Err(InputError::NeedsSanction {
                outcome: code(),
                step: req.sanction_step.as_ref().map_or(String::new(), |s| {
                    format!(
                        "; volgens de verordening {} ({})",
                        s.sanction.words(),
                        s.why
                    )
                }),
            })
        }
        (Requirement::Sanction, Some(sanction)) => {
            let sanction = Sanction::new(sanction.percent, sanction.months)?;
            if let Some(step) = req
                .sanction_step
                .as_ref()
                .filter(|s| s.sanction != sanction && note.is_none())
            {
                return Err(InputError::SanctionDeviates {
                    step: format!("{}, {}", step.sanction.words(), step.why),
                });
            }
            let words = sanction.words();
            Some(match note {
                Some(note) => format!("{words}; {note}"),
                None => words,
            })
        }
        (_, Some(_)) => return Err(InputError::NoSanction { outcome: code() }),
        (_, None) => note,
    };
    let decision = match (effect, req.decision, req.made_known) {
        (OutcomeEffect::Decision, Some(d), Some(on)) => Some((d, on)),
        (OutcomeEffect::Decision, _, _) => {
            return Err(InputError::NeedsDecision { outcome: code() })
        }
        (_, None, None) => None,
        _ => return Err(InputError::NoDecision { outcome: code() }),
    };
    if follow_up.is_some() && effect != OutcomeEffect::NoShow {
        return Err(InputError::FollowUpOnlyForNoShow);
    }
    if req.received_on.is_some()
        && !matches!(effect, OutcomeEffect::Received | OutcomeEffect::Resume)
    {
        return Err(InputError::ReceivedOnlyForDocuments { outcome: code() });
    }
    let channel = match optional_text(req.channel.as_deref()) {
        Some(_) if !matches!(effect, OutcomeEffect::Contact | OutcomeEffect::NoShow) => {
            return Err(InputError::ChannelOnlyForContact { outcome: code() })
        }
        Some(channel) => Some(env.catalog.channel(&channel)?.code.clone()),
        None => None,
    };
    let time = match optional_text(req.time.as_deref()) {
        Some(_) if effect != OutcomeEffect::NoShow || follow_up.is_some() => {
            return Err(InputError::TimeOnlyForNewAppointment { outcome: code() })
        }
        Some(time) => Some(super::date::parse_time(&time)?),
        None => None,
    };
    Ok(Checked {
        outcome: outcome.code.clone(),
        effect,
        note,
        new_date: req.new_date,
        follow_up,
        decision,
        received_on: req.received_on,
        channel,
        time,
    })
}

/// The outcomes of `kind` a klantmanager may choose: all but the program's (what
/// uitstroom gives, what a reminder lapses with).
pub fn chosen_by_hand(kind: &WorkItemKind) -> Vec<&str> {
    kind.outcomes
        .iter()
        .zip(&kind.effects)
        .filter(|(_, e)| e.by_hand())
        .map(|(o, _)| o.as_str())
        .collect()
}

/// Handles a work item. The item is closed with the outcome; what else follows is
/// the outcome's effect: for an item of the activity's current cycle the activity
/// is settled, a conversation is registered, a besluit recorded, and so on.
pub fn close_item(
    env: &Env,
    ctx: &ItemContext,
    req: &CloseRequest,
) -> Result<Vec<Effect>, InputError> {
    if let Some(outcome) = &ctx.outcome {
        return Err(InputError::AlreadyHandled {
            id: ctx.item.id,
            outcome: outcome.clone(),
        });
    }
    let c = check(env, &ctx.kind, req)?;
    if let Some(a) = &ctx.activity {
        not_before_the_zienswijze(env, a, req)?;
    }
    let mut effects = vec![Effect::CloseItem {
        item: ctx.item.id,
        outcome: c.outcome.clone(),
        note: c.note.clone(),
    }];
    match (ctx.item.source, &ctx.activity) {
        (Source::Rhythm, _) if c.effect == OutcomeEffect::Contact => {
            let channel = c.channel.clone().unwrap_or_else(|| preferred(&ctx.client));
            let note = c
                .note
                .clone()
                .or_else(|| Some(format!("contact opgenomen (werkitem {})", ctx.item.id)));
            effects.extend(contact_effects(
                env,
                &ctx.client,
                &channel,
                env.today,
                note,
                Some(ctx.item.id),
            ));
        }
        (source, _) if c.effect == OutcomeEffect::NotReached => {
            let due = c
                .new_date
                .unwrap_or_else(|| next_attempt(env.calendar, ctx.client.retry_days, env.today));
            if due == ctx.item.due_date {
                return Err(InputError::SameAttempt { date: due });
            }
            let reached = format!("niet bereikt op {}", dutch(env.today));
            effects.push(match source {
                // The next attempt is the client's "contact opnemen" item, so that
                // the sweep raises no second one beside it.
                Source::Rhythm => Effect::AddRhythmItem {
                    client: ctx.client.id,
                    title: format!("Contact opnemen: nieuwe poging ({reached})"),
                    due,
                },
                _ => Effect::AddFollowUp {
                    client: ctx.client.id,
                    title: format!("Opnieuw proberen te bereiken ({reached})"),
                    due,
                },
            });
        }
        (Source::Nabellen, Some(a)) if c.effect == OutcomeEffect::Called => {
            let note = Some(format!("nabellen: {}", a.activity.title));
            effects.extend(contact_effects(
                env,
                &ctx.client,
                TELEPHONE,
                env.today,
                note,
                None,
            ));
        }
        (Source::Activity, Some(a)) if a.activity.status == ActivityStatus::Open => {
            let current = ctx.cycle_end == Some(a.activity.end_date);
            if current || c.effect == OutcomeEffect::NewCycle {
                effects.extend(settle(env, a, &c, Some(ctx.item.id))?);
            }
        }
        _ => {}
    }
    Ok(effects)
}

/// The channel a conversation is recorded by when none is said: the client's
/// preferred one, else the telephone.
pub fn preferred(client: &ClientContext) -> String {
    preferred_channel(client.contact_preference.as_deref())
}

/// The client's preferred channel (`preference`), else the telephone.
pub fn preferred_channel(preference: Option<&str>) -> String {
    preference.unwrap_or(TELEPHONE).to_owned()
}

/// A closed activity is not edited again.
fn require_open(a: &ActivityContext) -> Result<(), InputError> {
    match (&a.activity.status, &a.activity.outcome) {
        (ActivityStatus::Closed, outcome) => Err(InputError::ActivityClosed {
            id: a.activity.id,
            outcome: outcome.clone().unwrap_or_default(),
        }),
        (ActivityStatus::Open, _) => Ok(()),
    }
}

/// Closes an activity before (or without waiting for) its work item: the same
/// effects as handling the item of its current cycle.
pub fn close_activity(
    env: &Env,
    a: &ActivityContext,
    req: &CloseRequest,
) -> Result<Vec<Effect>, InputError> {
    require_open(a)?;
    if a.kind.effect_of(req.outcome.trim()) == Some(OutcomeEffect::NewCycle) {
        return Err(InputError::ExtendInstead { id: a.activity.id });
    }
    let c = check(env, &a.kind, req)?;
    not_before_the_zienswijze(env, a, req)?;
    settle(env, a, &c, None)
}

/// A besluit with a verlaging is taken after the term for the client's zienswijze
/// (Awb 4:8), the activity's end; before it only with a toelichting (the zienswijze
/// came in already, or the client said there would be none).
fn not_before_the_zienswijze(
    env: &Env,
    a: &ActivityContext,
    req: &CloseRequest,
) -> Result<(), InputError> {
    let besluit = env
        .catalog
        .outcome(req.outcome.trim())
        .is_ok_and(|o| o.requires == Requirement::Sanction);
    if besluit && a.activity.end_date > env.today && optional_text(req.note.as_deref()).is_none() {
        return Err(InputError::ZienswijzeRuns {
            until: a.activity.end_date,
        });
    }
    Ok(())
}

/// A hersteltermijn given without an aanvraag goes on as the informatieverzoek it
/// was (Pw art. 17; Awb 4:5 is about an aanvraag): same dates, its open item the
/// informatieverzoek's.
pub fn as_informatieverzoek(env: &Env, a: &ActivityContext) -> Result<Vec<Effect>, InputError> {
    require_open(a)?;
    if a.activity.type_code != aanvraag::HERSTELTERMIJN || a.application.is_some() {
        return Err(InputError::NotLooseHersteltermijn { id: a.activity.id });
    }
    let to = env.catalog.activity_type(INFORMATIEVERZOEK)?;
    Ok(vec![Effect::Retype {
        activity: a.activity.id,
        from: a.activity.type_code.clone(),
        to: to.code.clone(),
        item_title: to.expiry_title.clone(),
    }])
}

/// The activity type of an informatieverzoek (Pw art. 17).
pub const INFORMATIEVERZOEK: &str = "informatieverzoek";

/// Moves an open activity's end date by hand: a new cycle.
pub fn extend_activity(
    env: &Env,
    a: &ActivityContext,
    to: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    require_open(a)?;
    move_end(env, a, to, None)
}

/// Postpones an item to a later date, with a reason. A statutory item cannot move
/// past the end of its term.
pub fn postpone_item(
    env: &Env,
    ctx: &ItemContext,
    to: NaiveDate,
    reason: &str,
) -> Result<Vec<Effect>, InputError> {
    if let Some(outcome) = &ctx.outcome {
        return Err(InputError::AlreadyHandled {
            id: ctx.item.id,
            outcome: outcome.clone(),
        });
    }
    let reason = check_postpone(ctx.item.due_date, to, reason, env.today)?;
    if let Some((a, rule)) = ctx
        .activity
        .as_ref()
        .filter(|_| ctx.kind.legal)
        .and_then(|a| a.term.as_ref().map(|r| (a, r)))
    {
        let last = expiry_due(&a.activity_type, a.activity.end_date, env.calendar);
        if last <= ctx.item.due_date || last < env.today {
            // No later date lies within the term: say so, not which date to try.
            return Err(InputError::CannotPostponeLegal {
                article: rule.article.clone(),
                end: last,
            });
        }
        if to > last {
            return Err(InputError::PastLegalTerm {
                article: rule.article.clone(),
                end: last,
            });
        }
    }
    Ok(vec![Effect::Postpone {
        item: ctx.item.id,
        from: ctx.item.due_date,
        to,
        reason,
    }])
}

/// A contact that took place on `date`.
pub fn add_contact(
    env: &Env,
    client: &ClientContext,
    channel: &str,
    date: NaiveDate,
    note: Option<String>,
) -> Result<Vec<Effect>, InputError> {
    if date > env.today {
        return Err(InputError::InFuture {
            what: "een contactmoment op",
            date,
            today: env.today,
        });
    }
    env.catalog.channel(channel)?;
    Ok(contact_effects(env, client, channel, date, note, None))
}

/// A conversation is recorded; it handles the open "contact opnemen" items only if
/// it brings the client back in view today.
fn contact_effects(
    env: &Env,
    client: &ClientContext,
    channel: &str,
    date: NaiveDate,
    note: Option<String>,
    except: Option<i64>,
) -> Vec<Effect> {
    let mut effects = vec![Effect::RecordContact {
        client: client.id,
        channel: channel.to_owned(),
        date,
        note,
    }];
    // A letter sent is recorded, but keeps nobody in view.
    if !env.catalog.counts_as_contact(channel) {
        return effects;
    }
    let last = client.last_contact.map_or(date, |l| l.max(date));
    if in_view(
        Some(last),
        client.registered_on,
        client.rhythm_days,
        env.today,
    ) {
        let outcome = env
            .catalog
            .kind(RHYTHM_KIND)
            .ok()
            .and_then(|k| k.outcome_with(OutcomeEffect::Contact))
            .unwrap_or("gesproken")
            .to_owned();
        let note = format!("contact op {} via {channel}", dutch(date));
        effects.extend(
            client
                .open_rhythm_items
                .iter()
                .filter(|id| Some(**id) != except)
                .map(|id| Effect::CloseItem {
                    item: *id,
                    outcome: outcome.clone(),
                    note: Some(note.clone()),
                }),
        );
    }
    effects
}

fn finish(a: &ActivityContext, c: &Checked, except: Option<i64>) -> Vec<Effect> {
    let mut effects = finish_with_items(
        a.activity.id,
        &a.open_items,
        &c.outcome,
        c.note.as_deref(),
        except,
    );
    if let Some(goal) = a.goal {
        effects.push(Effect::SetGoalStatus {
            goal,
            status: c.outcome.clone(),
        });
    }
    effects
}

/// What an outcome does to the activity of the item's current cycle.
fn settle(
    env: &Env,
    a: &ActivityContext,
    c: &Checked,
    except: Option<i64>,
) -> Result<Vec<Effect>, InputError> {
    let activity = &a.activity;
    let mut effects = Vec::new();
    match c.effect {
        OutcomeEffect::NewCycle => {
            let to = c.new_date.ok_or_else(|| InputError::NeedsNewDate {
                outcome: c.outcome.clone(),
            })?;
            // A verlenging lengthens: planned from a day before the end (going back in
            // time), a date after today can still lie before the end.
            if c.outcome == "verlengd" && to <= activity.end_date {
                return Err(InputError::NotLater {
                    end: activity.end_date,
                    to,
                });
            }
            return move_end(env, a, to, except);
        }
        OutcomeEffect::Repeat => {
            if let Some(next) = next_cycle(env, a) {
                effects.push(next);
                effects.extend(a.open_items_except(except).into_iter().map(|i| {
                    Effect::CloseItem {
                        item: i.id,
                        outcome: c.outcome.clone(),
                        note: c.note.clone(),
                    }
                }));
                return Ok(effects);
            }
            effects.extend(finish(a, c, except));
        }
        OutcomeEffect::Contact | OutcomeEffect::Called | OutcomeEffect::NoShow
            if a.is_appointment() =>
        {
            if activity.end_date > env.today {
                return Err(InputError::AppointmentNotYet {
                    date: activity.end_date,
                });
            }
            let planned = activity
                .channel
                .clone()
                .unwrap_or_else(|| "op_locatie".to_owned());
            let note = Some(format!("afspraak: {}", activity.title));
            if c.effect == OutcomeEffect::NoShow {
                effects.push(Effect::RecordNoShow {
                    client: activity.client_id,
                    channel: planned.clone(),
                    date: activity.end_date,
                    note,
                });
            } else {
                // Held by another channel than planned (a call instead of a visit).
                let held = c.channel.clone().unwrap_or_else(|| planned.clone());
                effects.extend(contact_effects(
                    env,
                    &a.client,
                    &held,
                    activity.end_date,
                    note,
                    None,
                ));
            }
            effects.extend(finish(a, c, except));
            if c.effect == OutcomeEffect::NoShow {
                let date = c.new_date.ok_or_else(|| InputError::NeedsNewDate {
                    outcome: c.outcome.clone(),
                })?;
                effects.push(match &c.follow_up {
                    Some(title) => Effect::AddFollowUp {
                        client: activity.client_id,
                        title: title.clone(),
                        due: date,
                    },
                    // The new afspraak: the time and channel asked, else the missed one's.
                    None => Effect::AddAppointment {
                        client: activity.client_id,
                        date,
                        time: c.time.clone().or_else(|| activity.time.clone()),
                        channel: c.channel.clone().unwrap_or(planned),
                        title: activity.title.clone(),
                        follows: Some(activity.id),
                        // The new one takes the catalogue's length.
                        duration: None,
                        location: a.location.clone(),
                    },
                });
            }
        }
        OutcomeEffect::Contact | OutcomeEffect::Called => {
            let channel = if c.effect == OutcomeEffect::Called {
                TELEPHONE.to_owned()
            } else {
                c.channel.clone().unwrap_or_else(|| preferred(&a.client))
            };
            effects.extend(contact_effects(
                env,
                &a.client,
                &channel,
                env.today,
                c.note.clone(),
                None,
            ));
            effects.extend(finish(a, c, except));
        }
        OutcomeEffect::Received => {
            let received = c.received_on.unwrap_or(env.today);
            dated(
                "de ontvangst van de stukken op",
                received,
                Some(("het geven van de hersteltermijn", activity.start_date)),
                env.today,
            )?;
            effects.extend(finish(a, c, except));
            if let Some(app) = a.suspends() {
                // Suspended up to the day before the documents arrived (Awb 4:15 lid 1
                // onder a), never past the hersteltermijn's own end: every period of
                // it, also one from before it was given again.
                let supplied = add_days(received, -1);
                let mut periods: Vec<_> = app
                    .suspensions
                    .iter()
                    .filter(|p| p.activity == activity.id)
                    .collect();
                periods.sort_by_key(|p| p.from);
                periods.pop();
                for p in periods.into_iter().filter(|p| p.to > supplied) {
                    effects.push(Effect::ClipSuspension {
                        application: app.application.id,
                        activity: activity.id,
                        from: p.from,
                        to: supplied,
                    });
                }
                effects.push(Effect::SetSuspensionEnd {
                    application: app.application.id,
                    activity: activity.id,
                    to: activity.end_date.min(add_days(received, -1)),
                });
                let after = with_herstel(app, activity.id, |h| {
                    h.status = ActivityStatus::Closed;
                    h.outcome = Some(c.outcome.clone());
                });
                let note = format!("stukken ontvangen op {}", dutch(received));
                effects.extend(aanvraag::four_weeks_settled(
                    &after,
                    env,
                    OutcomeEffect::Received,
                    &note,
                ));
            }
        }
        OutcomeEffect::NotReceived => {
            // That nothing came is known only once nothing can still come: after the
            // hersteltermijn; after a statutory term, after the week in which what
            // was posted in time may still arrive (Awb 6:9 lid 2).
            let known = expiry_due(&a.activity_type, activity.end_date, env.calendar);
            if (a.term.is_some() || a.activity_type.statutory) && env.today < known {
                return Err(InputError::MayStillArrive {
                    until: add_days(known, -1),
                });
            }
            if env.today <= activity.end_date {
                return Err(InputError::HersteltermijnRunning {
                    end: activity.end_date,
                });
            }
            effects.extend(finish(a, c, except));
            if let Some(app) = a.suspends() {
                let after = with_herstel(app, activity.id, |h| {
                    h.status = ActivityStatus::Closed;
                    h.outcome = Some(c.outcome.clone());
                });
                effects.extend(aanvraag::buitenbehandeling_term(
                    &after,
                    env,
                    activity.end_date,
                ));
            }
        }
        OutcomeEffect::Decision => {
            let (decision, made_known) = c.decision.ok_or_else(|| InputError::NeedsDecision {
                outcome: c.outcome.clone(),
            })?;
            let app = a
                .application
                .as_ref()
                .ok_or(InputError::NoApplication { id: activity.id })?;
            let mut decided = aanvraag::decide(app, env, decision, made_known)?;
            // The item handled by this edit is closed already.
            decided
                .retain(|e| !matches!(e, Effect::CloseItem { item, .. } if Some(*item) == except));
            effects.extend(decided);
        }
        OutcomeEffect::Resume => {
            let held = a
                .follows
                .as_ref()
                .ok_or(InputError::NothingWaits { id: activity.id })?;
            // The answer came on its day, not the day it was recorded.
            let answered = c.received_on.unwrap_or(env.today);
            dated(
                "het antwoord op",
                answered,
                Some(("het begin van het wachten", activity.start_date)),
                env.today,
            )?;
            effects.extend(finish(a, c, except));
            // The term runs on from where it stood: its end moves by the days it
            // waited; one that had passed before the wait stays as late as it was.
            let waited = (answered - activity.start_date).num_days();
            effects.push(Effect::AddActivity {
                client: activity.client_id,
                type_code: held.type_code.clone(),
                title: held.title.clone(),
                start: held.start_date,
                end: add_days(held.end_date, waited),
                application: None,
                follows: Some(activity.id),
            });
        }
        OutcomeEffect::NoShow
        | OutcomeEffect::Suspend
        | OutcomeEffect::Finish
        | OutcomeEffect::NotReached
        | OutcomeEffect::ClientEnded
        | OutcomeEffect::Lapsed
        | OutcomeEffect::Settled => effects.extend(finish(a, c, except)),
    }
    if let Some(next) = a.kind.next_of(&c.outcome) {
        effects.push(successor(env, a, next, c.note.as_deref())?);
    }
    Ok(effects)
}

/// What a finished activity plans after it, from the day it was handled: the next
/// heronderzoek at the interval of the cycle just done (so that one done early
/// restarts the cycle), or an onderzoek after an unanswered informatieverzoek. A
/// next with a title of its own carries, after it, what the step was about in the
/// klantmanager's words — the title they gave it, else the handling's note (why no
/// inspanning) — so that it is read where the next step is done.
fn successor(
    env: &Env,
    a: &ActivityContext,
    next: &NextActivity,
    note: Option<&str>,
) -> Result<Effect, InputError> {
    let activity = &a.activity;
    let kind = env.catalog.activity_type(&next.type_code)?;
    let interval = (activity.end_date - activity.start_date).num_days();
    let days = next
        .days
        .or((interval > 0).then_some(interval))
        .unwrap_or(kind.default_days)
        .max(1);
    // The next heronderzoek of a client with a risk profile: at its interval.
    let end = match a
        .client
        .risk_months
        .filter(|_| next.type_code == HERONDERZOEK)
    {
        Some(months) => super::risk::months_on(env.today, months),
        None => add_days(env.today, days),
    };
    // A statutory term that would end on a day the Atw closes runs on to the next
    // working day (Atw art. 1: the bezwaartermijn after a maatregel); a term the
    // municipality sets (a zienswijze, the next heronderzoek) is set on a working
    // day too, as the hersteltermijn's suggestion is: nobody can act on a Sunday.
    let end = env.calendar.next_working_day(end);
    let name = env.catalog.activity_type_name(&activity.type_code);
    Ok(Effect::AddActivity {
        client: activity.client_id,
        type_code: next.type_code.clone(),
        title: match (&next.title, own_words(&activity.title, name).or(note)) {
            (Some(title), Some(words)) => format!("{title} — {words}"),
            (Some(title), None) => title.clone(),
            (None, _) => activity.title.clone(),
        },
        start: env.today,
        end,
        application: None,
        follows: Some(activity.id),
    })
}

/// The aanvraag as it stands once `change` is made to hersteltermijn `id`.
fn with_herstel(
    app: &ApplicationContext,
    id: i64,
    change: impl Fn(&mut Activity),
) -> ApplicationContext {
    let mut after = app.clone();
    after
        .hersteltermijnen
        .iter_mut()
        .filter(|h| h.id == id)
        .for_each(change);
    after
}

/// The next cycle of a repeating term: the voorschot comes back every four weeks
/// while the aanvraag is undecided (Pw art. 52: "telkens … zolang het recht niet is
/// vastgesteld").
fn next_cycle(env: &Env, a: &ActivityContext) -> Option<Effect> {
    let rule = a.term.as_ref()?;
    // Only while the aanvraag is undecided.
    a.application
        .as_ref()
        .filter(|app| app.application.is_open())?;
    let from = add_days(
        a.term_from.unwrap_or(a.activity.start_date),
        rule.length_days,
    );
    let end = term_end(rule, from, &[], env.calendar);
    Some(Effect::NewCycle {
        activity: a.activity.id,
        from: a.activity.end_date,
        to: end.end,
        term_from: Some(from),
        explanation: Some(end.explanation()),
    })
}

/// A new end date for an activity: only after today (an earlier date would only
/// expire again), never a date that already had a cycle, never for a computed term.
/// Items of earlier cycles are closed as extended where their kind allows it; a
/// reminder for the old date lapses; a hersteltermijn suspends the beslistermijn on.
fn move_end(
    env: &Env,
    a: &ActivityContext,
    to: NaiveDate,
    except: Option<i64>,
) -> Result<Vec<Effect>, InputError> {
    let activity = &a.activity;
    if a.term.is_some() {
        return Err(InputError::ComputedTerm { id: activity.id });
    }
    if to == activity.end_date {
        return Err(InputError::SameEnd {
            id: activity.id,
            date: to,
        });
    }
    if to < activity.start_date {
        return Err(InputError::EndBeforeStart {
            start: activity.start_date.to_string(),
            end: to.to_string(),
        });
    }
    if to <= env.today {
        return Err(InputError::NotAfterToday {
            what: "de nieuwe einddatum",
            date: to,
            today: env.today,
        });
    }
    if a.cycles.contains(&to) {
        return Err(InputError::CycleUsed {
            id: activity.id,
            date: to,
        });
    }
    let mut effects = vec![Effect::NewCycle {
        activity: activity.id,
        from: activity.end_date,
        to,
        term_from: None,
        explanation: None,
    }];
    let extended = a
        .kind
        .outcomes
        .iter()
        .find(|o| *o == "verlengd")
        .map(String::as_str)
        .or_else(|| a.kind.outcome_with(OutcomeEffect::NewCycle));
    let note = format!("einddatum verschoven naar {}", dutch(to));
    for item in a.open_items_except(except) {
        match (item.source, extended) {
            (Source::Nabellen, _) => effects.push(Effect::CloseItem {
                item: item.id,
                outcome: REMINDER_LAPSED.to_owned(),
                note: Some(format!("afspraak verplaatst naar {}", dutch(to))),
            }),
            (_, Some(outcome)) => effects.push(Effect::CloseItem {
                item: item.id,
                outcome: outcome.to_owned(),
                note: Some(note.clone()),
            }),
            (_, None) => {}
        }
    }
    if let Some(goal) = a.goal {
        effects.push(Effect::SetGoalStatus {
            goal,
            status: "bijgesteld".to_owned(),
        });
    }
    if let Some(app) = a.suspends() {
        let application = app.application.id;
        if activity.end_date < env.today {
            // Given again after it ran out: the four weeks of Awb 4:5 lid 4 no
            // longer run from its old end.
            let after = with_herstel(app, activity.id, |h| h.end_date = to);
            let note = format!("hersteltermijn opnieuw gegeven tot {}", dutch(to));
            effects.extend(aanvraag::four_weeks_settled(
                &after,
                env,
                OutcomeEffect::Finish,
                &note,
            ));
        }
        effects.push(if activity.end_date >= env.today {
            Effect::SetSuspensionEnd {
                application,
                activity: activity.id,
                to,
            }
        } else {
            // Ran out unused and given again: suspended from the day after the new
            // invitation, not over the gap.
            Effect::Suspend {
                application,
                activity: Some(activity.id),
                from: add_days(env.today, 1),
                to,
            }
        });
    }
    Ok(effects)
}

#[cfg(test)]
#[path = "handling_table.rs"]
pub(crate) mod table;
