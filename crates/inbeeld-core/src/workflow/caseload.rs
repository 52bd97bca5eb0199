//! A client's course through the caseload: details, doorstroom, uitstroom,
//! heraanmelding.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::client::NewClient;
use crate::domain::effects::Effect;
use crate::domain::lifecycle::{self, ClientEdit};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Before registering: a client with the same name and birth date may be the same
/// person. A warning, not a refusal (two people can share both); the same BSN is
/// refused when storing.
pub fn same_client_warning(store: &Store, new: &NewClient) -> Result<Option<String>> {
    Ok(store
        .same_name_and_birth(&new.name, new.birth_date)?
        .map(|id| InputError::SameNameAndBirth(id).to_string()))
}

pub fn edit_client(
    store: &mut Store,
    id: i64,
    change: &ClientEdit,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let client = w.client(id)?;
        let effects = lifecycle::edit_client(&client, change, &world.catalog, today)?;
        for effect in &effects {
            if let Effect::UpdateClient { new, .. } = effect {
                if let Some(bsn) = &new.bsn {
                    if let Some(other) = w.client_with_bsn(bsn, id)? {
                        return Err(InputError::DuplicateBsn(other).into());
                    }
                }
            }
        }
        Ok((effects, None))
    })
}

/// The client's risk profile (`code`, one of the catalogue's): the heronderzoek
/// cycle follows it.
pub fn set_risk_profile(store: &mut Store, id: i64, code: &str, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, world| {
        let client = w.client(id)?;
        let profile = world.catalog.risk_profile(code.trim())?.clone();
        let running = w.running_heronderzoek(id)?;
        let effects = crate::domain::risk::set_profile(
            &world.env(),
            id,
            client.risk_profile.as_deref(),
            &profile,
            running.as_ref(),
        )?;
        Ok((effects, None))
    })
}

pub fn change_category(
    store: &mut Store,
    id: i64,
    to: &str,
    on: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let client = w.client(id)?;
        let ctx = lifecycle::ChangeContext {
            last_change: w.last_category_change(id)?,
            in_view: w.client_context(&world.catalog, id)?,
        };
        let effects =
            lifecycle::change_category(&client, &ctx, (to, on, reason), &world.catalog, today)?;
        Ok((effects, None))
    })
}

/// Uitstroom; with `settle` the open work lapses with the uitstroom as reason.
pub fn end_client(
    store: &mut Store,
    id: i64,
    on: NaiveDate,
    reason: &str,
    settle: bool,
    today: NaiveDate,
) -> Result<Done> {
    end_clients(store, &[id], on, reason, settle, today)
}

/// Ends several clients in one edit (after a handover): all of them, or none when
/// one is refused. One undo takes them all back.
pub fn end_clients(
    store: &mut Store,
    ids: &[i64],
    on: NaiveDate,
    reason: &str,
    settle: bool,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let mut effects = Vec::new();
        for &id in ids {
            let client = w.client(id)?;
            let open = w.open_work(id)?;
            effects.extend(lifecycle::end_client(
                &client,
                &open,
                on,
                reason,
                settle,
                &world.catalog,
                today,
            )?);
        }
        Ok((effects, None))
    })
}

/// Heraanmelding.
pub fn reopen_client(store: &mut Store, id: i64, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, _| {
        let client = w.client(id)?;
        Ok((lifecycle::reopen_client(&client)?, None))
    })
}
