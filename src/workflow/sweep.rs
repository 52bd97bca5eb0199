//! Expiry: every open activity whose end date is reached gets exactly one work item
//! for that end date — no escape for client or klantmanager.

use chrono::NaiveDate;

use crate::domain::appointment::{lapse_reminders, reminder_due, reminder_horizon};
use crate::domain::client::rhythm_due;
use crate::domain::date::{add_days, dutch};
use crate::domain::work_item::expiry_title;
use crate::store::{NewExpiryItem, Result, Store};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Work items created by this sweep: expiries, reminders and rhythm items.
    pub created: usize,
    pub expired: usize,
    pub reminders: usize,
    pub rhythm: usize,
    /// Reminders (nabellen) that lapsed because their afspraak has come.
    pub lapsed: usize,
}

/// Runs the sweep for `today` in one transaction. Safe to repeat and to run from
/// several processes at once: what exists is not made again.
///
/// - Expiry: every open activity whose end date is reached (legal terms: within
///   their lead days) gets exactly one work item for that end date.
/// - Nabellen: an appointment raises a reminder item the working day before; one
///   not handled by the day of the afspraak lapses (`vervallen`).
/// - Contact rhythm: a client not spoken to within the category's rhythm raises one
///   "contact opnemen" item per overdue period, due on the day the rhythm ran out.
pub fn sweep(store: &mut Store, today: NaiveDate) -> Result<SweepReport> {
    store.write_unjournaled(|w| {
        let mut report = SweepReport::default();
        let expired = w.expired_activities(today)?;
        if !expired.is_empty() {
            let catalog = w.catalog()?;
            for activity in expired {
                let activity_type = catalog.activity_type(&activity.type_code)?;
                let due_date = add_days(activity.end_date, activity_type.due_offset_days.max(0));
                let title = expiry_title(activity_type, &activity.title);
                let created = w.insert_expiry_item(&NewExpiryItem {
                    activity_id: activity.activity_id,
                    client_id: activity.client_id,
                    kind: &activity_type.expiry_kind,
                    title: &title,
                    due_date,
                    cycle_end: activity.end_date,
                })?;
                report.expired += usize::from(created);
            }
        }
        let calendar = w.legal_calendar()?;
        let horizon = reminder_horizon(today, &calendar);
        for due in w.reminders_due(today, horizon)? {
            let Some(due_date) =
                reminder_due(due.date, due.reminder_days, due.made_on, today, &calendar)
            else {
                continue;
            };
            let title = format!("Nabellen: herinner aan de afspraak — {}", due.title);
            report.reminders += usize::from(w.insert_reminder_item(&due, &title, due_date)?);
        }
        let mut added = None;
        for effect in lapse_reminders(&w.reminders_passed(today)?, today) {
            w.apply(&effect, today, &mut added)?;
            report.lapsed += 1;
        }
        for lapsed in w.rhythm_lapsed(today)? {
            if let Some(due) = rhythm_due(lapsed.since, lapsed.rhythm_days, today) {
                // Out of view from the first day after the rhythm.
                let out_of_view = add_days(lapsed.since, lapsed.rhythm_days + 1);
                let title = format!(
                    "Contact opnemen: niet in beeld sinds {} (ritme {} dagen)",
                    dutch(out_of_view),
                    lapsed.rhythm_days
                );
                report.rhythm +=
                    usize::from(w.insert_rhythm_item(lapsed.client_id, due, &title)?);
            }
        }
        report.created = report.expired + report.reminders + report.rhythm;
        Ok(report)
    })
}

/// The caseload as it will stand on `day` when nothing is done before then: a copy
/// of `store` in memory, swept on that day. The file is not written; what the sweep
/// raised goes with the copy.
pub fn peek(store: &Store, day: NaiveDate) -> Result<Store> {
    let mut copy = store.in_memory_copy()?;
    sweep(&mut copy, day)?;
    Ok(copy)
}
