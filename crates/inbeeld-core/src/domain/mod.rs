//! Plain types and pure rules. Nothing here touches the terminal, the clock or the
//! database: dates come in as parameters.

pub mod aanvraag;
pub mod activity;
pub mod appointment;
pub mod assessment;
pub mod bsn;
pub mod calendar;
pub mod caseload_import;
pub mod catalog;
pub mod client;
pub mod corrections;
pub mod date;
pub mod effects;
pub mod env;
pub mod error;
pub mod handling;
pub mod journal;
pub mod letter;
pub mod lifecycle;
pub mod name;
pub mod overview;
pub mod period;
pub mod plan;
pub mod risk;
pub mod sanction;
pub mod search;
pub mod summary;
pub mod sweep;
pub mod team;
pub mod terms;
pub mod text;
pub mod work_item;

pub use error::InputError;
