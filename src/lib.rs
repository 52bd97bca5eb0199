//! inbeeld: a terminal caseload cockpit for klantmanagers under the Participatiewet.
//!
//! Layers, top to bottom (arrows only point down): `cli` and `tui` → `demo` →
//! `workflow` → `store` → `domain`. The domain holds plain types and pure rules that
//! return effects; the store reads contexts and applies effects, and is the only
//! place that speaks SQL; the workflow runs one edit as rules and store in one
//! transaction.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod letters;
pub mod settings;
pub mod store;
pub mod tui;
pub mod workflow;
