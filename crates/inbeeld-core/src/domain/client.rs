//! Clients and the rule that keeps them in view.

use chrono::NaiveDate;
use serde::Serialize;

use super::bsn::Bsn;
use super::name::{Address, NameParts};

/// A client as registered, validated and ready to store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewClient {
    pub name: String,
    pub parts: NameParts,
    pub address: Address,
    pub bsn: Option<Bsn>,
    pub birth_date: Option<NaiveDate>,
    pub category: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_preference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Client {
    pub id: i64,
    pub name: String,
    /// Stored in full, shown masked.
    #[serde(skip)]
    pub bsn: Option<Bsn>,
    pub birth_date: Option<NaiveDate>,
    pub category: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_preference: Option<String>,
    pub parts: NameParts,
    pub address: Address,
    pub registered_on: NaiveDate,
    /// Uitstroom: the day the client left the caseload, and why.
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<String>,
    /// Uitstroom planned for a later day.
    pub planned_end: Option<PlannedEnd>,
    /// The risk profile of the municipality's handhavingsplan (the heronderzoek's
    /// interval), once set.
    pub risk_profile: Option<String>,
}

/// Uitstroom per a later day: the client stays until `on`; that day's sweep ends
/// them for `reason`, closing their open work when `settle`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlannedEnd {
    pub on: NaiveDate,
    pub reason: String,
    pub settle: bool,
}

impl Client {
    pub fn masked_bsn(&self) -> Option<String> {
        self.bsn.as_ref().map(Bsn::masked)
    }
}

/// One row of the caseload: who, and how well in view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientSummary {
    pub id: i64,
    pub name: String,
    pub category: String,
    /// Days since the last contact that took place; `None` when nobody has spoken
    /// to the client yet.
    pub days_since_contact: Option<i64>,
    pub in_view: bool,
    /// The nearest end date of an open activity or due date of an open work item.
    pub next_deadline: Option<NaiveDate>,
    pub open_items: i64,
    /// Beside the name, so that two clients with the same name are told apart.
    pub birth_date: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<String>,
    /// For finding a client by it; not in the caseload's JSON.
    #[serde(skip)]
    pub bsn: Option<String>,
}

/// A client is in view while the days since the last real contact (or, before any
/// contact, since registration) stay within the category's contact rhythm.
pub fn in_view(
    last_contact: Option<NaiveDate>,
    registered_on: NaiveDate,
    rhythm_days: i64,
    today: NaiveDate,
) -> bool {
    let since = last_contact.unwrap_or(registered_on);
    (today - since).num_days() <= rhythm_days
}

/// The due date of the contact-rhythm work item for the current overdue period, if
/// the client is out of view: the rhythm runs out on the first day out of view
/// (`since + rhythm + 1`), and every further `rhythm` days without contact is a new
/// period with a new date. `since` is the last contact, or registration.
pub fn rhythm_due(since: NaiveDate, rhythm_days: i64, today: NaiveDate) -> Option<NaiveDate> {
    let days = (today - since).num_days();
    if rhythm_days <= 0 || days <= rhythm_days {
        return None;
    }
    let period = (days - 1) / rhythm_days;
    since.checked_add_signed(chrono::Duration::days(period * rhythm_days + 1))
}

/// The first day of the time out of view that lasts until today, for a client last
/// spoken to (or registered) on `since` whose category now has `rhythm`. After a
/// change of category (`change`: its day and the rhythm before it) the days before
/// it count by the rhythm the client had then: a change never makes a client "not
/// in view since" a day they were in view.
pub fn out_of_view_from(
    since: NaiveDate,
    rhythm: i64,
    change: Option<(NaiveDate, i64)>,
) -> NaiveDate {
    let now_rule = since
        .checked_add_signed(chrono::Duration::days(rhythm + 1))
        .unwrap_or(since);
    match change {
        Some((on, before)) if on > since && now_rule <= on => {
            let then_rule = since
                .checked_add_signed(chrono::Duration::days(before + 1))
                .unwrap_or(since);
            // Out already before the change, by the rhythm of then: since that day.
            if then_rule < on {
                then_rule
            } else {
                on
            }
        }
        _ => now_rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_category_change_never_dates_out_of_view_before_it() {
        let since = d("2026-06-01");
        // Beheer (182 days) until 1 November, then job ready (28): in view until the
        // change, out of view from it.
        assert_eq!(
            out_of_view_from(since, 28, Some((d("2026-11-01"), 182))),
            d("2026-11-01")
        );
        // Out already under the old rhythm (56 days): since then.
        assert_eq!(
            out_of_view_from(since, 28, Some((d("2026-11-01"), 56))),
            d("2026-07-28")
        );
        // A change before the last contact changes nothing.
        assert_eq!(
            out_of_view_from(since, 28, Some((d("2026-05-01"), 182))),
            d("2026-06-30")
        );
        assert_eq!(out_of_view_from(since, 28, None), d("2026-06-30"));
    }

    #[test]
    fn the_rhythm_runs_out_on_the_first_day_out_of_view() {
        let since = d("2026-01-01");
        assert_eq!(
            rhythm_due(since, 28, d("2026-01-29")),
            None,
            "day 28: still in view"
        );
        assert_eq!(
            rhythm_due(since, 28, d("2026-01-30")),
            Some(d("2026-01-30"))
        );
        assert_eq!(
            rhythm_due(since, 28, d("2026-02-26")),
            Some(d("2026-01-30")),
            "same period"
        );
        assert_eq!(
            rhythm_due(since, 28, d("2026-02-27")),
            Some(d("2026-02-27")),
            "next period"
        );
    }

    proptest! {
        #[test]
        fn due_exactly_when_out_of_view(days in 0i64..2000, rhythm in 1i64..400) {
            let since = d("2020-01-01");
            let today = since + chrono::Duration::days(days);
            let due = rhythm_due(since, rhythm, today);
            prop_assert_eq!(due.is_some(), !in_view(Some(since), since, rhythm, today));
            if let Some(due) = due {
                prop_assert!(due <= today);
                prop_assert!(today - due < chrono::Duration::days(rhythm), "within the current period");
                prop_assert!(!in_view(Some(since), since, rhythm, due), "due on a day out of view");
            }
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn in_view_until_the_rhythm_has_passed() {
        let today = d("2026-11-22");
        assert!(in_view(Some(d("2026-10-25")), d("2020-01-01"), 28, today));
        assert!(!in_view(Some(d("2026-10-24")), d("2020-01-01"), 28, today));
        assert!(
            in_view(None, d("2026-11-01"), 28, today),
            "new client counts from registration"
        );
        assert!(!in_view(None, d("2026-01-01"), 28, today));
    }
}
