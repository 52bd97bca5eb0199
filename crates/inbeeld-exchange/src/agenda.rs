//! The agenda as an iCalendar file that Outlook (and any calendar) can subscribe to:
//! one event per afspraak, all-day events for the last days of legal terms. Calendars
//! sync to Exchange, so by default an event carries initials and the kind of afspraak,
//! never a BSN or a full name.

use chrono::{
    DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday,
};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, EventStatus};
use inbeeld_core::domain::appointment::{CalendarAppointment, CalendarDeadline};
use inbeeld_core::domain::name::NameParts;

/// What the file may say about a client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Names {
    /// Initials only ("J. de V."): the default.
    #[default]
    Initials,
    /// The full name (a setting, for a calendar that stays on the laptop).
    Full,
}

#[derive(Debug, Clone, Default)]
pub struct AgendaOptions {
    pub names: Names,
    /// Where an afspraak op locatie takes place (the municipality's bezoekadres).
    pub visiting_address: Option<String>,
    /// Minutes before an afspraak that the calendar reminds.
    pub reminder_minutes: i64,
}

/// The calendar of `appointments` and `deadlines` as iCalendar text. `file_id` makes
/// the UIDs this file's own and stable: the same afspraak keeps its UID whatever moves.
pub fn agenda_ics(
    file_id: &str,
    appointments: &[CalendarAppointment],
    deadlines: &[CalendarDeadline],
    options: &AgendaOptions,
) -> String {
    let mut calendar = Calendar::empty();
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//inbeeld//agenda//NL"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
    ] {
        calendar.append_property((key, value));
    }
    calendar.name("inbeeld");
    for a in appointments {
        calendar.push(appointment_event(file_id, a, options));
    }
    for d in deadlines {
        let who = who(&d.client_name, &d.parts, options.names);
        calendar.push(
            Event::new()
                .uid(&format!(
                    "inbeeld-{file_id}-termijn-{}@inbeeld",
                    d.activity_id
                ))
                .summary(&format!("§ {} ({who})", d.title))
                .all_day(d.date)
                .done(),
        );
    }
    calendar.done().to_string()
}

fn appointment_event(file_id: &str, a: &CalendarAppointment, options: &AgendaOptions) -> Event {
    let who = who(&a.client_name, &a.parts, options.names);
    let mut event = Event::new();
    event
        .uid(&format!(
            "inbeeld-{file_id}-afspraak-{}@inbeeld",
            a.activity_id
        ))
        .summary(&format!("{} {who}", a.type_name))
        // A move is a new version for the calendar; so is a cancellation.
        .sequence((a.moves + i64::from(a.cancelled())).clamp(0, u32::MAX as i64) as u32)
        .location(&place(a.channel.as_deref(), options));
    let time = a
        .time
        .as_deref()
        .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M").ok());
    match time {
        Some(time) => {
            let start = amsterdam_to_utc(a.date.and_time(time));
            event
                .starts(start)
                .ends(start + Duration::minutes(a.minutes.max(1)));
            if options.reminder_minutes > 0 && !a.cancelled() {
                event.alarm(Alarm::display(
                    &format!("{} {who}", a.type_name),
                    -Duration::minutes(options.reminder_minutes),
                ));
            }
        }
        None => {
            event.all_day(a.date);
        }
    }
    if a.cancelled() {
        event.status(EventStatus::Cancelled);
    } else {
        event.status(EventStatus::Confirmed);
    }
    event.done()
}

fn who(name: &str, parts: &NameParts, names: Names) -> String {
    match names {
        Names::Initials => NameParts::initials(name, parts),
        Names::Full => name.to_owned(),
    }
}

fn place(channel: Option<&str>, options: &AgendaOptions) -> String {
    match channel {
        Some("telefoon") => "telefonisch".into(),
        Some("beeldbellen") => "beeldbellen".into(),
        Some("whatsapp") => "WhatsApp".into(),
        Some("huisbezoek") => "huisbezoek".into(),
        _ => options
            .visiting_address
            .clone()
            .unwrap_or_else(|| "op locatie".into()),
    }
}

/// A time on the wall in Amsterdam, in UTC: CET (UTC+1), and CEST (UTC+2) from the
/// last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (EU
/// directive 2000/84/EC). A rule fixed in law, computed rather than carried as a
/// time-zone database.
pub fn amsterdam_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let year = local.year();
    let summer_from = last_sunday(year, 3)
        .and_hms_opt(1, 0, 0)
        .expect("valid time");
    let summer_to = last_sunday(year, 10)
        .and_hms_opt(1, 0, 0)
        .expect("valid time");
    // Summer time when the moment, read as winter time, is past the March switch and,
    // read as summer time, is before the October one. A wall time in the hour that
    // does not exist counts as summer time, one that happens twice as the first.
    let offset =
        if local - Duration::hours(1) >= summer_from && local - Duration::hours(2) < summer_to {
            2
        } else {
            1
        };
    Utc.from_utc_datetime(&(local - Duration::hours(offset)))
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid month");
    let mut day = next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn amsterdam_in_winter_and_summer() {
        assert_eq!(
            amsterdam_to_utc(at("2026-12-07 09:30")).to_rfc3339(),
            "2026-12-07T08:30:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc(at("2026-07-01 09:30")).to_rfc3339(),
            "2026-07-01T07:30:00+00:00"
        );
        // 2026: summer time from 29 March, winter time from 25 October.
        assert_eq!(
            amsterdam_to_utc(at("2026-03-29 01:30")).to_rfc3339(),
            "2026-03-29T00:30:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc(at("2026-03-29 03:30")).to_rfc3339(),
            "2026-03-29T01:30:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc(at("2026-10-25 04:00")).to_rfc3339(),
            "2026-10-25T03:00:00+00:00"
        );
        assert_eq!(
            amsterdam_to_utc(at("2026-10-24 12:00")).to_rfc3339(),
            "2026-10-24T10:00:00+00:00"
        );
    }
}
