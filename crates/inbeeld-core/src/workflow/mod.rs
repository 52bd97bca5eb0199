//! One function per edit: read the context, ask the rules in `domain` for the
//! effects, apply them in the store — all in one transaction. The cockpit, the
//! command line, import and the demo edit through these only, so an edit has the
//! same effect whichever way it comes in. Each returns what it did (`Done`), so the
//! caller can say so.

mod aanvragen;
mod activities;
mod appointments;
mod bundles;
mod calendar;
mod caseload;
pub mod caseload_import;
mod corrections;
mod items;
mod journal;
mod letters;
mod overview;
mod plans;
pub mod sealing;
mod sweep;

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use aanvragen::{
    add_application, adjourn, decide_application, give_hersteltermijn, receive_application,
};
pub use activities::{
    add_activity, as_informatieverzoek, close_activity, extend_activity, sanction_step,
};
pub use appointments::{
    add_appointment, appointment_warnings, cancel_appointment, move_appointment,
};
pub use bundles::import_shared;
pub use bundles::{bundle_bytes, export, import_bundle, reconcile_all, write_bundle};
pub use calendar::{add_declared_holiday, add_rule_version, declare_year_complete};
pub use caseload::{
    change_category, edit_client, end_client, end_clients, reopen_client, same_client_warning,
    set_risk_profile,
};
pub use caseload_import::{import_caseload, plan_import, ImportPlan};
pub use corrections::{correct_contact, correct_note, reopen_item, undo, undoable};
pub use items::{add_follow_up, close_item, postpone_item};
pub use journal::{add_client, add_contact, add_note};
pub use letters::send_letter;
pub use overview::{block_rows, report};
pub use plans::{
    add_goal, add_ladder_step, add_situation, goal_outcome, new_plan, set_evaluation, set_rhythm,
};
pub use sweep::{peek, sweep, SweepReport};

use crate::domain::aanvraag;
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::Catalog;
use crate::domain::effects::Effect;
use crate::domain::env::Env;
use crate::domain::summary::summary;
use crate::store::{Result, Write};

/// What an edit did: its effects in order, and the id of what it added (an item, an
/// activity, an aanvraag …) where it added one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Done {
    pub effects: Vec<Effect>,
    pub id: Option<i64>,
}

impl Done {
    /// The effects in one Dutch line, for the status line and the command line.
    pub fn summary(&self) -> String {
        summary(&self.effects, None)
    }

    /// The summary with the catalogue's names instead of codes, for the cockpit.
    pub fn summary_in(&self, catalog: &Catalog) -> String {
        summary(&self.effects, Some(catalog))
    }

    /// The id of what the edit added; 0 when it added nothing (not for callers that
    /// print it: every adding edit sets it).
    pub fn id(&self) -> i64 {
        self.id.unwrap_or_default()
    }
}

/// The catalogue and the calendar, read once per edit inside its transaction.
pub struct World {
    pub catalog: Catalog,
    pub calendar: LegalCalendar,
    pub today: NaiveDate,
}

impl World {
    pub fn read(w: &Write, today: NaiveDate) -> Result<World> {
        Ok(World {
            catalog: w.catalog()?,
            calendar: w.legal_calendar()?,
            today,
        })
    }

    pub fn env(&self) -> Env<'_> {
        Env {
            catalog: &self.catalog,
            calendar: &self.calendar,
            today: self.today,
        }
    }
}

/// Runs one edit in one transaction: `rules` reads its context and returns the
/// effects and the aanvraag it touched (if any); they are applied and returned.
pub fn edit(
    store: &mut crate::store::Store,
    today: NaiveDate,
    rules: impl FnOnce(&Write, &World) -> Result<(Vec<Effect>, Option<i64>)>,
) -> Result<Done> {
    store.write(|w| {
        let world = World::read(w, today)?;
        let (effects, touched) = rules(w, &world)?;
        apply(w, &world, effects, touched)
    })
}

/// Applies the effects in order, then brings the running terms of every aanvraag the
/// edit touched to the ends the rules give them now (a hersteltermijn handled, a
/// verdaging, a new feestdag), and returns all effects with the first added id.
pub fn apply(
    w: &Write,
    world: &World,
    effects: Vec<Effect>,
    touched: impl IntoIterator<Item = i64>,
) -> Result<Done> {
    let mut added = None;
    let mut first = None;
    let mut applications: BTreeSet<i64> = touched.into_iter().collect();
    for effect in &effects {
        let id = w.apply(effect, world.today, &mut added)?;
        first = first.or(id);
        applications.extend(application_of(effect));
    }
    let mut done = Done { effects, id: first };
    for app in applications {
        // Only running terms are brought to their end: of a decided aanvraag, the
        // bezwaartermijn.
        let ctx = w.application_context(app)?;
        for effect in aanvraag::reconcile(&ctx, &world.env()) {
            w.apply(&effect, world.today, &mut added)?;
            done.effects.push(effect);
        }
    }
    w.set_summary(&named(w, &done.effects, &done.summary_in(&world.catalog))?)?;
    Ok(done)
}

/// The summary as an undo names it: whom it is about and which item or activity
/// ("Fatima el Amrani, Contact opnemen …: afgehandeld (gesproken)"); an edit of
/// several clients at once (a handover) says how many.
fn named(w: &Write, effects: &[Effect], summary: &str) -> Result<String> {
    let ended = effects
        .iter()
        .filter(|e| matches!(e, Effect::EndClient { .. } | Effect::PlanEnd { .. }))
        .count();
    if ended > 1 {
        return Ok(format!("{ended} klanten: {summary}"));
    }
    let mut subject = None;
    for effect in effects {
        if let Some(found) = w.subject(effect)? {
            subject = Some(found);
            break;
        }
    }
    Ok(match subject {
        Some((client, Some(title))) => format!("{client}, {title}: {summary}"),
        Some((client, None)) => format!("{client}: {summary}"),
        None => summary.to_owned(),
    })
}

fn application_of(effect: &Effect) -> Option<i64> {
    match effect {
        Effect::Suspend { application, .. }
        | Effect::SetSuspensionEnd { application, .. }
        | Effect::ClipSuspension { application, .. }
        | Effect::Adjourn { application, .. }
        | Effect::ReceiveApplication { application, .. }
        | Effect::StartTerm { application, .. } => Some(*application),
        Effect::AddActivity { application, .. } => *application,
        _ => None,
    }
}
