//! Appointments (afspraken): an activity on one day, with a time and a channel. The
//! sweep reminds the day before (nabellen); after it, the opkomst is registered.

use super::error::Result;
use super::Store;

impl Store {
    /// Registered no-shows of a client.
    pub fn no_shows(&self, client_id: i64) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM contacts WHERE client_id = ?1 AND no_show = 1 AND undone_at IS NULL",
            [client_id],
            |r| r.get(0),
        )?)
    }
}
