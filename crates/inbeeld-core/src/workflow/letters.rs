//! Letters in the dossier: a letter made (in `inbeeld-letters`) is recorded by its
//! rule; sent, it counts as a contact by letter.

use chrono::NaiveDate;

use super::{apply, Done, World};
use crate::domain::letter;
use crate::store::{Store, StoreError};

/// The klantmanager confirms letter `id` was sent on `on`.
pub fn send_letter(
    store: &mut Store,
    id: i64,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<Done, StoreError> {
    store.write(|w| {
        let world = World::read(w, today)?;
        let found = w.letter(id)?;
        let effects = letter::sent(&found, on, today)?;
        apply(w, &world, effects, None)
    })
}
