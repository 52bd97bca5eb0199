//! inbeeld: a terminal caseload cockpit for klantmanagers under the Participatiewet.
//!
//! The app on top of the workspace's crates: `cli` and `tui` → `demo` → the rules and
//! the file (`inbeeld-core`: `workflow` → `store` → `domain`), letters
//! (`inbeeld-letters`, typst), the team's server (`inbeeld-team`, PostgreSQL) and the
//! exchange with the municipal system (`inbeeld-exchange`: spreadsheets in, agenda out).
//! The crates' modules are re-exported here under the names the app uses.

pub use inbeeld_core::{clock, domain, settings, store, workflow};
pub use inbeeld_exchange as exchange;
pub use inbeeld_letters as letters;
pub use inbeeld_team as team;

pub mod cli;
pub mod demo;
pub mod tui;
