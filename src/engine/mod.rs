//! The sweep: the rules that turn dates into work items. Pure over a store
//! transaction and a date: no clock, no terminal.

mod sweep;

pub use sweep::{sweep, SweepReport};
