//! Handover bundles: written out for a colleague, and read in — the rows come as
//! they were (lossless), then the running terms of the imported aanvragen are
//! brought to the rules of this program.

use std::path::Path;

use chrono::NaiveDate;

use super::sealing::Protection;
use super::{apply, Done, World};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Writes the bundle of `clients` (all of them when empty) to a new file, sealed
/// with the passphrase unless `Plain` was asked for; an existing file is never
/// overwritten. Returns how many clients it holds.
pub fn write_bundle(
    store: &mut Store,
    clients: &[i64],
    path: &Path,
    protection: &Protection,
    today: NaiveDate,
) -> Result<usize> {
    let bundle = export(store, clients, today)?;
    let unwritable = |reason: String| InputError::Unwritable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = bundle_bytes(&bundle, protection, false)?;
    let exists = || InputError::FileExists {
        path: path.display().to_string(),
        what: "een bundel",
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists().into());
    }
    // Written under a name of its own and only then given its real name: a bundle
    // is whole or absent, also when the writing is killed (a colleague must not
    // read in half of one, and a new export to the name must not be refused).
    let part = crate::store::part_name(path);
    crate::store::remove_stale_parts_beside(path);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&part)
        .and_then(|mut file| {
            std::io::Write::write_all(&mut file, &bytes)?;
            file.sync_all()
        })
        // A hard link never replaces a file that appeared meanwhile; where the
        // disk has none (a FAT stick), a rename after one more look.
        .and_then(|()| {
            std::fs::hard_link(&part, path).or_else(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists
                    || std::fs::symlink_metadata(path).is_ok()
                {
                    Err(std::io::ErrorKind::AlreadyExists.into())
                } else {
                    std::fs::rename(&part, path)
                }
            })
        });
    let _ = std::fs::remove_file(&part);
    match written {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists().into()),
        Err(e) => return Err(unwritable(e.to_string()).into()),
    }
    Ok(bundle["clients"].as_array().map_or(0, Vec::len))
}

/// A bundle as it is written: pretty JSON, sealed with the passphrase unless
/// `Plain`; `armored` seals it as text (for a terminal or a mail).
/// The bundle of `clients` (all without), swept as of `today` first: what leaves is
/// what the receiving side's check accepts, and an activity that expired since the
/// last sweep leaves with its item.
pub fn export(store: &mut Store, clients: &[i64], today: NaiveDate) -> Result<serde_json::Value> {
    super::sweep(store, today)?;
    let bundle = store.export(clients)?;
    if let Some(Some(refused)) = store.receiver()?.refusals(&[&bundle], today)?.pop() {
        return Err(would_be_refused(refused).into());
    }
    Ok(bundle)
}

/// The receiver's refusal, said by the side that was about to send.
pub fn would_be_refused(refused: InputError) -> InputError {
    match refused {
        InputError::BundleRefused { client, reason } => InputError::WouldBeRefused {
            client: client.unwrap_or_else(|| "de bundel".to_owned()),
            reason,
        },
        other => other,
    }
}

pub fn bundle_bytes(
    bundle: &serde_json::Value,
    protection: &Protection,
    armored: bool,
) -> std::result::Result<Vec<u8>, InputError> {
    let text = serde_json::to_string_pretty(bundle).map_err(|e| InputError::Unwritable {
        path: "de bundel".to_owned(),
        reason: e.to_string(),
    })? + "\n";
    match protection {
        Protection::Passphrase(passphrase) => {
            super::sealing::seal(text.as_bytes(), passphrase, armored)
        }
        Protection::Plain => Ok(text.into_bytes()),
    }
}

/// Imports a bundle in one transaction, then computes the running terms of the
/// clients' open aanvragen again, and sweeps: what expired after the bundle was made
/// gets its item now. Returns the new client ids.
pub fn import_bundle(store: &mut Store, text: &str, today: NaiveDate) -> Result<Vec<i64>> {
    let clients = store.import(text, today)?;
    settle_imported(store, clients, today)
}

/// Clients from the team's server, recorded with their ids (see
/// [`Store::import_shared`]).
pub fn import_shared(
    store: &mut Store,
    bundle: &mut serde_json::Value,
    today: NaiveDate,
    shared: &[crate::store::SharedClient],
    copies: bool,
) -> Result<Vec<i64>> {
    let clients = store.import_shared(bundle, today, shared, copies)?;
    settle_imported(store, clients, today)
}

fn settle_imported(store: &mut Store, clients: Vec<i64>, today: NaiveDate) -> Result<Vec<i64>> {
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
    super::sweep(store, today)?;
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
