//! The one place that reads the system clock. Everything that depends on the date
//! gets `today` as a parameter from here (or from `--today`).

use std::sync::RwLock;

use chrono::{Local, NaiveDate, SecondsFormat, Utc};

/// Today's date on this laptop's calendar.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The day `--today` set for this process, if any: stored moments follow it.
static PINNED: RwLock<Option<NaiveDate>> = RwLock::new(None);

/// Makes every stored moment of this process fall on `today` (at the current time
/// of day), as `--today` asks: a closed item's `closed_at` then agrees with the day
/// it was handled on.
pub fn pin_today(today: Option<NaiveDate>) {
    if let Ok(mut pinned) = PINNED.write() {
        *pinned = today;
    }
}

/// The day an edit is made on: the pinned day under `--today`, else today.
pub fn day() -> NaiveDate {
    PINNED.read().ok().and_then(|p| *p).unwrap_or_else(today)
}

/// The current moment, UTC ISO 8601, for `created_at` and the audit log; on the
/// pinned day when `--today` was given.
pub fn now_utc() -> String {
    let now = Utc::now();
    let pinned = PINNED.read().ok().and_then(|p| *p);
    let moment = match pinned.map(|day| day.and_time(now.time()).and_utc()) {
        Some(moment) => moment,
        None => now,
    };
    moment.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Time until the next whole minute: the cockpit wakes then, so that the minute
/// sweep and the midnight roll-over happen on time.
pub fn until_next_minute() -> std::time::Duration {
    use chrono::Timelike;
    let now = Local::now();
    let into_minute =
        u64::from(now.second()) * 1000 + u64::from(now.nanosecond() / 1_000_000).min(999);
    std::time::Duration::from_millis(60_000u64.saturating_sub(into_minute).max(1))
}

/// The local time of day as `HH:MM`, for the status line.
pub fn now_local_hm() -> String {
    chrono::Local::now().format("%H:%M").to_string()
}

/// A stored moment (UTC, as `now_utc` writes it) in the local time, as
/// `23-11-2026 09:14`; `None` for text that is no moment.
pub fn local_moment(at: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(at).ok()?;
    Some(
        at.with_timezone(&Local)
            .format("%d-%m-%Y %H:%M")
            .to_string(),
    )
}
