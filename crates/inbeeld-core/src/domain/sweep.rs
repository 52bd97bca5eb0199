//! What the day raises: the rules by which the sweep turns end dates, afspraken and
//! a lapsed contact rhythm into work items. The store finds the candidates; these
//! rules decide which item each gets, as effects like every other edit.

use chrono::NaiveDate;

use super::appointment::reminder_due;
use super::calendar::LegalCalendar;
use super::catalog::ActivityType;
use super::client::{out_of_view_from, rhythm_due};
use super::date::{add_days, dutch};
use super::effects::Effect;
use super::work_item::{expiry_due, expiry_title};

/// An open activity whose end date has been reached (for legal terms: comes within
/// the type's lead days) and that has no work item for that end date yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expired {
    pub activity_id: i64,
    pub client_id: i64,
    pub type_code: String,
    pub title: String,
    pub end_date: NaiveDate,
}

/// An afspraak within the reminder horizon without its "nabellen" item yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderDue {
    pub activity_id: i64,
    pub client_id: i64,
    pub title: String,
    pub date: NaiveDate,
    pub reminder_days: i64,
    /// The day the afspraak was made, or last moved to another day.
    pub made_on: NaiveDate,
}

/// A client out of view without an open contact-rhythm item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfView {
    pub client_id: i64,
    /// The last contact that took place, or the registration.
    pub since: NaiveDate,
    pub rhythm_days: i64,
    /// The latest category change: its day, and the rhythm before it.
    pub change: Option<(NaiveDate, i64)>,
}

/// The first day the item of a cycle ending on `end` is in the werkvoorraad. After
/// a statutory term whose item waits for a term of the law (the bezwaartermijn and
/// the week of Awb 6:9, moved by the Atw), on its due day, when that week is over:
/// until then a bezwaar may still arrive, and there is nothing to do. Every other
/// item comes on the end date, a legal deadline its lead days before it.
pub fn raised_from(
    activity_type: &ActivityType,
    end: NaiveDate,
    calendar: &LegalCalendar,
) -> NaiveDate {
    if waits_for_a_term(activity_type) {
        expiry_due(activity_type, end, calendar)
    } else {
        add_days(end, -activity_type.lead_days.max(0))
    }
}

/// A statutory term whose item waits for a term of the law after its end.
pub fn waits_for_a_term(activity_type: &ActivityType) -> bool {
    activity_type.statutory && activity_type.due_offset_days > 0
}

/// The item an activity's end date raises on `today`, if its day has come.
pub fn expiry(
    activity_type: &ActivityType,
    expired: &Expired,
    calendar: &LegalCalendar,
    today: NaiveDate,
) -> Option<Effect> {
    if today < raised_from(activity_type, expired.end_date, calendar) {
        return None;
    }
    Some(Effect::RaiseExpiry {
        activity: expired.activity_id,
        client: expired.client_id,
        kind: activity_type.expiry_kind.clone(),
        title: expiry_title(activity_type, &expired.title),
        due: expiry_due(activity_type, expired.end_date, calendar),
        cycle_end: expired.end_date,
    })
}

/// The "nabellen" item of an afspraak, on the working day(s) before it.
pub fn reminder(due: &ReminderDue, calendar: &LegalCalendar, today: NaiveDate) -> Option<Effect> {
    let on = reminder_due(due.date, due.reminder_days, due.made_on, today, calendar)?;
    Some(Effect::RaiseReminder {
        activity: due.activity_id,
        client: due.client_id,
        appointment: due.date,
        title: format!("Nabellen: herinner aan de afspraak — {}", due.title),
        due: on,
    })
}

/// The period of a client out of view on `today`: the day its item falls due (the
/// day the rhythm ran out, never before the client went out of view) and the first
/// day out of view. `None` while the client is in view.
pub fn rhythm_period(lapsed: &OutOfView, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let due = rhythm_due(lapsed.since, lapsed.rhythm_days, today)?;
    // Out of view from the first day after the rhythm, or the change of category
    // that put the client out of view.
    let out_of_view = out_of_view_from(lapsed.since, lapsed.rhythm_days, lapsed.change);
    Some((due.max(out_of_view), out_of_view))
}

/// The "contact opnemen" item of a client out of view: one per overdue period. When
/// that period's item was handled already without bringing the client back in view
/// (a contact corrected to an earlier day), one more, due today: nobody out of view
/// goes without an open item.
/// `period` is the one `rhythm_period` gives for today.
pub fn rhythm_item(
    lapsed: &OutOfView,
    (due, out_of_view): (NaiveDate, NaiveDate),
    period_handled: bool,
    today: NaiveDate,
) -> Option<Effect> {
    let (due, still) = match (period_handled, due == today) {
        (false, _) => (due, ""),
        (true, false) => (today, "nog steeds "),
        // Handled today, for today: the next period brings the next item.
        (true, true) => return None,
    };
    Some(Effect::RaiseRhythmItem {
        client: lapsed.client_id,
        title: format!(
            "Contact opnemen: {still}niet in beeld sinds {} (ritme {} dagen)",
            dutch(out_of_view),
            lapsed.rhythm_days
        ),
        due,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn bezwaartermijn() -> ActivityType {
        ActivityType {
            code: "bezwaartermijn".into(),
            name: "Bezwaartermijn".into(),
            default_days: 42,
            expiry_kind: "bezwaartermijn".into(),
            expiry_title: "Bezwaartermijn voorbij: besluit onherroepelijk?".into(),
            due_offset_days: 7,
            lead_days: 0,
            reminder_days: None,
            duration_minutes: None,
            source: None,
            statutory: true,
        }
    }

    fn expired(end: &str) -> Expired {
        Expired {
            activity_id: 8,
            client_id: 3,
            type_code: "bezwaartermijn".into(),
            title: "Bezwaartermijn".into(),
            end_date: d(end),
        }
    }

    #[test]
    fn the_bezwaar_item_comes_after_the_week_of_awb_6_9() {
        let calendar = LegalCalendar::default();
        let t = bezwaartermijn();
        // Term ends Friday 8 January 2027; the week runs to Friday 15 January.
        let e = expired("2027-01-08");
        assert_eq!(expiry(&t, &e, &calendar, d("2027-01-08")), None);
        assert_eq!(expiry(&t, &e, &calendar, d("2027-01-15")), None);
        let Some(Effect::RaiseExpiry { due, cycle_end, .. }) =
            expiry(&t, &e, &calendar, d("2027-01-16"))
        else {
            panic!("no item after the week");
        };
        assert_eq!((due, cycle_end), (d("2027-01-16"), d("2027-01-08")));
        // Any other item comes on its end date.
        let traject = ActivityType {
            statutory: false,
            due_offset_days: 0,
            ..t
        };
        assert!(expiry(&traject, &e, &calendar, d("2027-01-08")).is_some());
        assert_eq!(expiry(&traject, &e, &calendar, d("2027-01-07")), None);
        // A legal deadline is in view its lead days before the end.
        let beslistermijn = ActivityType {
            lead_days: 14,
            ..traject
        };
        assert!(expiry(&beslistermijn, &e, &calendar, d("2026-12-25")).is_some());
        assert_eq!(expiry(&beslistermijn, &e, &calendar, d("2026-12-24")), None);
    }

    #[test]
    fn a_handled_period_raises_one_more_item_today_unless_it_was_todays() {
        let lapsed = OutOfView {
            client_id: 5,
            since: d("2026-10-01"),
            rhythm_days: 30,
            change: None,
        };
        let today = d("2026-11-20");
        let period = rhythm_period(&lapsed, today).unwrap();
        let Some(Effect::RaiseRhythmItem { due, title, .. }) =
            rhythm_item(&lapsed, period, false, today)
        else {
            panic!("out of view without an item");
        };
        assert_eq!(due, d("2026-11-01"));
        assert!(
            title.starts_with("Contact opnemen: niet in beeld sinds"),
            "{title}"
        );
        let Some(Effect::RaiseRhythmItem { due, title, .. }) =
            rhythm_item(&lapsed, period, true, today)
        else {
            panic!("handled without contact, and nothing open");
        };
        assert_eq!(due, today);
        assert!(title.contains("nog steeds"), "{title}");
        let first_day = d("2026-11-01");
        let period = rhythm_period(&lapsed, first_day).unwrap();
        assert_eq!(rhythm_item(&lapsed, period, true, first_day), None);
        let in_view = OutOfView {
            since: d("2026-11-01"),
            ..lapsed
        };
        assert_eq!(rhythm_period(&in_view, today), None);
    }
}
