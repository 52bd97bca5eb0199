//! Afspraken: the reminder (nabellen) the working day before, and its lapse when
//! the day has come.

use chrono::NaiveDate;

use super::calendar::LegalCalendar;
use super::date::add_days;
use super::effects::Effect;
use super::handling::REMINDER_LAPSED;

/// The outcome of a cancelled afspraak (catalogue code).
pub const CANCELLED: &str = "geannuleerd";

/// An afspraak as a calendar shows it: when, how long, by which channel, and whether
/// it was moved (`moves`) or cancelled since it was planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarAppointment {
    pub activity_id: i64,
    pub client_name: String,
    pub parts: super::name::NameParts,
    pub date: NaiveDate,
    pub time: Option<String>,
    pub minutes: i64,
    pub channel: Option<String>,
    pub type_name: String,
    pub outcome: Option<String>,
    pub moves: i64,
}

impl CalendarAppointment {
    pub fn cancelled(&self) -> bool {
        self.outcome.as_deref() == Some(CANCELLED)
    }
}

/// A legal term's last day (a § deadline), as a calendar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDeadline {
    pub activity_id: i64,
    pub client_name: String,
    pub parts: super::name::NameParts,
    pub date: NaiveDate,
    pub title: String,
}

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
            outcome: REMINDER_LAPSED.to_owned(),
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

/// The channels no one meets by: a letter or an e-mail is no afspraak.
const NOT_MEETING: [&str; 2] = ["brief", "email"];

/// Whether an afspraak can be held by `channel` (a conversation, not a letter).
pub fn meets_by(channel: &str) -> bool {
    !NOT_MEETING.contains(&channel)
}

/// How long an afspraak may last, in minutes.
pub const MINUTES: std::ops::RangeInclusive<i64> = 5..=480;

/// An afspraak to plan: its client, day, time (UU:MM or UU.MM, or none), channel,
/// subject (default "Afspraak") and length in minutes where not the catalogue's.
#[derive(Debug, Clone, Copy)]
pub struct NewAppointment<'a> {
    pub client: i64,
    pub date: NaiveDate,
    pub time: Option<&'a str>,
    pub channel: &'a str,
    pub title: Option<&'a str>,
    pub duration: Option<i64>,
    /// Where, when not the town hall's bezoekadres (a wijkcentrum, the employer).
    pub location: Option<&'a str>,
}

/// Where an afspraak moves: `None` keeps the day, time or channel; an empty time
/// leaves the time open.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppointmentMove {
    pub date: Option<NaiveDate>,
    pub time: Option<String>,
    pub channel: Option<String>,
}

/// Moves an open afspraak before its day. Its reminder for the old day lapses (the
/// sweep raises the one for the new day). Once the day has come, the opkomst is
/// registered first: the move is refused.
pub fn move_appointment(
    ctx: &super::handling::ActivityContext,
    to: &AppointmentMove,
    catalog: &super::catalog::Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, super::InputError> {
    use super::InputError;
    let activity = &ctx.activity;
    if ctx.activity_type.reminder_days.is_none() {
        return Err(InputError::NotAnAppointment { id: activity.id });
    }
    if let Some(outcome) = &activity.outcome {
        return Err(InputError::ActivityClosed {
            id: activity.id,
            outcome: outcome.clone(),
        });
    }
    let date = to.date.unwrap_or(activity.end_date);
    if to.date.is_some() && date < today {
        return Err(InputError::InPast {
            what: "de nieuwe datum",
            date,
            today,
        });
    }
    // Its day has passed: whether the client came is evidence (for a maatregel)
    // and is registered first; the no-show makes the new afspraak.
    let opkomst = ctx
        .open_items
        .iter()
        .any(|i| i.source == super::work_item::Source::Activity);
    if activity.end_date < today || opkomst && to.date.is_some_and(|d| d != activity.end_date) {
        return Err(InputError::OpkomstFirst {
            date: activity.end_date,
        });
    }

    let time = match &to.time {
        Some(t) if t.trim().is_empty() => None,
        Some(t) => Some(super::date::parse_time(t)?),
        None => activity.time.clone(),
    };
    let channel = match &to.channel {
        Some(c) => catalog.channel(c.trim())?.code.clone(),
        None => activity.channel.clone().unwrap_or_default(),
    };
    if date == activity.end_date
        && time == activity.time
        && Some(&channel) == activity.channel.as_ref()
    {
        return Err(InputError::NothingChanged);
    }
    let mut effects: Vec<Effect> = if date == activity.end_date {
        Vec::new()
    } else {
        ctx.open_items
            .iter()
            .map(|item| Effect::CloseItem {
                item: item.id,
                outcome: REMINDER_LAPSED.to_owned(),
                note: Some(format!(
                    "afspraak verplaatst naar {}",
                    super::date::dutch(date)
                )),
            })
            .collect()
    };
    effects.push(Effect::MoveAppointment {
        activity: activity.id,
        from: activity.end_date,
        to: date,
        time,
        channel,
    });
    Ok(effects)
}

/// What to say about an afspraak on `date` at `time` before it is made: a day the
/// office is closed, or another afspraak at the same time (`others`: the time of
/// each other afspraak that day).
pub fn appointment_warnings(
    date: NaiveDate,
    time: Option<&str>,
    others: &[Option<String>],
    calendar: &LegalCalendar,
) -> Vec<String> {
    let mut warnings = Vec::new();
    if let Some(reason) = calendar.closed_reason(date) {
        warnings.push(format!(
            "let op: {} is geen werkdag ({reason})",
            super::date::dutch(date)
        ));
    }
    if let Some(time) = time {
        let booked = others.iter().any(|t| t.as_deref() == Some(time));
        warnings.extend(booked.then(|| double_booking(date, time)));
    }
    warnings
}

/// The warning for a second afspraak at the same day and time.
pub fn double_booking(date: NaiveDate, time: &str) -> String {
    format!(
        "let op: er staat al een afspraak op {} om {time}",
        super::date::dutch(date)
    )
}
