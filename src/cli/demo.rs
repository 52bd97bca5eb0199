//! `inbeeld demo`: a realistic caseload to try the cockpit on.

use std::fs;
use std::path::Path;

use anyhow::Context as _;

use super::args::DemoArgs;
use super::{output, Context};
use crate::demo::{self, Options};
use crate::domain::InputError;
use crate::store::{Contents, Store};
use crate::tui;

pub fn run(ctx: &Context, args: &DemoArgs) -> anyhow::Result<()> {
    // Without --db the demo never touches the real caseload (not even the one the
    // settings name): it has a file of its own beside it.
    let path = if ctx.db_flag {
        ctx.db.clone()
    } else {
        ctx.db.with_file_name("demo.sqlite")
    };
    // A cockpit open on the demo file would go on writing into the replaced file.
    let lock = tui::cockpit_lock(&path)?.ok_or_else(|| InputError::CockpitOpen {
        path: path.display().to_string(),
        what: "de demo opnieuw worden gemaakt",
    })?;
    let contents = Store::open(&path)?.contents()?;
    match contents {
        Contents::Own => {
            return Err(InputError::OwnCaseload {
                path: path.display().to_string(),
            }
            .into())
        }
        Contents::Demo => remove_database(&path)?,
        Contents::Empty => {}
    }
    let mut store = Store::open(&path)?;
    let options = Options {
        clients: args.clients,
        years: args.years,
        seed: args.seed,
    };
    demo::generate(&mut store, options, ctx.today)?;
    if args.no_open {
        output::line(&format!(
            "Demo-caseload met {} klanten staat in {}",
            args.clients,
            path.display()
        ))
    } else {
        tui::run(store, ctx.session(&path), Some(lock), ctx.look.clone())
    }
}

/// Removes a demo database with its journal files, so it can be made anew.
fn remove_database(path: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match fs::remove_file(&name) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => {
                return Err(err).with_context(|| {
                    format!(
                        "kan het oude demobestand {} niet verwijderen",
                        Path::new(&name).display()
                    )
                })
            }
        }
    }
    Ok(())
}
