//! Handling a work item or closing an activity early: the outcome, for a besluit
//! which one, then one form that asks what that outcome needs (a new date, the day
//! of bekendmaking, the day documents arrived, the next attempt, the channel) and
//! a toelichting, which every outcome can take.

use chrono::NaiveDate;

use super::{future_date, note_field, past_date, Here, Need, Start, Starter};
use crate::domain::activity::Activity;
use crate::domain::catalog::{Catalog, Requirement, WorkItemKind};
use crate::domain::date::{add_days, dutch};
use crate::domain::effects::{Decision, OutcomeEffect};
use crate::domain::handling::{next_attempt, preferred_channel, CloseRequest};
use crate::domain::sanction::{Sanction, SanctionStep, MAX_MONTHS};
use crate::domain::work_item::{Source, WorkItem};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup, Values};
use crate::workflow;

/// What the handling form asks before the toelichting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asks {
    Nothing,
    /// A new end date (`verlengd`, `bijgesteld`).
    NewDate,
    /// A new afspraak, or a vervolgactie instead.
    NoShow,
    /// The day a besluit was made known.
    MadeKnown,
    /// The day the documents of a hersteltermijn arrived.
    Received,
    /// The day the answer came that ends a wait (the OM's on a boete).
    Answered,
    /// The day of the next attempt to reach the client.
    NextAttempt,
    /// The channel a conversation took place by.
    Channel,
    /// The verlaging of a maatregel opgelegd.
    Sanction,
}

impl Asks {
    fn of(effect: Option<OutcomeEffect>, requires: Requirement, hints: &Hints) -> Asks {
        match (effect, requires) {
            (Some(OutcomeEffect::Decision), _) => Asks::MadeKnown,
            (Some(OutcomeEffect::NotReached), _) => Asks::NextAttempt,
            (Some(OutcomeEffect::NoShow), Requirement::NewDate) => Asks::NoShow,
            (_, Requirement::NewDate) => Asks::NewDate,
            (Some(OutcomeEffect::Received), _) => Asks::Received,
            (Some(OutcomeEffect::Resume), _) => Asks::Answered,
            (Some(OutcomeEffect::Contact), _) if hints.ask_channel => Asks::Channel,
            (_, Requirement::Sanction) => Asks::Sanction,
            _ => Asks::Nothing,
        }
    }
}

/// What the form suggests about the client: the channels with the preferred one
/// (asked for a conversation on a "contact opnemen" item; an afspraak has its
/// own), the next attempt after "niet bereikt", and for an afspraak's opkomst its
/// time and channel (the new afspraak after a no-show starts from them) with the
/// afspraken already planned, to warn about a double booking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Hints {
    channels: Vec<(String, String)>,
    ask_channel: bool,
    preferred: Option<String>,
    next_attempt: Option<NaiveDate>,
    appointment_time: Option<String>,
    appointment_channel: Option<String>,
    busy: Vec<(NaiveDate, String)>,
    /// What the verordening says for a maatregel on this client today.
    sanction_step: Option<SanctionStep>,
}

impl Hints {
    /// What handling `item` suggests, read from the file (nothing when it cannot
    /// be read: the form then suggests less).
    fn of(here: &Here, item: &WorkItem) -> Hints {
        let Ok(client) = here.store.client(item.client_id) else {
            return Hints::default();
        };
        let retry_days = here
            .catalog
            .category(&client.category)
            .map_or(2, |c| c.retry_days);
        // The afspraak of an opkomst item: its time and channel.
        let appointment = item
            .source_activity_id
            .filter(|_| item.source == Source::Activity)
            .and_then(|id| here.store.activity(id).ok())
            .filter(|a| {
                here.catalog
                    .activity_type(&a.type_code)
                    .is_ok_and(|t| t.reminder_days.is_some())
            });
        Hints {
            channels: super::channels(here.catalog),
            ask_channel: item.source == Source::Rhythm,
            preferred: Some(preferred_channel(client.contact_preference.as_deref())),
            next_attempt: Some(next_attempt(here.calendar, retry_days, here.today)),
            appointment_time: appointment.as_ref().and_then(|a| a.time.clone()),
            appointment_channel: appointment.and_then(|a| a.channel),
            busy: here
                .store
                .appointment_slots(here.today, None)
                .unwrap_or_default(),
            sanction_step: Hints::sanction(here, item.client_id),
        }
    }

    /// The verordening's verlaging for `client` today (none when the file cannot
    /// be read: the form then suggests nothing).
    fn sanction(here: &Here, client: i64) -> Option<SanctionStep> {
        workflow::sanction_step(here.store, client, here.verordening, here.today).ok()
    }
}

/// What is being handled: a work item, or an activity closed early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Item(i64),
    Activity(i64),
}

/// An outcome as the picker offers it.
#[derive(Debug, Clone)]
struct Outcome {
    code: String,
    effect: Option<OutcomeEffect>,
    requires: Requirement,
}

/// Handling the work item under the cursor: the outcomes its kind allows, and
/// nothing else.
pub fn item(here: &Here, item: &WorkItem) -> Start {
    let hints = Hints::of(here, item);
    let kind = here.catalog.kind(&item.kind).ok();
    // The client first: a title cut off at the right is still about the right
    // person.
    let title = format!("Afhandelen: {} — {}", item.client_name, item.title);
    let mut popup = outcomes(
        here.catalog,
        kind,
        true,
        title,
        Target::Item(item.id),
        hints,
        here.today,
    );
    if let Popup::Picker(picker) = &mut popup {
        picker.intro = at_hand(here, item);
    }
    Ok(popup)
}

/// What the klantmanager needs at hand to handle `item`: the number to call for
/// a call (nabellen, contact opnemen), and the afspraak's day, time and channel.
fn at_hand(here: &Here, item: &WorkItem) -> Vec<String> {
    let mut lines = Vec::new();
    let calls = matches!(item.source, Source::Nabellen | Source::Rhythm);
    if let Ok(client) = here.store.client(item.client_id) {
        match (calls, client.phone) {
            (true, Some(phone)) => lines.push(format!("Telefoon: {phone}")),
            (true, None) => lines.push("Geen telefoonnummer bekend.".to_owned()),
            (false, _) => {}
        }
    }
    let afspraak = item
        .source_activity_id
        .and_then(|id| here.store.activity(id).ok())
        .filter(|a| {
            here.catalog
                .activity_type(&a.type_code)
                .is_ok_and(|t| t.reminder_days.is_some())
        });
    if let Some(a) = afspraak {
        let time = a.time.map(|t| format!(" om {t}")).unwrap_or_default();
        let channel = a
            .channel
            .map(|c| format!(" ({})", here.catalog.channel_name(&c)))
            .unwrap_or_default();
        lines.push(format!("Afspraak: {}{time}{channel}", dutch(a.end_date)));
    }
    lines
}

/// Closing an activity early: the outcomes that may (an extension has its own
/// key).
pub fn activity(here: &Here, activity: &Activity) -> Start {
    let kind = here
        .catalog
        .activity_type(&activity.type_code)
        .and_then(|t| here.catalog.kind(&t.expiry_kind))
        .ok();
    Ok(outcomes(
        here.catalog,
        kind,
        false,
        format!("Afsluiten: {}", activity.title),
        Target::Activity(activity.id),
        Hints {
            sanction_step: Hints::sanction(here, activity.client_id),
            ..Hints::default()
        },
        here.today,
    ))
}

fn outcomes(
    catalog: &Catalog,
    kind: Option<&WorkItemKind>,
    with_extension: bool,
    title: String,
    target: Target,
    hints: Hints,
    today: NaiveDate,
) -> Popup {
    let options = kind.map_or_else(Vec::new, |kind| {
        kind.outcomes
            .iter()
            .filter_map(|code| catalog.outcome(code).ok())
            .filter(|o| with_extension || o.requires != Requirement::NewDate)
            // What the program gives by itself (uitstroom, a lapsed reminder, what
            // the besluit or a category change ended) is never chosen by hand.
            .filter(|o| kind.effect_of(&o.code).is_none_or(OutcomeEffect::by_hand))
            .map(|o| {
                let effect = kind.effect_of(&o.code);
                let note = match (effect, o.requires) {
                    (Some(OutcomeEffect::Decision), _) => "vraagt het besluit",
                    (Some(OutcomeEffect::NotReached), _) => {
                        "vraagt de volgende poging en een reden"
                    }
                    (Some(OutcomeEffect::NoShow), _) => "vraagt een nieuwe afspraak",
                    (_, Requirement::None) => "",
                    (_, Requirement::Reason) => "vraagt een reden",
                    (_, Requirement::NewDate) => "vraagt een nieuwe einddatum",
                    (_, Requirement::Sanction) => "vraagt de verlaging",
                };
                let outcome = Outcome {
                    code: o.code.clone(),
                    effect,
                    requires: o.requires,
                };
                (outcome, Choice::with_note(o.name.clone(), note))
            })
            .collect()
    });
    Popup::Picker(Picker::new(title, options, move |outcome, choice| {
        if outcome.effect == Some(OutcomeEffect::Decision) {
            return push(decisions(
                target,
                outcome.code.clone(),
                today,
                hints.clone(),
            ));
        }
        let asks = Asks::of(outcome.effect, outcome.requires, &hints);
        push(form(
            target,
            outcome.code.clone(),
            &choice.label,
            asks,
            outcome.requires == Requirement::Reason,
            None,
            today,
            &hints,
        ))
    }))
}

/// The besluiten, for an outcome that records one.
fn decisions(target: Target, outcome: String, today: NaiveDate, hints: Hints) -> Popup {
    let options = Decision::ALL
        .iter()
        .map(|d| (*d, Choice::new(d.name())))
        .collect();
    Popup::Picker(Picker::new("Besluit", options, move |decision, choice| {
        push(form(
            target,
            outcome.clone(),
            &choice.label,
            Asks::MadeKnown,
            false,
            Some(*decision),
            today,
            &hints,
        ))
    }))
}

/// The form after an outcome was chosen; `label` is the outcome (or besluit) in
/// Dutch.
#[allow(clippy::too_many_arguments)]
fn form(
    target: Target,
    outcome: String,
    label: &str,
    asks: Asks,
    reason: bool,
    decision: Option<Decision>,
    today: NaiveDate,
    hints: &Hints,
) -> Popup {
    let mut fields = match asks {
        Asks::Nothing => Vec::new(),
        Asks::NewDate => vec![future_date(
            "date",
            "Nieuwe einddatum",
            today.succ_opt(),
            add_days(today, 28),
        )],
        Asks::NoShow => vec![
            future_date(
                "date",
                "Nieuwe afspraak op (of de vervolgactie op)",
                today.succ_opt(),
                add_days(today, 7),
            ),
            Field::new(
                "time",
                "Tijd (mag leeg)",
                FieldKind::OptionalTime,
                hints.appointment_time.as_deref().unwrap_or(""),
            ),
            Field::choice(
                "channel",
                "Kanaal",
                hints.channels.clone(),
                true,
                hints.appointment_channel.as_deref(),
            ),
            Field::new(
                "follow_up",
                "Vervolgactie in plaats van een nieuwe afspraak (leeg: nieuwe afspraak)",
                FieldKind::OptionalText,
                "",
            ),
        ],
        Asks::MadeKnown => vec![past_date("date", "Bekendgemaakt op", today)],
        Asks::Received => vec![past_date("date", "Stukken ontvangen op", today)],
        Asks::Answered => vec![past_date("date", "Antwoord ontvangen op", today)],
        Asks::NextAttempt => vec![future_date(
            "date",
            "Volgende poging op",
            today.succ_opt(),
            hints.next_attempt.unwrap_or_else(|| add_days(today, 2)),
        )],
        Asks::Channel => vec![Field::choice(
            "channel",
            "Kanaal",
            hints.channels.clone(),
            false,
            hints.preferred.as_deref(),
        )],
        Asks::Sanction => {
            let step = hints.sanction_step.as_ref().map(|s| s.sanction);
            vec![
                Field::new(
                    "percent",
                    "Verlaging in procent van de norm",
                    FieldKind::Number { min: 1, max: 100 },
                    &step.map_or(String::new(), |s| s.percent.to_string()),
                ),
                Field::new(
                    "months",
                    "Gedurende maanden",
                    FieldKind::Number {
                        min: 1,
                        max: i64::from(MAX_MONTHS),
                    },
                    &step.map_or(String::new(), |s| s.months.to_string()),
                ),
            ]
        }
    };
    fields.push(if reason {
        Field::new("note", "Reden", FieldKind::Text, "")
    } else if asks == Asks::Sanction {
        note_field("Toelichting (nodig als u afwijkt van de verordening)")
    } else {
        note_field("Toelichting (mag leeg)")
    });
    let title = match (decision, target) {
        (Some(_), _) => format!("Besluit {}", label.to_lowercase()),
        (None, Target::Item(_)) => format!("Afhandelen: {label}"),
        (None, Target::Activity(_)) => format!("Afsluiten: {label}"),
    };
    let mut form = Form::new(title, fields);
    if asks == Asks::NoShow {
        form.busy = hints.busy.clone();
    }
    let step = hints
        .sanction_step
        .clone()
        .filter(|_| asks == Asks::Sanction);
    if let Some(step) = &step {
        form.intro = vec![format!(
            "Verordening: {} ({}).",
            step.sanction.words(),
            step.why
        )];
    }
    popup::form(form, move |values| {
        let mut request = request(outcome.clone(), asks, decision, values)?;
        request.sanction_step = step.clone();
        Ok(Intent::edit(Handle { target, request }))
    })
}

/// The request the form's values make.
fn request(
    outcome: String,
    asks: Asks,
    decision: Option<Decision>,
    values: &Values,
) -> Result<CloseRequest, String> {
    let mut request = CloseRequest {
        outcome,
        note: values.optional_text("note")?,
        ..CloseRequest::default()
    };
    match asks {
        Asks::Nothing => {}
        Asks::NewDate | Asks::NextAttempt => request.new_date = Some(values.date("date")?),
        Asks::NoShow => {
            request.new_date = Some(values.date("date")?);
            request.follow_up = values.optional_text("follow_up")?;
            // A vervolgactie has no time or channel of its own.
            if request.follow_up.is_none() {
                request.time = values.optional_text("time")?;
                request.channel = values.optional_text("channel")?;
            }
        }
        Asks::MadeKnown => {
            request.decision = decision;
            request.made_known = Some(values.date("date")?);
        }
        Asks::Received | Asks::Answered => request.received_on = Some(values.date("date")?),
        Asks::Channel => request.channel = Some(values.text("channel")?),
        Asks::Sanction => {
            let number = |name: &str| -> Result<u32, String> {
                u32::try_from(values.number(name)?).map_err(|_| "geen geldig getal".to_owned())
            };
            request.sanction = Some(Sanction {
                percent: number("percent")?,
                months: number("months")?,
            });
        }
    }
    Ok(request)
}

/// Handle a work item or close an activity.
#[derive(Debug, Clone)]
struct Handle {
    target: Target,
    request: CloseRequest,
}

/// Handling the work item under the cursor; closing an activity early.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::CloseItem,
        needs: Need::WorkItem,
        start: |on| Some(item(&on.here, on.work_item?)),
    },
    Starter {
        action: Action::CloseActivity,
        needs: Need::OpenActivity,
        start: |on| Some(activity(&on.here, on.dossier?.selected_activity()?)),
    },
];

/// After a no-show the new afspraak gets its invitation in the same step, as a
/// first one does.
fn with_invitation(applied: Applied, done: &workflow::Done, cx: &Cx) -> Applied {
    use crate::domain::effects::Effect;
    // The afspraak planned in place of the missed one (the edit's first added row
    // is the no-show's contact, not it).
    let new = done.effects.iter().find_map(|e| match e {
        Effect::AddAppointment {
            follows: Some(missed),
            date,
            ..
        } => cx
            .store
            .appointment_after(*missed)
            .ok()
            .flatten()
            .map(|id| (id, *date)),
        _ => None,
    });
    match new {
        Some((afspraak, on)) => {
            applied.then(super::letter::offer_invitation(afspraak, on, cx.rebound))
        }
        None => applied,
    }
}

impl Edit for Handle {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        match self.target {
            Target::Item(id) => {
                // The status line names the client of a work item, not its number.
                let what = super::item::item_label(cx, id);
                let done = workflow::close_item(cx.store, id, &self.request, cx.today)?;
                Ok(with_invitation(
                    Applied::done(what, &done, cx.catalog),
                    &done,
                    cx,
                ))
            }
            Target::Activity(id) => {
                let what = cx
                    .store
                    .activity(id)
                    .map_or_else(|_| format!("Activiteit {id}"), |a| a.title);
                let done = workflow::close_activity(cx.store, id, &self.request, cx.today)?;
                Ok(with_invitation(
                    Applied::done(what, &done, cx.catalog),
                    &done,
                    cx,
                ))
            }
        }
    }

    fn work_item(&self) -> Option<i64> {
        match self.target {
            Target::Item(id) => Some(id),
            Target::Activity(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::popup::field::Value;

    #[test]
    fn a_value_the_form_lacks_is_a_message_never_a_default() {
        let on: NaiveDate = "2026-12-01".parse().unwrap();
        let values = Values::new(vec![("date", Value::Date(on)), ("note", Value::Empty)]);
        let made = request(
            "toegekend".into(),
            Asks::MadeKnown,
            Some(Decision::Granted),
            &values,
        )
        .unwrap();
        assert_eq!(made.made_known, Some(on));
        assert_eq!(made.decision, Some(Decision::Granted));
        // No date of 1970 when the form has no date field.
        let without = Values::new(vec![("note", Value::Empty)]);
        let err = request("verlengd".into(), Asks::NewDate, None, &without).unwrap_err();
        assert!(err.contains("mist het veld 'date'"), "{err}");
    }
}
