//! The Overzicht: the figures of a period and the rows behind a block. Reading
//! only; the figures come from the store's dated rows.

use chrono::NaiveDate;

use crate::domain::overview::{Block, BlockRow, OutOfView, Report};
use crate::domain::period::Period;
use crate::store::{Result, Store};

/// The figures of `period`, read on `today`, and every client out of view at its
/// end, longest first.
pub fn report(
    store: &Store,
    period: &Period,
    today: NaiveDate,
) -> Result<(Report, Vec<OutOfView>)> {
    store.report(period, &store.catalog()?, today)
}

/// The rows behind `block`'s figures (the in-view block's rows come with `report`).
pub fn block_rows(
    store: &Store,
    block: Block,
    period: &Period,
    today: NaiveDate,
) -> Result<Vec<BlockRow>> {
    store.block_rows(block, period, today)
}
