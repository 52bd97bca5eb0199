//! The team's half of inbeeld: the shared store on PostgreSQL (`store`: its schema,
//! members, row-level security and the statements of a sync and a snapshot), and
//! what a laptop does with it (`workflow`: join, sync, snapshot, the Team screen's
//! rows). Built on `inbeeld-core`; the app is the only crate that uses it.

pub mod store;
mod workflow;

pub use store::*;
pub use workflow::*;
