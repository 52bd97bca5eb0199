//! Expiry: every open activity whose end date is reached gets exactly one work item
//! for that end date — no escape for client or klantmanager.

use chrono::NaiveDate;

use crate::domain::aanvraag::four_weeks;
use crate::domain::appointment::{lapse_reminders, reminder_due, reminder_horizon};
use crate::domain::client::{out_of_view_from, rhythm_due};
use crate::domain::date::dutch;
use crate::domain::effects::Effect;
use crate::domain::lifecycle::planned_end_due;
use crate::domain::work_item::{expiry_due, expiry_title};
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
    /// Buiten-behandeling terms (Awb 4:5 lid 4) started because a hersteltermijn
    /// ran out unused.
    pub terms: usize,
    /// Clients whose planned uitstroom day came.
    pub ended: usize,
}

/// Runs the sweep for `today` in one transaction. Safe to repeat and to run from
/// several processes at once: what exists is not made again.
///
/// - Uitstroom planned for today (or a day the sweep did not run) ends the client
///   by the rule of `client end`, or becomes a work item where that rule refuses.
/// - Awb 4:5 lid 4: from the day after a hersteltermijn of an undecided aanvraag
///   ran out unused, the four weeks to make the buiten-behandeling besluit known
///   run, with their § item, whatever was recorded.
/// - Expiry: every open activity whose end date is reached (legal terms: within
///   their lead days) gets exactly one work item for that end date.
/// - Nabellen: an appointment raises a reminder item the working day before; one
///   not handled by the day of the afspraak lapses (`vervallen`).
/// - Contact rhythm: a client not spoken to within the category's rhythm raises one
///   "contact opnemen" item per overdue period, due on the day the rhythm ran out.
pub fn sweep(store: &mut Store, today: NaiveDate) -> Result<SweepReport> {
    store.write_unjournaled(|w| {
        let mut report = SweepReport::default();
        let mut added = None;
        let ending = w.planned_ends_due(today)?;
        if !ending.is_empty() {
            let catalog = w.catalog()?;
            for id in ending {
                let client = w.client(id)?;
                let open = w.open_work(id)?;
                for effect in planned_end_due(&client, &open, &catalog, today) {
                    report.ended += usize::from(matches!(effect, Effect::EndClient { .. }));
                    w.apply(&effect, today, &mut added)?;
                }
            }
        }
        let ran_out = w.herstel_ran_out(today)?;
        if !ran_out.is_empty() {
            let world = super::World::read(w, today)?;
            for app in ran_out {
                let ctx = w.application_context(app)?;
                if let Some(term) = four_weeks(&ctx, &world.env()) {
                    w.apply(&term, today, &mut added)?;
                    report.terms += 1;
                }
            }
        }
        let calendar = w.legal_calendar()?;
        let expired = w.expired_activities(today)?;
        if !expired.is_empty() {
            let catalog = w.catalog()?;
            for activity in expired {
                let activity_type = catalog.activity_type(&activity.type_code)?;
                let due_date = expiry_due(activity_type, activity.end_date, &calendar);
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
        for effect in lapse_reminders(&w.reminders_passed(today)?, today) {
            w.apply(&effect, today, &mut added)?;
            report.lapsed += 1;
        }
        for lapsed in w.rhythm_lapsed(today)? {
            if let Some(due) = rhythm_due(lapsed.since, lapsed.rhythm_days, today) {
                // Out of view from the first day after the rhythm, or the change of
                // category that put the client out of view.
                let out_of_view = out_of_view_from(lapsed.since, lapsed.rhythm_days, lapsed.change);
                let due = due.max(out_of_view);
                let title = format!(
                    "Contact opnemen: niet in beeld sinds {} (ritme {} dagen)",
                    dutch(out_of_view),
                    lapsed.rhythm_days
                );
                let mut created = w.insert_rhythm_item(lapsed.client_id, due, &title)?;
                if !created && due != today {
                    // The item of this period was handled without bringing the
                    // client back in view (a contact corrected to an earlier day):
                    // nobody out of view goes without an open item.
                    let title = format!(
                        "Contact opnemen: nog steeds niet in beeld sinds {} (ritme {} dagen)",
                        dutch(out_of_view),
                        lapsed.rhythm_days
                    );
                    created = w.insert_rhythm_item(lapsed.client_id, today, &title)?;
                }
                report.rhythm += usize::from(created);
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
