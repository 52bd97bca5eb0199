//! Work items and the rules for handling them: no escape — an item leaves the
//! werkvoorraad only with an outcome its kind allows, and some outcomes cannot go
//! without a follow-up.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalog::{ActivityType, Outcome, Requirement, WorkItemKind};
use super::error::optional_text;
use super::InputError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An activity reached its end date.
    Activity,
    /// A client's contact rhythm ran out.
    Rhythm,
    /// A klantmanager's own follow-up (vervolgactie).
    Manual,
}

impl Source {
    pub fn from_code(code: &str) -> Source {
        match code {
            "activity" => Source::Activity,
            "rhythm" => Source::Rhythm,
            _ => Source::Manual,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Open,
    Closed,
}

/// One row of the werkvoorraad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkItem {
    pub id: i64,
    pub client_id: i64,
    pub client_name: String,
    pub kind: String,
    pub title: String,
    pub due_date: NaiveDate,
    pub source: Source,
    pub source_activity_id: Option<i64>,
    pub status: ItemStatus,
    /// A legal deadline: marked, and sorted first on its day.
    pub legal: bool,
    #[serde(skip)]
    pub urgency: i64,
}

/// A work item with how it was or may be handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkItemDetail {
    #[serde(flatten)]
    pub item: WorkItem,
    /// The end date of the activity cycle the item belongs to.
    pub source_end_date: Option<NaiveDate>,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    pub closed_at: Option<String>,
    pub allowed_outcomes: Vec<Outcome>,
    pub postponements: Vec<Postponement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Postponement {
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub reason: String,
    pub at: String,
}

/// The title of the work item an activity's end date raises: what to do, then what
/// it is about ("Traject evalueren — WEP kringloopwinkel").
pub fn expiry_title(activity_type: &ActivityType, activity_title: &str) -> String {
    if activity_title == activity_type.name {
        activity_type.expiry_title.clone()
    } else {
        format!("{} — {activity_title}", activity_type.expiry_title)
    }
}

/// The werkvoorraad order: by due date; on the same day legal deadlines first, then
/// the more urgent kinds; then the oldest item.
pub fn worklist_order(a: &WorkItem, b: &WorkItem) -> std::cmp::Ordering {
    a.due_date
        .cmp(&b.due_date)
        .then(b.legal.cmp(&a.legal))
        .then(b.urgency.cmp(&a.urgency))
        .then(a.id.cmp(&b.id))
}

/// What closing an item does beyond closing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUp {
    /// Nothing more; the source activity (if any) is finished with this outcome.
    Finish,
    /// The source activity gets a new cycle ending on this date.
    NewCycle(NaiveDate),
}

/// A close that passed the rules, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Close {
    pub outcome: String,
    pub note: Option<String>,
    pub follow_up: FollowUp,
}

/// Checks a close against the rules: the outcome must be one the kind allows, an
/// outcome that needs a new date gets one after `today` (extending into the past
/// would only expire again), one that needs a reason gets a reason.
pub fn check_close(
    kind: &WorkItemKind,
    outcome: &Outcome,
    note: Option<&str>,
    new_date: Option<NaiveDate>,
    has_activity: bool,
    today: NaiveDate,
) -> Result<Close, InputError> {
    if !kind.outcomes.contains(&outcome.code) {
        return Err(InputError::OutcomeNotAllowed {
            outcome: outcome.code.clone(),
            kind: kind.code.clone(),
            allowed: kind.outcomes.join(", "),
        });
    }
    let note = optional_text(note);
    if new_date.is_some() && outcome.requires != Requirement::NewDate {
        return Err(InputError::Other(format!(
            "afhandeling '{}' neemt geen nieuwe datum; alleen een verlenging doet dat",
            outcome.code
        )));
    }
    let follow_up = match outcome.requires {
        Requirement::NewDate => {
            let Some(date) = new_date else {
                return Err(InputError::Other(format!(
                    "afhandeling '{}' vraagt een nieuwe einddatum (--to JJJJ-MM-DD)",
                    outcome.code
                )));
            };
            if !has_activity {
                return Err(InputError::Other(format!(
                    "afhandeling '{}' kan alleen bij een werkitem van een activiteit",
                    outcome.code
                )));
            }
            if date <= today {
                return Err(InputError::Other(format!(
                    "de nieuwe einddatum {date} moet na vandaag ({today}) liggen"
                )));
            }
            FollowUp::NewCycle(date)
        }
        Requirement::Reason => {
            if note.is_none() {
                return Err(InputError::Other(format!(
                    "afhandeling '{}' vraagt een reden (--note TEKST)",
                    outcome.code
                )));
            }
            FollowUp::Finish
        }
        Requirement::None => FollowUp::Finish,
    };
    Ok(Close {
        outcome: outcome.code.clone(),
        note,
        follow_up,
    })
}

/// Postponing moves the due date later — never into the past, never earlier than it
/// was — and always with a reason: it stays visible in the history.
pub fn check_postpone(
    due: NaiveDate,
    to: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<String, InputError> {
    if to < today {
        return Err(InputError::Other(format!(
            "uitstellen kan niet naar een datum in het verleden ({to} is vóór vandaag, {today})"
        )));
    }
    if to <= due {
        return Err(InputError::Other(format!(
            "uitstellen kan alleen naar een datum na {due}, de huidige vervaldatum"
        )));
    }
    super::error::required_text("de reden van uitstel", reason)
}

/// The first day an item may be postponed to.
pub fn earliest_postpone(due: NaiveDate, today: NaiveDate) -> NaiveDate {
    due.succ_opt().unwrap_or(due).max(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn kind() -> WorkItemKind {
        WorkItemKind {
            code: "traject".into(),
            name: "Traject".into(),
            urgency: 20,
            legal: false,
            outcomes: vec!["afgerond".into(), "verlengd".into(), "afgebroken".into()],
        }
    }

    fn outcome(code: &str, requires: Requirement) -> Outcome {
        Outcome {
            code: code.into(),
            name: code.into(),
            requires,
        }
    }

    const TODAY: &str = "2026-11-22";

    #[test]
    fn only_allowed_outcomes_close() {
        let err = check_close(
            &kind(),
            &outcome("gesproken", Requirement::None),
            None,
            None,
            true,
            d(TODAY),
        );
        assert!(matches!(err, Err(InputError::OutcomeNotAllowed { .. })));
        let ok = check_close(
            &kind(),
            &outcome("afgerond", Requirement::None),
            None,
            None,
            true,
            d(TODAY),
        );
        assert_eq!(ok.unwrap().follow_up, FollowUp::Finish);
    }

    #[test]
    fn verlengd_needs_a_future_date() {
        let verlengd = outcome("verlengd", Requirement::NewDate);
        assert!(check_close(&kind(), &verlengd, None, None, true, d(TODAY)).is_err());
        assert!(check_close(&kind(), &verlengd, None, Some(d(TODAY)), true, d(TODAY)).is_err());
        assert!(check_close(
            &kind(),
            &verlengd,
            None,
            Some(d("2027-01-01")),
            false,
            d(TODAY)
        )
        .is_err());
        let close = check_close(
            &kind(),
            &verlengd,
            None,
            Some(d("2027-01-01")),
            true,
            d(TODAY),
        )
        .unwrap();
        assert_eq!(close.follow_up, FollowUp::NewCycle(d("2027-01-01")));
    }

    #[test]
    fn afgebroken_needs_a_reason() {
        let afgebroken = outcome("afgebroken", Requirement::Reason);
        assert!(check_close(&kind(), &afgebroken, None, None, true, d(TODAY)).is_err());
        assert!(check_close(&kind(), &afgebroken, Some("   "), None, true, d(TODAY)).is_err());
        let with_date = check_close(
            &kind(),
            &afgebroken,
            Some("x"),
            Some(d("2027-01-01")),
            true,
            d(TODAY),
        );
        assert!(with_date.is_err(), "only an extension takes a new date");
        let close = check_close(
            &kind(),
            &afgebroken,
            Some(" verhuisd "),
            None,
            true,
            d(TODAY),
        )
        .unwrap();
        assert_eq!(close.note.as_deref(), Some("verhuisd"));
    }

    #[test]
    fn postpone_rules() {
        let due = d("2026-11-20");
        assert!(
            check_postpone(due, d("2026-11-21"), "ziek", d(TODAY)).is_err(),
            "past"
        );
        assert!(
            check_postpone(due, d("2026-11-30"), " ", d(TODAY)).is_err(),
            "no reason"
        );
        assert!(
            check_postpone(d("2026-11-30"), d("2026-11-30"), "x", d(TODAY)).is_err(),
            "same day"
        );
        assert!(
            check_postpone(d("2026-12-12"), d("2026-11-29"), "x", d(TODAY)).is_err(),
            "earlier"
        );
        assert_eq!(
            earliest_postpone(d("2026-12-12"), d(TODAY)),
            d("2026-12-13")
        );
        assert_eq!(earliest_postpone(due, d(TODAY)), d(TODAY));
        assert_eq!(
            check_postpone(due, d(TODAY), " ziek ", d(TODAY)).unwrap(),
            "ziek"
        );
    }
}
