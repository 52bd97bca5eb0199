//! Aanvragen: register, receive, give a hersteltermijn, adjourn, decide.

use chrono::NaiveDate;

use super::{apply, edit, Done, World};
use crate::domain::aanvraag::{self, ZOEKTERMIJN};
use crate::domain::effects::{Decision, Effect};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Registers an aanvraag made (under 27: a melding done) on `on`, with the terms it
/// starts. Returns the aanvraag's id.
pub fn add_application(
    store: &mut Store,
    client: i64,
    on: NaiveDate,
    under_27: bool,
    today: NaiveDate,
) -> Result<Done> {
    let found = store.client(client)?;
    store.write(|w| {
        let world = World::read(w, today)?;
        // The case starts on the melding (or receipt) and keeps that day's rules.
        let zoek = w.term_rule(ZOEKTERMIJN, on)?;
        let new = aanvraag::new_application(
            &world.env(),
            client,
            found.birth_date,
            on,
            under_27,
            Some(&zoek),
        )?;
        // The aanvraag first: its terms are computed from it as stored.
        let added = Effect::AddApplication { application: new };
        let id = w
            .apply(&added, today, &mut None)?
            .ok_or(InputError::UnknownId {
                what: "onbekende aanvraag",
                id: 0,
            })?;
        let ctx = w.application_context(id)?;
        let effects = aanvraag::opening_terms(&ctx, &world.env());
        let mut done = apply(w, &world, effects, Some(id))?;
        done.effects.insert(0, added);
        done.id = Some(id);
        Ok(done)
    })
}

/// The aanvraag of a person under 27 arrives after the zoektermijn, or before its
/// end when the municipality waives it (`waiver`: the reason).
pub fn receive_application(
    store: &mut Store,
    id: i64,
    on: NaiveDate,
    waiver: Option<&str>,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.application_context(id)?;
        Ok((aanvraag::receive(&ctx, &world.env(), on, waiver)?, Some(id)))
    })
}

/// Gives a hersteltermijn on an aanvraag. Returns the hersteltermijn's activity id.
pub fn give_hersteltermijn(
    store: &mut Store,
    id: i64,
    missing: &str,
    given: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.application_context(id)?;
        Ok((
            aanvraag::give_hersteltermijn(&ctx, &world.env(), missing, given, end)?,
            Some(id),
        ))
    })
}

/// A verdaging of the beslistermijn (Awb 4:14 lid 3).
pub fn adjourn(
    store: &mut Store,
    id: i64,
    to: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.application_context(id)?;
        Ok((aanvraag::adjourn(&ctx, &world.env(), to, reason)?, Some(id)))
    })
}

/// Records the besluit, made known on `made_known`.
pub fn decide_application(
    store: &mut Store,
    id: i64,
    decision: Decision,
    made_known: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.application_context(id)?;
        Ok((
            aanvraag::decide(&ctx, &world.env(), decision, made_known)?,
            None,
        ))
    })
}
