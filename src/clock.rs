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
