//! Activities: anything with a start and an end date for a client.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewActivity {
    pub client_id: i64,
    pub type_code: String,
    /// Defaults to the activity type's name.
    pub title: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Open,
    Closed,
}

impl ActivityStatus {
    /// The status a stored code names; `None` for a code no version wrote.
    pub fn from_code(code: &str) -> Option<ActivityStatus> {
        match code {
            "open" => Some(ActivityStatus::Open),
            "closed" => Some(ActivityStatus::Closed),
            _ => None,
        }
    }
}

/// An activity's title in the klantmanager's words: not its type's name, and of a
/// title the program made (`… — words`) the words after the dash. What follows a
/// step carries them, and the voornemen tells the client them.
pub fn own_words<'a>(title: &'a str, type_name: &str) -> Option<&'a str> {
    let title = title.trim();
    let words = title
        .rsplit_once(" — ")
        .map_or(title, |(_, own)| own.trim());
    (!words.is_empty() && !words.eq_ignore_ascii_case(type_name)).then_some(words)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: i64,
    pub client_id: i64,
    #[serde(rename = "type")]
    pub type_code: String,
    pub title: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub status: ActivityStatus,
    pub outcome: Option<String>,
    pub outcome_note: Option<String>,
    pub closed_on: Option<NaiveDate>,
    /// An afspraak's time (HH:MM) and channel.
    pub time: Option<String>,
    pub channel: Option<String>,
}
