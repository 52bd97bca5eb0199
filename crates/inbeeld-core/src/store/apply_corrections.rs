//! Applying the effects of the klantmanager's corrections and of a client's course
//! through the caseload: details edited, doorstroom, uitstroom and heraanmelding, an
//! afspraak moved, a work item reopened, a note or contact corrected. Each keeps
//! what was there before: in its own history table, and in the audit row.

use chrono::NaiveDate;
use rusqlite::params;
use serde_json::json;

use super::error::Result;
use super::Write;
use crate::clock;
use crate::domain::bsn::Bsn;
use crate::domain::effects::{ClientDetails, Effect};

/// The audit log keeps a BSN masked: it is read more widely than the file.
fn audited(details: &ClientDetails) -> serde_json::Value {
    let mut value = json!(details);
    value["bsn"] = json!(details
        .bsn
        .as_deref()
        .and_then(|b| Bsn::parse(b).ok())
        .map(|b| b.masked()));
    value
}

impl Write<'_> {
    pub(super) fn apply_correction(&self, effect: &Effect, today: NaiveDate) -> Result<()> {
        let tx = self.tx();
        let now = clock::now_utc();
        match effect {
            Effect::UpdateClient { client, old, new } => {
                tx.execute(
                    "UPDATE clients SET name = ?2, bsn = ?3, birth_date = ?4, phone = ?5,
                         email = ?6, contact_preference = ?7, given_name = ?8,
                         name_prefix = ?9, surname = ?10, street = ?11, house_number = ?12,
                         house_number_addition = ?13, postcode = ?14, city = ?15
                     WHERE id = ?1",
                    params![
                        client,
                        new.name,
                        new.bsn,
                        new.birth_date,
                        new.phone,
                        new.email,
                        new.contact_preference,
                        new.parts.given,
                        new.parts.prefix,
                        new.parts.surname,
                        new.address.street,
                        new.address.house_number,
                        new.address.addition,
                        new.address.postcode,
                        new.address.city
                    ],
                )?;
                self.audit(
                    "client.edit",
                    "client",
                    *client,
                    json!({ "old": audited(old), "new": audited(new) }),
                )?;
            }
            Effect::ChangeCategory {
                client,
                from,
                to,
                on,
                reason,
            } => {
                tx.execute(
                    "UPDATE clients SET category_code = ?2 WHERE id = ?1",
                    params![client, to],
                )?;
                tx.execute(
                    "INSERT INTO category_changes (client_id, from_code, to_code, changed_on, reason,
                         created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![client, from, to, on, reason, now],
                )?;
                self.audit(
                    "client.category",
                    "client",
                    *client,
                    json!({ "old": { "category": from }, "new": { "category": to },
                            "on": on, "reason": reason }),
                )?;
            }
            Effect::EndClient { client, on, reason } => {
                tx.execute(
                    "UPDATE clients SET ended_on = ?2, end_reason = ?3, ending_on = NULL,
                         ending_reason = NULL, ending_settles = 0
                     WHERE id = ?1",
                    params![client, on, reason],
                )?;
                tx.execute(
                    "INSERT INTO client_ends (client_id, ended_on, reason, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![client, on, reason, now],
                )?;
                self.audit(
                    "client.end",
                    "client",
                    *client,
                    json!({ "ended_on": on, "reason": reason }),
                )?;
            }
            Effect::PlanEnd {
                client,
                on,
                reason,
                settle,
            } => {
                tx.execute(
                    "UPDATE clients SET ending_on = ?2, ending_reason = ?3, ending_settles = ?4
                     WHERE id = ?1",
                    params![client, on, reason, settle],
                )?;
                self.audit(
                    "client.plan_end",
                    "client",
                    *client,
                    json!({ "ending_on": on, "reason": reason, "settle": settle }),
                )?;
            }
            Effect::CancelPlannedEnd { client, on, reason } => {
                tx.execute(
                    "UPDATE clients SET ending_on = NULL, ending_reason = NULL, ending_settles = 0
                     WHERE id = ?1",
                    [client],
                )?;
                self.audit(
                    "client.cancel_end",
                    "client",
                    *client,
                    json!({ "old": { "ending_on": on, "reason": reason } }),
                )?;
            }
            Effect::ReopenClient {
                client,
                ended_on,
                reason,
            } => {
                tx.execute(
                    "UPDATE clients SET ended_on = NULL, end_reason = NULL WHERE id = ?1",
                    [client],
                )?;
                // A return before the recorded end (an end dated ahead) counts from the end.
                tx.execute(
                    "UPDATE client_ends SET returned_on = max(ended_on, ?2)
                     WHERE client_id = ?1 AND returned_on IS NULL AND undone_at IS NULL",
                    params![client, today],
                )?;
                self.audit(
                    "client.reopen",
                    "client",
                    *client,
                    json!({ "old": { "ended_on": ended_on, "reason": reason }, "on": today }),
                )?;
            }
            Effect::MoveAppointment {
                activity,
                from,
                to,
                time,
                channel,
            } => {
                // Planned anew today when its day moved: its reminder counts from now.
                tx.execute(
                    "UPDATE activities SET start_date = ?2, end_date = ?2, appointment_time = ?3,
                         channel_code = ?4,
                         planned_on = CASE WHEN end_date = ?2 THEN planned_on ELSE ?5 END
                     WHERE id = ?1",
                    params![activity, to, time, channel, today],
                )?;
                self.audit(
                    "appointment.move",
                    "activity",
                    *activity,
                    json!({ "old": { "date": from }, "new": { "date": to, "time": time,
                            "channel": channel } }),
                )?;
            }
            Effect::ReopenItem { item, reason } => {
                tx.execute(
                    "INSERT INTO reopenings (work_item_id, outcome_code, outcome_note, closed_at,
                         reason, at)
                     SELECT id, outcome_code, outcome_note, closed_at, ?2, ?3 FROM work_items
                     WHERE id = ?1 AND status = 'closed'",
                    params![item, reason, now],
                )?;
                tx.execute(
                    "UPDATE work_items SET status = 'open', outcome_code = NULL,
                         outcome_note = NULL, closed_at = NULL, closed_on = NULL WHERE id = ?1",
                    [item],
                )?;
                self.audit(
                    "work_item.reopen",
                    "work_item",
                    *item,
                    json!({ "reason": reason }),
                )?;
            }
            Effect::ReopenActivity { activity } => {
                tx.execute(
                    "UPDATE activities SET status = 'open', outcome_code = NULL,
                         outcome_note = NULL, closed_on = NULL WHERE id = ?1",
                    [activity],
                )?;
                self.audit("activity.reopen", "activity", *activity, json!({}))?;
            }
            Effect::CorrectNote { note, from, to } => {
                tx.execute(
                    "INSERT INTO note_corrections (note_id, original, corrected, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        note,
                        json!({ "text": from }).to_string(),
                        json!({ "text": to }).to_string(),
                        now
                    ],
                )?;
                tx.execute(
                    "UPDATE notes SET text = ?2 WHERE id = ?1",
                    params![note, to],
                )?;
                self.audit(
                    "note.correct",
                    "note",
                    *note,
                    json!({ "old": { "text": from }, "new": { "text": to } }),
                )?;
            }
            Effect::CorrectContact { contact, old, new } => {
                tx.execute(
                    "INSERT INTO contact_corrections (contact_id, original, corrected, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![contact, json!(old).to_string(), json!(new).to_string(), now],
                )?;
                tx.execute(
                    "UPDATE contacts SET contact_date = ?2, channel_code = ?3, note = ?4
                     WHERE id = ?1",
                    params![contact, new.date, new.channel, new.note],
                )?;
                self.audit(
                    "contact.correct",
                    "contact",
                    *contact,
                    json!({ "old": old, "new": new }),
                )?;
            }
            _ => {}
        }
        Ok(())
    }
}
