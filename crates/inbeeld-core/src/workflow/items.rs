//! Handling work items: close with an outcome, postpone, add a vervolgactie.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::effects::Effect;
use crate::domain::error::required_text;
use crate::domain::handling::{self, CloseRequest};
use crate::domain::InputError;
use crate::store::{Result, Store};

/// Handles a work item with an outcome; what follows is the outcome's effect.
pub fn close_item(
    store: &mut Store,
    id: i64,
    request: &CloseRequest,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.item_context(&world.catalog, id)?;
        let touched = ctx
            .activity
            .as_ref()
            .and_then(|a| a.application.as_ref())
            .map(|app| app.application.id);
        Ok((handling::close_item(&world.env(), &ctx, request)?, touched))
    })
}

/// Moves an item to a later date, with a reason.
pub fn postpone_item(
    store: &mut Store,
    id: i64,
    to: NaiveDate,
    reason: &str,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.item_context(&world.catalog, id)?;
        Ok((
            handling::postpone_item(&world.env(), &ctx, to, reason)?,
            None,
        ))
    })
}

/// A klantmanager's own follow-up (vervolgactie), due today or later.
pub fn add_follow_up(
    store: &mut Store,
    client: i64,
    title: &str,
    due: NaiveDate,
    today: NaiveDate,
) -> Result<Done> {
    let title = required_text("de titel", title)?;
    if due < today {
        return Err(InputError::InPast {
            what: "de vervaldatum",
            date: due,
            today,
        }
        .into());
    }
    store.client(client)?;
    edit(store, today, |_, _| {
        Ok((vec![Effect::AddFollowUp { client, title, due }], None))
    })
}
