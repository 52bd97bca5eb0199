//! Expiry: every open activity whose end date is reached gets exactly one work item
//! for that end date — no escape for client or klantmanager.

use chrono::{Days, NaiveDate};

use crate::domain::work_item::expiry_title;
use crate::store::{NewExpiryItem, Result, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Work items created by this sweep.
    pub created: usize,
}

/// Runs the sweep for `today` in one transaction. Safe to repeat and to run from
/// several processes at once: what exists is not made again.
pub fn sweep(store: &mut Store, today: NaiveDate) -> Result<SweepReport> {
    store.write(|w| {
        let expired = w.expired_activities(today)?;
        if expired.is_empty() {
            return Ok(SweepReport::default());
        }
        let catalog = w.catalog()?;
        let mut report = SweepReport::default();
        for activity in expired {
            let activity_type = catalog.activity_type(&activity.type_code)?;
            let due_date = activity
                .end_date
                .checked_add_days(Days::new(activity_type.due_offset_days.max(0) as u64))
                .unwrap_or(activity.end_date);
            let title = expiry_title(activity_type, &activity.title);
            let created = w.insert_expiry_item(&NewExpiryItem {
                activity_id: activity.activity_id,
                client_id: activity.client_id,
                kind: &activity_type.expiry_kind,
                title: &title,
                due_date,
                cycle_end: activity.end_date,
            })?;
            report.created += usize::from(created);
        }
        Ok(report)
    })
}
