//! inbeeld's rules and its file: everything a caseload is, without a terminal,
//! typst or PostgreSQL.
//!
//! Layers, top to bottom (arrows only point down): `workflow` → `store` → `domain`.
//! The domain holds plain types and pure rules that return effects; the store reads
//! contexts and applies effects, and is the only place that speaks SQL; the workflow
//! runs one edit as rules and store in one transaction.

pub mod clock;
pub mod domain;
pub mod settings;
pub mod store;
pub mod workflow;
