//! Corrections: a handled work item taken back, a note or a contact put right. The
//! original stays in the history; nothing leaves the werkvoorraad without an
//! outcome, and nothing is deleted.

use chrono::NaiveDate;

use super::aanvraag::dated;
use super::catalog::Catalog;
use super::effects::{ContactDetails, Effect, OutcomeEffect};
use super::error::{optional_text, required_text};
use super::journal::{Contact, Note};
use super::work_item::ItemStatus;
use super::InputError;

/// A handled item comes back into the werkvoorraad as it was, with `reason`; the
/// activity its handling finished comes back with it (`finished`: that activity
/// when it is closed), so that the item can be handled again. A term of a decided
/// aanvraag (`decided`: its id) stays closed: the besluit ended it, not a handling.
/// Only a handling that did nothing but close (`handled`: its outcome and what that
/// outcome does) is taken back this way: one that recorded a contact, moved a date
/// or planned what follows is taken back by undo, which reverses all of it, so that
/// nothing it set in motion stays behind. "Nothing came" sets nothing in motion of
/// its own: the four weeks of Awb 4:5 lid 4 run whatever was recorded, and stop when
/// the documents are recorded after all.
pub fn reopen_item(
    item: i64,
    status: ItemStatus,
    handled: Option<(&str, OutcomeEffect)>,
    finished: Option<i64>,
    decided: Option<i64>,
    reason: &str,
) -> Result<Vec<Effect>, InputError> {
    if status == ItemStatus::Open {
        return Err(InputError::ItemStillOpen { id: item });
    }
    if let Some(application) = decided {
        return Err(InputError::ReopenDecidedTerm { item, application });
    }
    let only_closed =
        |e: &OutcomeEffect| matches!(e, OutcomeEffect::Finish | OutcomeEffect::NotReceived);
    if let Some((outcome, effect)) = handled.filter(|(_, e)| !only_closed(e)) {
        return Err(InputError::ReopenWithEffects {
            item,
            outcome: outcome.to_owned(),
            by_hand: effect.by_hand(),
        });
    }
    let reason = required_text("de reden", reason)?;
    let mut effects = vec![Effect::ReopenItem { item, reason }];
    if let Some(activity) = finished {
        effects.push(Effect::ReopenActivity { activity });
    }
    Ok(effects)
}

pub fn correct_note(note: &Note, text: &str) -> Result<Vec<Effect>, InputError> {
    let text = required_text("de tekst", text)?;
    if text == note.text {
        return Err(InputError::NothingChanged);
    }
    Ok(vec![Effect::CorrectNote {
        note: note.id,
        from: note.text.clone(),
        to: text,
    }])
}

/// A contact's date, channel or note corrected; `None` keeps a field, an empty note
/// clears it. The date stays a day that happened.
pub fn correct_contact(
    contact: &Contact,
    date: Option<NaiveDate>,
    channel: Option<&str>,
    note: Option<&str>,
    catalog: &Catalog,
    today: NaiveDate,
) -> Result<Vec<Effect>, InputError> {
    let old = ContactDetails {
        date: contact.date,
        channel: contact.channel.clone(),
        note: contact.note.clone(),
    };
    let mut new = old.clone();
    if let Some(date) = date {
        dated("de datum van het contact", date, None, today)?;
        new.date = date;
    }
    if let Some(channel) = channel {
        new.channel = catalog.channel(channel.trim())?.code.clone();
    }
    if let Some(note) = note {
        new.note = optional_text(Some(note));
    }
    if new == old {
        return Err(InputError::NothingChanged);
    }
    Ok(vec![Effect::CorrectContact {
        contact: contact.id,
        old,
        new,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_handled_item_reopens_and_only_with_a_reason() {
        assert_eq!(
            reopen_item(4, ItemStatus::Open, None, None, None, "x"),
            Err(InputError::ItemStillOpen { id: 4 })
        );
        assert_eq!(
            reopen_item(4, ItemStatus::Closed, finished(), None, None, "  "),
            Err(InputError::Empty("de reden"))
        );
        assert_eq!(
            reopen_item(
                4,
                ItemStatus::Closed,
                finished(),
                Some(2),
                None,
                "verkeerde klant"
            )
            .unwrap(),
            vec![
                Effect::ReopenItem {
                    item: 4,
                    reason: "verkeerde klant".into()
                },
                Effect::ReopenActivity { activity: 2 }
            ]
        );
        assert_eq!(
            reopen_item(
                4,
                ItemStatus::Closed,
                finished(),
                Some(2),
                Some(7),
                "toch niet"
            ),
            Err(InputError::ReopenDecidedTerm {
                item: 4,
                application: 7
            }),
            "the besluit closed that term, not a handling"
        );
        assert_eq!(
            reopen_item(
                4,
                ItemStatus::Closed,
                Some(("ontvangen", OutcomeEffect::Received)),
                Some(2),
                None,
                "toch niet"
            ),
            Err(InputError::ReopenWithEffects {
                item: 4,
                outcome: "ontvangen".into(),
                by_hand: true,
            }),
            "the suspension it ended would stay ended"
        );
        assert!(
            reopen_item(
                4,
                ItemStatus::Closed,
                Some(("niet_ontvangen", OutcomeEffect::NotReceived)),
                Some(2),
                None,
                "toch ontvangen"
            )
            .is_ok(),
            "nothing came: the four weeks run anyway, and stop when the documents are recorded"
        );
    }

    fn finished() -> Option<(&'static str, OutcomeEffect)> {
        Some(("afgebroken", OutcomeEffect::Finish))
    }

    #[test]
    fn a_correction_keeps_the_original_beside_it() {
        let note = Note {
            id: 3,
            client_id: 1,
            date: "2026-11-20".parse().unwrap(),
            text: "Afspraak bij UWV".into(),
            corrected: false,
        };
        assert_eq!(
            correct_note(&note, "Afspraak bij UWV").unwrap_err(),
            InputError::NothingChanged
        );
        assert_eq!(
            correct_note(&note, "Afspraak bij het UWV").unwrap(),
            vec![Effect::CorrectNote {
                note: 3,
                from: "Afspraak bij UWV".into(),
                to: "Afspraak bij het UWV".into()
            }]
        );
    }
}
