//! Afspraken: the reminder (nabellen) the working day before, and its lapse when
//! the day has come.

use chrono::NaiveDate;

use super::calendar::LegalCalendar;
use super::date::add_days;
use super::effects::Effect;
use super::handling::LAPSED;

/// The day to call: `days` working days before the afspraak (Atw calendar).
pub fn reminder_day(date: NaiveDate, days: i64, calendar: &LegalCalendar) -> NaiveDate {
    let mut day = date;
    for _ in 0..days.max(1) {
        day = add_days(day, -1);
        while !calendar.is_working_day(day) {
            day = add_days(day, -1);
        }
    }
    day
}

/// The latest afspraak date whose reminder (one working day before, the shortest
/// there is) falls on or before `today`: the sweep need look no further ahead.
pub fn reminder_horizon(today: NaiveDate, calendar: &LegalCalendar) -> NaiveDate {
    let mut horizon = add_days(today, 1);
    while reminder_day(add_days(horizon, 1), 1, calendar) <= today {
        horizon = add_days(horizon, 1);
    }
    horizon
}

/// When the sweep makes the reminder for an afspraak on `date`, made on `made_on`:
/// from its day until the day before the afspraak — but an afspraak made after that
/// day (for today or tomorrow) gets no reminder that is late already.
pub fn reminder_due(
    date: NaiveDate,
    days: i64,
    made_on: NaiveDate,
    today: NaiveDate,
    calendar: &LegalCalendar,
) -> Option<NaiveDate> {
    let due = reminder_day(date, days, calendar);
    if today < due || today >= date || (due < today && made_on > due) {
        return None;
    }
    Some(due)
}

/// Open reminders whose afspraak has come lapse: calling the day before is no
/// longer possible.
pub fn lapse_reminders(open: &[(i64, NaiveDate)], today: NaiveDate) -> Vec<Effect> {
    open.iter()
        .filter(|(_, date)| *date <= today)
        .map(|(item, _)| Effect::CloseItem {
            item: *item,
            outcome: LAPSED.to_owned(),
            note: Some("afspraak is vandaag".to_owned()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_reminder_falls_on_the_previous_working_day() {
        let cal = LegalCalendar::default();
        // Monday 30 November 2026: called on Friday 27th.
        assert_eq!(reminder_day(d("2026-11-30"), 1, &cal), d("2026-11-27"));
        // Tuesday 29 December 2026: Monday 28th.
        assert_eq!(reminder_day(d("2026-12-29"), 1, &cal), d("2026-12-28"));
        // Monday 28 December 2026: not Kerst or the weekend, but Thursday 24th.
        assert_eq!(reminder_day(d("2026-12-28"), 1, &cal), d("2026-12-24"));
    }

    #[test]
    fn the_sweep_looks_ahead_to_the_next_working_day() {
        let cal = LegalCalendar::default();
        // Friday 27 November: Monday's afspraken are called today.
        assert_eq!(reminder_horizon(d("2026-11-27"), &cal), d("2026-11-30"));
        assert_eq!(reminder_horizon(d("2026-11-25"), &cal), d("2026-11-26"));
        // Thursday 24 December: Kerst and the weekend, Monday 28th is next.
        assert_eq!(reminder_horizon(d("2026-12-24"), &cal), d("2026-12-28"));
    }

    #[test]
    fn an_afspraak_made_late_gets_no_late_reminder() {
        let cal = LegalCalendar::default();
        // Made on Saturday for Monday: the Friday has passed.
        assert_eq!(
            reminder_due(d("2026-11-30"), 1, d("2026-11-28"), d("2026-11-28"), &cal),
            None
        );
        // Made for tomorrow, a working day: today is the day to call.
        assert_eq!(
            reminder_due(d("2026-11-25"), 1, d("2026-11-24"), d("2026-11-24"), &cal),
            Some(d("2026-11-24"))
        );
        // Made for today: none.
        assert_eq!(
            reminder_due(d("2026-11-24"), 1, d("2026-11-24"), d("2026-11-24"), &cal),
            None
        );
        // Made well before, sweep missed the Friday: still made on Saturday.
        assert_eq!(
            reminder_due(d("2026-11-30"), 1, d("2026-11-20"), d("2026-11-28"), &cal),
            Some(d("2026-11-27"))
        );
    }
}
