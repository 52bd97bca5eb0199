//! inbeeld's exchange with the rest of the municipality: a caseload read from the
//! municipal system's spreadsheet export (through a mapping profile), and the agenda
//! written for Outlook. What the rows mean, and what an import does with them, is the
//! core's; this crate only reads and writes the formats.

pub mod agenda;
pub mod import;
pub mod profile;
pub mod sheet;

pub use import::{plan_file, preview_lines, refusal_line, source_name};
pub use profile::{load_profile, profile_toml, save_beside, EXAMPLE_PROFILE};
pub use sheet::{read_table, SheetError};
