//! Clients, contacts and notes.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::assessment;
use crate::domain::client::NewClient;
use crate::domain::handling;
use crate::domain::journal::{NewContact, NewNote};
use crate::domain::lifecycle;
use crate::store::{Result, Store};

/// Registers a client; `today` starts the contact rhythm.
pub fn add_client(store: &mut Store, new: &NewClient, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, world| {
        let bsn_of = match &new.bsn {
            Some(bsn) => w.client_with_bsn(bsn.as_str(), 0)?,
            None => None,
        };
        Ok((
            lifecycle::add_client(new, bsn_of, &world.catalog, today)?,
            None,
        ))
    })
}

/// A contact that took place: it brings the client back in view when it is recent
/// enough, and then handles the open "contact opnemen" items.
pub fn add_contact(store: &mut Store, new: &NewContact, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, world| {
        let client = w.client_context(&world.catalog, new.client_id)?;
        let effects = handling::add_contact(
            &world.env(),
            &client,
            &new.channel,
            new.date,
            new.note.clone(),
        )?;
        Ok((effects, None))
    })
}

/// A note in the dossier's journal, dated `new.date`.
pub fn add_note(store: &mut Store, new: &NewNote, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, _| {
        w.client(new.client_id)?;
        Ok((assessment::add_note(new)?, None))
    })
}
