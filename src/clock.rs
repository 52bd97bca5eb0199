//! The one place that reads the system clock. Everything that depends on the date
//! gets `today` as a parameter from here (or from `--today`).

use chrono::{Local, NaiveDate, SecondsFormat, Utc};

/// Today's date on this laptop's calendar.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The current moment, UTC ISO 8601, for `created_at` and the audit log.
pub fn now_utc() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
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
