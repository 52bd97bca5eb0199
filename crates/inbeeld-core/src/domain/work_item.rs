//! Work items and the rules for handling them: no escape — an item leaves the
//! werkvoorraad only with an outcome its kind allows, and some outcomes cannot go
//! without a follow-up.

use chrono::NaiveDate;
use serde::Serialize;

use super::catalog::{ActivityType, Outcome};
use super::effects::Effect;
use super::InputError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// An activity reached its end date.
    Activity,
    /// The reminder the day before an afspraak (nabellen).
    Nabellen,
    /// A client's contact rhythm ran out.
    Rhythm,
    /// A klantmanager's own follow-up (vervolgactie).
    Manual,
}

impl Source {
    /// The source a stored code names; `None` for a code no version wrote.
    pub fn from_code(code: &str) -> Option<Source> {
        match code {
            "activity" => Some(Source::Activity),
            "nabellen" => Some(Source::Nabellen),
            "rhythm" => Some(Source::Rhythm),
            "manual" => Some(Source::Manual),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    Open,
    Closed,
}

impl ItemStatus {
    /// The status a stored code names; `None` for a code no version wrote.
    pub fn from_code(code: &str) -> Option<ItemStatus> {
        match code {
            "open" => Some(ItemStatus::Open),
            "closed" => Some(ItemStatus::Closed),
            _ => None,
        }
    }
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

/// The day the item of an activity's cycle ending on `end` falls due: the end plus
/// the type's due offset; after a statutory term that offset is a term of the law
/// too (Awb 6:9: a bezwaar posted in time may arrive up to a week after the
/// bezwaartermijn), moved by the Atw, and the item falls due the day after it. The
/// one place this date is computed: the sweep, a postponement's limit, a term's
/// new end and the demo ask it here.
pub fn expiry_due(
    activity_type: &ActivityType,
    end: NaiveDate,
    calendar: &super::calendar::LegalCalendar,
) -> NaiveDate {
    let offset = activity_type.due_offset_days.max(0);
    let due = super::date::add_days(end, offset);
    if activity_type.statutory && offset > 0 {
        super::date::add_days(calendar.next_working_day(due), 1)
    } else {
        due
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

/// Postponing moves the due date later — never into the past, never earlier than it
/// was — and always with a reason: it stays visible in the history.
pub fn check_postpone(
    due: NaiveDate,
    to: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<String, InputError> {
    if to < today {
        return Err(InputError::InPast {
            what: "uitstellen naar",
            date: to,
            today,
        });
    }
    if to <= due {
        return Err(InputError::PostponeNotLater { due });
    }
    super::error::required_text("de reden van uitstel", reason)
}

/// The first day an item may be postponed to.
pub fn earliest_postpone(due: NaiveDate, today: NaiveDate) -> NaiveDate {
    due.succ_opt().unwrap_or(due).max(today)
}

/// The outcome with which a reminder lapses when the afspraak it was for is
/// settled, moved, or has come (the seed's `lapsed` outcome of nabellen).
pub const REMINDER_LAPSED: &str = "verlopen";

/// An open work item of an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenItem {
    pub id: i64,
    pub activity: i64,
    pub source: Source,
    pub kind: String,
}

/// Finishes an activity with an outcome and closes its open items: its own with the
/// same outcome, a reminder (nabellen) as lapsed.
pub fn finish_with_items(
    activity: i64,
    open_items: &[OpenItem],
    outcome: &str,
    note: Option<&str>,
    except: Option<i64>,
) -> Vec<Effect> {
    let mut effects = vec![Effect::FinishActivity {
        activity,
        outcome: outcome.to_owned(),
        note: note.map(str::to_owned),
    }];
    for item in open_items.iter().filter(|i| Some(i.id) != except) {
        effects.push(match item.source {
            Source::Nabellen => Effect::CloseItem {
                item: item.id,
                outcome: REMINDER_LAPSED.to_owned(),
                note: Some(format!("afspraak afgesloten: {outcome}")),
            },
            _ => Effect::CloseItem {
                item: item.id,
                outcome: outcome.to_owned(),
                note: note.map(str::to_owned),
            },
        });
    }
    effects
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const TODAY: &str = "2026-11-22";

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
