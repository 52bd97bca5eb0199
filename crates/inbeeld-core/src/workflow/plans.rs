//! The plan van aanpak, the situation per life domain, the ladder, the rhythm.

use chrono::NaiveDate;

use super::{Done, World};
use crate::domain::activity::ActivityStatus;
use crate::domain::assessment;
use crate::domain::effects::OutcomeEffect;
use crate::domain::handling::{ActivityContext, CloseRequest};
use crate::domain::plan::{self, CurrentPlan};
use crate::domain::InputError;
use crate::store::{Result, Store, Write};

/// Starts a (new version of the) plan van aanpak. The previous version stays
/// readable, its running goals carry over, and its evaluation raises no more items.
pub fn new_plan(
    store: &mut Store,
    client: i64,
    start: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    super::edit(store, today, |w, world| {
        w.client(client)?;
        let previous = w.current_plan(client)?;
        let evaluation = evaluation_of(w, world, previous.as_ref())?;
        let previous = previous.as_ref().map(|p| (p, evaluation.as_ref()));
        Ok((
            plan::new_version(&world.env(), client, start, previous),
            None,
        ))
    })
}

/// The running evaluation of a plan, if it has one.
fn evaluation_of(
    w: &Write,
    world: &World,
    plan: Option<&CurrentPlan>,
) -> Result<Option<ActivityContext>> {
    let Some(plan) = plan else { return Ok(None) };
    Ok(w.evaluation_activity(plan.id)?
        .map(|a| w.activity_context(&world.catalog, a))
        .transpose()?
        .filter(|a| a.activity.status == ActivityStatus::Open))
}

/// Adds a goal with a deadline to the current plan; with `starts_plan`, a first
/// goal starts the plan today (in the same edit).
pub fn add_goal(
    store: &mut Store,
    client: i64,
    (text, domain, deadline): (&str, &str, Option<NaiveDate>),
    starts_plan: bool,
    today: NaiveDate,
) -> Result<Done> {
    let domains = domain_codes(store)?;
    super::edit(store, today, |w, _| {
        w.client(client)?;
        let plan = w.current_plan(client)?.map(|p| p.start);
        let effects = plan::add_goal(
            client,
            plan,
            (text, domain, deadline),
            (&domains, starts_plan),
            today,
        )?;
        Ok((effects, None))
    })
}

/// Sets or moves the evaluation date of the current plan.
pub fn set_evaluation(
    store: &mut Store,
    client: i64,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    super::edit(store, today, |w, world| {
        w.client(client)?;
        let Some(plan) = w.current_plan(client)? else {
            return Err(InputError::NoPlan { client }.into());
        };
        let evaluation = evaluation_of(w, world, Some(&plan))?;
        let effects = plan::set_evaluation(&world.env(), &plan, evaluation.as_ref(), date)?;
        Ok((effects, None))
    })
}

/// Records a goal's outcome: through the item of its current cycle when the deadline
/// raised one, else on the goal's activity (a new deadline is a new cycle).
pub fn goal_outcome(
    store: &mut Store,
    goal: i64,
    request: &CloseRequest,
    today: NaiveDate,
) -> Result<Done> {
    let activity = store.goal_activity(goal)?;
    let (item, effect) = store.current_item_and_effect(activity, request.outcome.trim())?;
    match (item, effect) {
        (Some(item), _) => super::close_item(store, item, request, today),
        (None, Some(OutcomeEffect::NewCycle)) => match request.new_date {
            Some(to) => super::extend_activity(store, activity, to, today),
            None => Err(InputError::NeedsNewDate {
                outcome: request.outcome.trim().to_owned(),
            }
            .into()),
        },
        (None, _) => super::close_activity(store, activity, request, today),
    }
}

pub fn add_situation(
    store: &mut Store,
    client: i64,
    domain: &str,
    score: i64,
    note: Option<&str>,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    let domains = domain_codes(store)?;
    super::edit(store, today, |w, _| {
        w.client(client)?;
        let effects =
            assessment::add_situation(client, (domain, score), note, date, &domains, today)?;
        Ok((effects, None))
    })
}

pub fn add_ladder_step(
    store: &mut Store,
    client: i64,
    step: i64,
    note: Option<&str>,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    super::edit(store, today, |w, _| {
        w.client(client)?;
        Ok((
            assessment::add_ladder_step(client, step, note, date, today)?,
            None,
        ))
    })
}

/// Changes a category's contact rhythm (a catalogue row).
pub fn set_rhythm(store: &mut Store, category: &str, days: i64, today: NaiveDate) -> Result<Done> {
    super::edit(store, today, |_, world| {
        Ok((
            assessment::set_rhythm(&world.catalog, category, days)?,
            None,
        ))
    })
}

/// The codes of the life domains, which a goal or a score must be one of.
fn domain_codes(store: &Store) -> Result<Vec<String>> {
    Ok(store
        .life_domains()?
        .into_iter()
        .map(|(code, _)| code)
        .collect())
}
