//! `inbeeld caseload import`: the municipal system's export read in, kept in step;
//! `inbeeld caseload profiel`: a mapping profile made from a file's headers.

use std::path::{Path, PathBuf};

use anyhow::anyhow;

use super::output;
use super::Context;
use crate::domain::caseload_import::Profile;
use crate::domain::InputError;
use crate::exchange::{plan_file, preview_lines, profile_toml, read_table, source_name};
use crate::workflow;

pub fn run_import(
    ctx: &Context,
    path: &Path,
    profile: Option<&Path>,
    dry_run: bool,
    json: bool,
) -> anyhow::Result<()> {
    let mut store = ctx.open_swept()?;
    let plan = plan_file(&store, path, profile, ctx.today)?;
    let written = if dry_run {
        false
    } else {
        let done = workflow::import_caseload(&mut store, &plan, &source_name(path), ctx.today)?;
        !done.effects.is_empty()
    };
    if json {
        return output::json(&serde_json::json!({
            "written": written,
            "plan": plan,
        }));
    }
    for line in preview_lines(&plan) {
        output::line(&line)?;
    }
    output::line(&if dry_run {
        format!("Proef: er is niets geschreven. {}", plan.summary())
    } else if written {
        format!("Ingelezen: {}", plan.summary())
    } else {
        "Niets te doen: het bestand en de caseload zijn gelijk.".to_owned()
    })
}

/// `inbeeld caseload profiel FILE [--out PROFILE]`.
pub fn run_profile(path: &Path, out: Option<PathBuf>) -> anyhow::Result<()> {
    let table = read_table(path).map_err(|e| InputError::Import(e.to_string()))?;
    let text = profile_toml(&Profile::from_headers(&table.headers));
    match out {
        Some(out) => {
            if out.exists() {
                return Err(anyhow!(InputError::FileExists {
                    path: out.display().to_string(),
                    what: "een profiel",
                }));
            }
            std::fs::write(&out, text)?;
            output::line(&format!("Profiel geschreven: {}", out.display()))
        }
        None => output::line(text.trim_end()),
    }
}
