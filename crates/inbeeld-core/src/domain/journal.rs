//! The dossier's journal: contact moments and notes.

use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContact {
    pub client_id: i64,
    pub channel: String,
    pub date: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: i64,
    pub client_id: i64,
    pub channel: String,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub no_show: bool,
    /// Corrected after it was registered (the original is in the history).
    pub corrected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNote {
    pub client_id: i64,
    pub date: NaiveDate,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: i64,
    pub client_id: i64,
    pub date: NaiveDate,
    pub text: String,
    /// Corrected after it was written (the original is in the history).
    pub corrected: bool,
}
