//! The plan van aanpak's dates as rules: the evaluation date and a new version.

use chrono::NaiveDate;

use super::date::dutch;
use super::effects::{Effect, Env};
use super::handling::{extend_activity, finish_with_items, ActivityContext, LAPSED};
use super::InputError;

/// Sets or moves the evaluation date of the current plan. Moving it is a new cycle
/// of the evaluation activity (`None` here: the workflow adds the activity).
pub fn set_evaluation(
    env: &Env,
    plan_start: NaiveDate,
    current: Option<&ActivityContext>,
    date: NaiveDate,
) -> Result<Option<Vec<Effect>>, InputError> {
    if date < plan_start {
        return Err(InputError::Before {
            what: "de evaluatiedatum",
            date,
            before_what: "de start van het plan",
            before: plan_start,
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
        Some(a) => extend_activity(env, a, date).map(Some),
        None => Ok(None),
    }
}

/// A new version replaces the plan: the old evaluation raises no more items.
pub fn replace(env: &Env, evaluation: Option<&ActivityContext>, version: i64) -> Vec<Effect> {
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
