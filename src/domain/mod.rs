//! Plain types and pure rules. Nothing here touches the terminal, the clock or the
//! database: dates come in as parameters.

pub mod activity;
pub mod bsn;
pub mod calendar;
pub mod catalog;
pub mod client;
pub mod date;
pub mod error;
pub mod journal;
pub mod terms;
pub mod work_item;

pub use error::InputError;
