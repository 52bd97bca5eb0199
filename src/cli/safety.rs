//! `inbeeld backup`, `inbeeld check` and `inbeeld restore`.

use std::path::Path;

use anyhow::anyhow;

use super::output;
use super::Context;
use crate::domain::InputError;
use crate::store::{CheckReport, Store};
use crate::workflow::sealing::{self, Protection};
use crate::{clock, tui};

pub fn run_backup(ctx: &Context, path: &Path) -> anyhow::Result<()> {
    ctx.open()?.backup_to(path)?;
    output::line(&format!("Reservekopie geschreven naar {}", path.display()))
}

/// Prints what the check found; a file that is not in order ends with exit code 1.
pub fn run_check(ctx: &Context, json: bool) -> anyhow::Result<()> {
    // Like every command that reads the werkvoorraad, the check sweeps first; then
    // it verifies the sweep's result independently. A damaged file is not swept
    // (nor written at all): it is checked as it is, and the report says what is
    // wrong instead of pointing back to the check.
    let report = match ctx.open_swept() {
        Ok(store) => store.check(ctx.today)?,
        // A file too damaged to open at all is reported as such, too.
        Err(err) if super::damage(&err).is_some() => Store::open(&ctx.db)
            .and_then(|store| store.check(ctx.today))
            .unwrap_or_else(|err| CheckReport {
                integrity: vec![err.to_string()],
                ..CheckReport::default()
            }),
        Err(err) => return Err(err),
    };
    if json {
        output::json(&report)?;
    } else {
        let mut text = String::new();
        let integrity = if report.integrity == ["ok"] {
            "in orde".to_owned()
        } else {
            report.integrity.join("; ")
        };
        text.push_str(&format!("bestand (integrity_check): {integrity}\n"));
        text.push_str(&format!(
            "verwijzingen (foreign keys): {}\n",
            if report.foreign_keys.is_empty() {
                "in orde".to_owned()
            } else {
                report.foreign_keys.join("; ")
            }
        ));
        text.push_str(&format!(
            "regels van inbeeld: {}",
            if report.invariants.is_empty() {
                "in orde".to_owned()
            } else {
                report.invariants.join("; ")
            }
        ));
        output::line(&text)?;
    }
    if report.is_ok() {
        Ok(())
    } else {
        Err(anyhow!(
            "de controle vond problemen in {}",
            ctx.db.display()
        ))
    }
}

/// The current file is kept beside it, named by the moment of the restore.
pub fn run_restore(ctx: &Context, from: &Path) -> anyhow::Result<()> {
    let stamp: String = clock::now_utc()
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(14)
        .collect();
    let keep = ctx
        .db
        .with_extension(format!("voor-herstel-{stamp}.sqlite"));
    // A cockpit would go on showing (and acting on) rows of the file as it was.
    let _lock = tui::cockpit_lock(&ctx.db)?.ok_or_else(|| InputError::CockpitOpen {
        path: ctx.db.display().to_string(),
        what: "de reservekopie worden teruggezet",
    })?;
    // Not through the day's check and backup: the file being replaced may be the
    // damaged one this restore is for.
    Store::open(&ctx.db)?.restore_from(from, &keep)?;
    output::line(&format!(
        "{} teruggezet; de database van daarvoor staat in {}",
        from.display(),
        keep.display()
    ))
}

/// Writes a handover bundle (never over an existing file) or prints it, sealed with
/// a passphrase unless `plain`; with `end`, the clients are then ended as
/// `overgedragen`, their open work lapsing with that reason.
pub fn run_export(
    ctx: &Context,
    clients: &[i64],
    out: Option<&Path>,
    end: bool,
    plain: bool,
) -> anyhow::Result<()> {
    if end && (out.is_none() || clients.is_empty()) {
        return Err(crate::domain::InputError::EndNeedsFileAndClients.into());
    }
    let protection = if plain {
        Protection::Plain
    } else {
        Protection::Passphrase(super::passphrase::for_sealing()?)
    };
    let Some(path) = out else {
        // Sealed as text, so that it can go through a terminal or a mail.
        let bundle = crate::workflow::export(&mut ctx.open()?, clients, ctx.today)?;
        let bytes = crate::workflow::bundle_bytes(&bundle, &protection, true)?;
        return output::line(String::from_utf8_lossy(&bytes).trim_end());
    };
    let mut store = ctx.open()?;
    let count = crate::workflow::write_bundle(&mut store, clients, path, &protection, ctx.today)?;
    let how = match protection {
        Protection::Plain => "onversleuteld",
        Protection::Passphrase(_) => "versleuteld",
    };
    output::line(&format!("{count} klant(en) in {} ({how})", path.display()))?;
    if end {
        let done = crate::workflow::end_clients(
            &mut store,
            clients,
            ctx.today,
            crate::domain::lifecycle::HANDED_OVER,
            true,
            ctx.today,
        )?;
        output::line(&format!(
            "{count} klant(en) uitgeschreven als overgedragen; {}",
            done.summary()
        ))?;
    }
    Ok(())
}

pub fn run_import(ctx: &Context, path: &Path) -> anyhow::Result<()> {
    let unreadable = |reason: String| crate::domain::InputError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let text = if sealing::is_sealed(&bytes) {
        let passphrase = super::passphrase::for_opening()?;
        sealing::unseal(&bytes, &passphrase, &path.display().to_string())?
    } else {
        String::from_utf8(bytes).map_err(|_| unreadable("het is geen tekst".to_owned()))?
    };
    let ids = crate::workflow::import_bundle(&mut ctx.open()?, &text, ctx.today)?;
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    output::line(&format!(
        "{} klant(en) geïmporteerd: {}",
        ids.len(),
        list.join(", ")
    ))
}
