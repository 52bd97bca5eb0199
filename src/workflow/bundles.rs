//! Handover bundles: written out for a colleague, and read in — the rows come as
//! they were (lossless), then the running terms of the imported aanvragen are
//! brought to the rules of this program.

use std::path::Path;

use chrono::NaiveDate;

use super::{apply, Done, World};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Writes the bundle of `clients` (all of them when empty) to a new file; an
/// existing file is never overwritten. Returns how many clients it holds.
pub fn write_bundle(store: &Store, clients: &[i64], path: &Path) -> Result<usize> {
    let bundle = store.export(clients)?;
    if path.exists() {
        return Err(InputError::FileExists {
            path: path.display().to_string(),
            what: "een bundel",
        }
        .into());
    }
    let text = serde_json::to_string_pretty(&bundle).map_err(|e| InputError::Unwritable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    std::fs::write(path, text + "\n").map_err(|e| InputError::Unwritable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(bundle["clients"].as_array().map_or(0, Vec::len))
}

/// Imports a bundle in one transaction, then computes the running terms of the
/// clients' open aanvragen again. Returns the new client ids.
pub fn import_bundle(store: &mut Store, text: &str, today: NaiveDate) -> Result<Vec<i64>> {
    let clients = store.import(text, today)?;
    let mut open = Vec::new();
    for client in &clients {
        open.extend(
            store
                .applications(*client)?
                .into_iter()
                .filter(|a| a.application.is_open())
                .map(|a| a.application.id),
        );
    }
    if !open.is_empty() {
        reconcile(store, open, today)?;
    }
    Ok(clients)
}

/// Brings the running terms of every open aanvraag to the rules of this version
/// (after a file was upgraded).
pub fn reconcile_all(store: &mut Store, today: NaiveDate) -> Result<Done> {
    store.write_unjournaled(|w| {
        let world = World::read(w, today)?;
        let open = w.open_applications()?;
        apply(w, &world, Vec::new(), open)
    })
}

/// Brings the running terms of these aanvragen to the ends the rules give now.
fn reconcile(store: &mut Store, applications: Vec<i64>, today: NaiveDate) -> Result<Done> {
    store.write_unjournaled(|w| {
        let world = World::read(w, today)?;
        apply(w, &world, Vec::new(), applications)
    })
}
