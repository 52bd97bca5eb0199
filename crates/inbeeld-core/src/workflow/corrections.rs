//! Corrections: undo the last edit, reopen a handled item, correct a note or a
//! contact. Nothing is deleted; the original stays in the history.

use chrono::NaiveDate;

use super::{edit, Done};
use crate::domain::aanvraag::BEZWAARTERMIJN;
use crate::domain::corrections;
use crate::domain::effects::OutcomeEffect;
use crate::store::{EditInfo, Result, Store};

/// What an undo would reverse now, to name it before the klantmanager confirms;
/// refused at once (not after the question) when that edit cannot be undone.
pub fn undoable(store: &Store, today: NaiveDate) -> Result<Option<EditInfo>> {
    let Some(edit) = store.last_undoable(today)? else {
        return Ok(None);
    };
    match store.undo_refusal(edit.id)? {
        Some(refusal) => Err(refusal.into()),
        None => Ok(Some(edit)),
    }
}

/// Undoes edit `expected` (the one the klantmanager confirmed).
pub fn undo(store: &mut Store, expected: i64, today: NaiveDate) -> Result<EditInfo> {
    store.undo(expected, today)
}

pub fn reopen_item(store: &mut Store, id: i64, reason: &str, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, world| {
        let ctx = w.item_context(&world.catalog, id)?;
        let finished = w.closed_activity_of_item(id)?;
        let touched = ctx
            .activity
            .as_ref()
            .and_then(|a| a.application.as_ref())
            .map(|app| app.application.id);
        // The terms the besluit settled; the bezwaartermijn runs after it.
        let decided = ctx
            .activity
            .as_ref()
            .filter(|a| a.term.as_ref().is_some_and(|r| r.code != BEZWAARTERMIJN))
            .and_then(|a| a.application.as_ref())
            .filter(|app| !app.application.is_open())
            .map(|app| app.application.id);
        // An outcome its kind does not name (an undo's mark) is the program's too.
        let handled = ctx.outcome.as_deref().map(|o| {
            (
                o,
                ctx.kind.effect_of(o).unwrap_or(OutcomeEffect::ClientEnded),
            )
        });
        Ok((
            corrections::reopen_item(id, ctx.item.status, handled, finished, decided, reason)?,
            touched,
        ))
    })
}

pub fn correct_note(store: &mut Store, id: i64, text: &str, today: NaiveDate) -> Result<Done> {
    edit(store, today, |w, _| {
        let note = w.note(id)?;
        Ok((corrections::correct_note(&note, text)?, None))
    })
}

pub fn correct_contact(
    store: &mut Store,
    id: i64,
    date: Option<NaiveDate>,
    channel: Option<&str>,
    note: Option<&str>,
    today: NaiveDate,
) -> Result<Done> {
    edit(store, today, |w, world| {
        let contact = w.contact(id)?;
        Ok((
            corrections::correct_contact(&contact, date, channel, note, &world.catalog, today)?,
            None,
        ))
    })
}
