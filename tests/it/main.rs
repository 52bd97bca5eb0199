//! The integration tests of the app, as one test binary: each module is what was a
//! file of its own, `common` the helpers they share. One binary links once.

mod bundle;
mod caseload_import;
mod cli;
mod cockpit_craft;
mod cockpit_day;
mod cockpit_keys;
mod common;
mod corrections;
mod crash;
mod documentation;
mod documents;
mod edges;
mod in_view;
mod law;
mod layout;
pub(crate) mod letters;
mod no_escape;
mod overview;
mod portable;
mod query_plans;
mod random_keys;
mod rebinding;
mod render;
mod rules;
mod safety;
mod store;
mod sweep_props;
mod team;
mod team_trust;
mod terminal;
mod upgrade;
