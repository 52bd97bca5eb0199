//! The plan van aanpak's dates as rules: the evaluation date and a new version.

use chrono::NaiveDate;

use super::date::dutch;
use super::effects::Effect;
use super::env::Env;
use super::handling::{extend_activity, finish_with_items, ActivityContext, LAPSED};
use super::InputError;

/// A goal with a deadline on the client's current plan van aanpak, whose start
/// (`plan`) the deadline may not precede. Without a plan, a first goal starts one
/// today when `starts_plan` (the cockpit's `d`), and is refused otherwise (the
/// command line starts a plan with `plan new`).
pub fn add_goal(
    client: i64,
    plan: Option<NaiveDate>,
    (text, domain, deadline): (&str, &str, Option<NaiveDate>),
    (domains, starts_plan): (&[String], bool),
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let text = super::error::required_text("de tekst van het doel", text)?;
    let Some(deadline) = deadline else {
        return Err(InputError::GoalWithoutDeadline);
    };
    if !domains.iter().any(|d| d == domain) {
        return Err(InputError::unknown_code(
            "onbekend leefgebied",
            domain,
            domains,
        ));
    }
    let (start, mut effects) = match plan {
        Some(start) => (start, Vec::new()),
        None if starts_plan => (
            today,
            vec![Effect::StartPlan {
                client,
                start: today,
            }],
        ),
        None => return Err(InputError::NoPlan { client }),
    };
    if deadline < start {
        return Err(InputError::EndBeforeStart {
            start: start.to_string(),
            end: deadline.to_string(),
        });
    }
    effects.push(Effect::AddGoal {
        client,
        text,
        domain: domain.to_owned(),
        deadline,
    });
    Ok(effects)
}

/// The activity type of a plan's evaluation date.
pub const EVALUATION: &str = "planevaluatie";
/// The activity type of a goal's deadline.
pub const GOAL: &str = "doel";

/// The client's current plan van aanpak, as an edit of its dates needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrentPlan {
    pub client: i64,
    pub id: i64,
    pub version: i64,
    pub start: NaiveDate,
}

/// Sets or moves the evaluation date of the current plan. Moving it is a new cycle
/// of the running evaluation (`current`); without one, the date is a new activity
/// of the plan.
pub fn set_evaluation(
    env: &Env,
    plan: &CurrentPlan,
    current: Option<&ActivityContext>,
    date: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    if let Some(a) = current.filter(|a| a.activity.end_date == date) {
        return Err(InputError::SameEnd {
            id: a.activity.id,
            date,
        });
    }
    if date < plan.start {
        return Err(InputError::Before {
            what: "de evaluatiedatum",
            date,
            before_what: "de start van het plan",
            before: plan.start,
        });
    }
    if date < env.today {
        return Err(InputError::InPast {
            what: "de evaluatiedatum",
            date,
            today: env.today,
        });
    }
    match current {
        Some(a) => extend_activity(env, a, date),
        None => Ok(vec![Effect::AddEvaluation {
            client: plan.client,
            plan: plan.id,
            type_code: EVALUATION.to_owned(),
            title: format!("Plan van aanpak versie {}", plan.version),
            start: plan.start,
            end: date,
        }]),
    }
}

/// A (new version of the) plan van aanpak from `start`. The previous version
/// (`previous`, with its evaluation) stays readable, its running goals carry over,
/// and its evaluation raises no more items.
pub fn new_version(
    env: &Env,
    client: i64,
    start: NaiveDate,
    previous: Option<(&CurrentPlan, Option<&ActivityContext>)>,
) -> Vec<Effect> {
    let mut effects = vec![Effect::StartPlan { client, start }];
    if let Some((plan, evaluation)) = previous {
        effects.extend(replace(env, evaluation, plan.version + 1));
    }
    effects
}

/// A new version replaces the plan: the old evaluation raises no more items.
fn replace(env: &Env, evaluation: Option<&ActivityContext>, version: i64) -> Vec<Effect> {
    evaluation
        .filter(|a| a.activity.status == super::activity::ActivityStatus::Open)
        .map(|a| {
            let note = format!(
                "vervangen door versie {version} van het plan ({})",
                dutch(env.today)
            );
            let outcome = a
                .kind
                .outcomes
                .iter()
                .find(|o| *o == LAPSED)
                .cloned()
                .unwrap_or_else(|| LAPSED.to_owned());
            finish_with_items(a.activity.id, &a.open_items, &outcome, Some(&note), None)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_first_goal_starts_the_plan_only_where_asked() {
        let domains = vec!["werk".to_owned()];
        let today = d("2026-11-23");
        let goal = ("Solliciteert", "werk", Some(d("2027-02-01")));
        assert_eq!(
            add_goal(3, None, goal, (&domains, false), today),
            Err(InputError::NoPlan { client: 3 })
        );
        let effects = add_goal(3, None, goal, (&domains, true), today).unwrap();
        assert_eq!(
            effects[0],
            Effect::StartPlan {
                client: 3,
                start: today
            }
        );
        assert!(
            matches!(&effects[1], Effect::AddGoal { deadline, .. } if *deadline == d("2027-02-01"))
        );
        assert!(matches!(
            add_goal(3, Some(d("2027-03-01")), goal, (&domains, false), today),
            Err(InputError::EndBeforeStart { .. })
        ));
        assert_eq!(
            add_goal(
                3,
                Some(today),
                ("x", "werk", None),
                (&domains, false),
                today
            ),
            Err(InputError::GoalWithoutDeadline)
        );
    }
}
