//! Expiry: every open activity whose end date is reached gets exactly one work item
//! for that end date — no escape for client or klantmanager.

use chrono::NaiveDate;

use crate::domain::aanvraag::four_weeks;
use crate::domain::appointment::{lapse_reminders, reminder_horizon};
use crate::domain::effects::Effect;
use crate::domain::lifecycle::planned_end_due;
use crate::domain::sweep as rules;
use crate::store::{Result, Store};

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
///   their lead days; the bezwaartermijn: after the week of Awb 6:9) gets exactly
///   one work item for that end date.
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
                if let Some(item) = rules::expiry(activity_type, &activity, &calendar, today) {
                    report.expired += usize::from(w.apply(&item, today, &mut added)?.is_some());
                }
            }
        }
        let horizon = reminder_horizon(today, &calendar);
        for due in w.reminders_due(today, horizon)? {
            if let Some(item) = rules::reminder(&due, &calendar, today) {
                report.reminders += usize::from(w.apply(&item, today, &mut added)?.is_some());
            }
        }
        for effect in lapse_reminders(&w.reminders_passed(today)?, today) {
            w.apply(&effect, today, &mut added)?;
            report.lapsed += 1;
        }
        for lapsed in w.rhythm_lapsed(today)? {
            let Some(period) = rules::rhythm_period(&lapsed, today) else {
                continue;
            };
            let handled = w.rhythm_item_on(lapsed.client_id, period.0)?;
            if let Some(item) = rules::rhythm_item(&lapsed, period, handled, today) {
                report.rhythm += usize::from(w.apply(&item, today, &mut added)?.is_some());
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
