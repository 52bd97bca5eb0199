//! The client's risk profile (Pw art. 53a lid 1 and the municipality's
//! handhavingsplan): the interval of the heronderzoek cycle. Setting it plans the
//! cycle when none runs, and re-plans the running heronderzoek from its start.

use chrono::{Months, NaiveDate};

use super::aanvraag::HERONDERZOEK;
use super::activity::Activity;
use super::catalog::RiskProfile;
use super::effects::Effect;
use super::env::Env;
use super::InputError;

/// What the open item of a heronderzoek moved by a new profile is closed with: the
/// program's, so that it counts as no handling.
pub const MOVED: &str = "ander_profiel";

/// `months` calendar months after `day` (the last day of a shorter month when the
/// day does not exist in it).
pub fn months_on(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// The client's running heronderzoek, with the open items of its current cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    pub activity: Activity,
    pub open_items: Vec<i64>,
}

/// The risk profile of `client` becomes `profile` (it was `current`). A running
/// heronderzoek then ends `profile.months` after its start (today at the earliest:
/// one already past that is due now), its open items make way for the new date; a
/// client without one gets the first, `profile.months` from today.
pub fn set_profile(
    env: &Env,
    client: i64,
    current: Option<&str>,
    profile: &RiskProfile,
    running: Option<&Running>,
) -> Result<Vec<Effect>, InputError> {
    if current == Some(profile.code.as_str()) {
        return Err(InputError::NothingChanged);
    }
    let mut effects = vec![Effect::SetRiskProfile {
        client,
        from: current.map(str::to_owned),
        to: profile.code.clone(),
    }];
    let why = format!("risicoprofiel {}", profile.name.to_lowercase());
    match running {
        Some(running) => {
            let a = &running.activity;
            let end = env
                .calendar
                .next_working_day(months_on(a.start_date, profile.months))
                .max(env.today);
            if end != a.end_date {
                effects.extend(running.open_items.iter().map(|item| Effect::CloseItem {
                    item: *item,
                    outcome: MOVED.to_owned(),
                    note: Some(why.clone()),
                }));
                effects.push(Effect::NewCycle {
                    activity: a.id,
                    from: a.end_date,
                    to: end,
                    term_from: None,
                    explanation: None,
                });
            }
        }
        None => effects.push(Effect::AddActivity {
            client,
            type_code: HERONDERZOEK.to_owned(),
            title: "Heronderzoek".to_owned(),
            start: env.today,
            end: env
                .calendar
                .next_working_day(months_on(env.today, profile.months)),
            application: None,
            follows: None,
        }),
    }
    Ok(effects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::ActivityStatus;
    use crate::domain::calendar::LegalCalendar;
    use crate::domain::catalog::Catalog;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn profile(code: &str, months: u32) -> RiskProfile {
        RiskProfile {
            code: code.into(),
            name: format!("{code} risico"),
            months,
        }
    }

    fn heronderzoek(start: &str, end: &str) -> Running {
        Running {
            activity: Activity {
                id: 5,
                client_id: 1,
                type_code: HERONDERZOEK.into(),
                title: "Heronderzoek".into(),
                start_date: d(start),
                end_date: d(end),
                status: ActivityStatus::Open,
                outcome: None,
                outcome_note: None,
                closed_on: None,
                time: None,
                channel: None,
            },
            open_items: vec![9],
        }
    }

    #[test]
    fn a_profile_replans_the_running_heronderzoek_from_its_start() {
        let catalog = Catalog::default();
        let calendar = LegalCalendar::default();
        let env = Env {
            catalog: &catalog,
            calendar: &calendar,
            today: d("2026-11-23"),
        };
        // Twelve months from 1 June 2026 become three: 1 September, past: due today.
        let effects = set_profile(
            &env,
            1,
            Some("gemiddeld"),
            &profile("hoog", 3),
            Some(&heronderzoek("2026-06-01", "2027-06-01")),
        )
        .unwrap();
        assert!(matches!(&effects[0], Effect::SetRiskProfile { to, .. } if to == "hoog"));
        assert!(
            matches!(&effects[1], Effect::CloseItem { item: 9, outcome, .. } if outcome == MOVED)
        );
        assert!(
            matches!(effects[2], Effect::NewCycle { activity: 5, to, .. } if to == d("2026-11-23"))
        );
        // Eighteen months from 1 June 2026: 1 December 2027, a Wednesday.
        let effects = set_profile(
            &env,
            1,
            None,
            &profile("laag", 18),
            Some(&heronderzoek("2026-06-01", "2027-06-01")),
        )
        .unwrap();
        assert!(
            matches!(effects.last(), Some(Effect::NewCycle { to, .. }) if *to == d("2027-12-01"))
        );
        // No cycle yet: the first, three months on (23 February 2027).
        let effects = set_profile(&env, 1, None, &profile("hoog", 3), None).unwrap();
        assert!(
            matches!(effects.last(), Some(Effect::AddActivity { end, type_code, .. }) if *end == d("2027-02-23") && type_code == HERONDERZOEK)
        );
        assert_eq!(
            set_profile(&env, 1, Some("hoog"), &profile("hoog", 3), None).unwrap_err(),
            InputError::NothingChanged
        );
    }

    #[test]
    fn months_on_keeps_the_day_or_takes_the_months_last() {
        assert_eq!(months_on(d("2026-05-31"), 3), d("2026-08-31"));
        assert_eq!(months_on(d("2026-11-30"), 3), d("2027-02-28"));
    }
}
