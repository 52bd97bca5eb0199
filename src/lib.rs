//! inbeeld: a terminal caseload cockpit for klantmanagers under the Participatiewet.
//!
//! Layers, top to bottom (arrows only point down): `cli` and `tui` → `demo` →
//! `engine` → `store` → `domain`. The domain holds plain types and pure rules; the
//! store is the only place that speaks SQL.

pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod engine;
pub mod store;
pub mod tui;
