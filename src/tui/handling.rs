//! Handling a work item or closing an activity: after the outcome, one form asks
//! what that outcome needs (a new date, the besluit's day of bekendmaking, the day
//! documents arrived) and a toelichting, which every outcome can take.

use chrono::NaiveDate;

use super::form::{Field, FieldKind, Form, Value};
use super::popup::{Intent, Popup, Purpose};
use crate::domain::catalog::Requirement;
use crate::domain::date::add_days;
use crate::domain::effects::{Decision, OutcomeEffect};
use crate::domain::handling::CloseRequest;

/// What a handling form asks before the toelichting, in field order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asks {
    Nothing,
    /// A new end date (`verlengd`, `bijgesteld`).
    NewDate,
    /// A new afspraak, or a vervolgactie instead.
    NoShow,
    /// The day a besluit was made known.
    MadeKnown,
    /// The day the documents of a hersteltermijn arrived.
    Received,
    /// The day of the next attempt to reach the client.
    NextAttempt,
    /// The channel a conversation took place by.
    Channel,
}

impl Asks {
    pub fn of(effect: Option<OutcomeEffect>, requires: Requirement, hints: &Hints) -> Asks {
        match (effect, requires) {
            (Some(OutcomeEffect::Decision), _) => Asks::MadeKnown,
            (Some(OutcomeEffect::NotReached), _) => Asks::NextAttempt,
            (Some(OutcomeEffect::NoShow), Requirement::NewDate) => Asks::NoShow,
            (_, Requirement::NewDate) => Asks::NewDate,
            (Some(OutcomeEffect::Received), _) => Asks::Received,
            (Some(OutcomeEffect::Contact), _) if hints.ask_channel => Asks::Channel,
            _ => Asks::Nothing,
        }
    }
}

/// What a handling form suggests about the client: the channels with the preferred
/// one (asked for a conversation on a "contact opnemen" item; an afspraak has its
/// own), the next attempt after "niet bereikt", and for an afspraak's opkomst its
/// time and channel (the new afspraak after a no-show starts from them) with the
/// afspraken already planned, to warn about a double booking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub channels: Vec<(String, String)>,
    pub ask_channel: bool,
    pub preferred: Option<String>,
    pub next_attempt: Option<NaiveDate>,
    pub appointment_time: Option<String>,
    pub appointment_channel: Option<String>,
    pub busy: Vec<(NaiveDate, String)>,
}

/// The form after an outcome was chosen. `item` says whether a work item is
/// handled or an activity closed; `label` is the outcome (or besluit) in Dutch.
#[allow(clippy::too_many_arguments)]
pub fn form(
    id: i64,
    item: bool,
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
        Asks::NewDate => vec![Field::new(
            "Nieuwe einddatum",
            FieldKind::Date {
                not_before: today.succ_opt(),
                not_after: None,
            },
            &add_days(today, 28).to_string(),
        )
        .deadline()],
        Asks::NoShow => vec![
            Field::new(
                "Nieuwe afspraak op (of de vervolgactie op)",
                FieldKind::Date {
                    not_before: today.succ_opt(),
                    not_after: None,
                },
                &add_days(today, 7).to_string(),
            )
            .deadline(),
            Field::new(
                "Tijd (mag leeg)",
                FieldKind::OptionalTime,
                hints.appointment_time.as_deref().unwrap_or(""),
            ),
            Field::choice(
                "Kanaal",
                hints.channels.clone(),
                true,
                hints.appointment_channel.as_deref(),
            ),
            Field::new(
                "Vervolgactie in plaats van een nieuwe afspraak (leeg: nieuwe afspraak)",
                FieldKind::OptionalText,
                "",
            ),
        ],
        Asks::MadeKnown => vec![Field::new(
            "Bekendgemaakt op",
            FieldKind::Date {
                not_before: None,
                not_after: Some(today),
            },
            &today.to_string(),
        )],
        Asks::Received => vec![Field::new(
            "Stukken ontvangen op",
            FieldKind::Date {
                not_before: None,
                not_after: Some(today),
            },
            &today.to_string(),
        )],
        Asks::NextAttempt => vec![Field::new(
            "Volgende poging op",
            FieldKind::Date {
                not_before: today.succ_opt(),
                not_after: None,
            },
            &hints
                .next_attempt
                .unwrap_or_else(|| add_days(today, 2))
                .to_string(),
        )
        .deadline()],
        Asks::Channel => vec![Field::choice(
            "Kanaal",
            hints.channels.clone(),
            false,
            hints.preferred.as_deref(),
        )],
    };
    fields.push(if reason {
        Field::new("Reden", FieldKind::Text, "")
    } else {
        Field::new("Toelichting (mag leeg)", FieldKind::OptionalText, "")
    });
    let title = match decision {
        Some(_) => format!("Besluit {}", label.to_lowercase()),
        None => format!("{}: {label}", if item { "Afhandelen" } else { "Afsluiten" }),
    };
    let mut form = Form::new(title, fields);
    if asks == Asks::NoShow {
        form.busy = hints.busy.clone();
    }
    Popup::Form(
        form,
        Purpose::Handle {
            id,
            item,
            outcome,
            asks,
            decision,
        },
    )
}

/// The request the form's values make.
pub fn intent(
    id: i64,
    item: bool,
    outcome: String,
    asks: Asks,
    decision: Option<Decision>,
    values: &[Value],
) -> Intent {
    let date = values.first().and_then(Value::date);
    let note = values.last().and_then(Value::text);
    let mut request = CloseRequest {
        outcome,
        note,
        ..CloseRequest::default()
    };
    match asks {
        Asks::Nothing => {}
        Asks::NewDate => request.new_date = date,
        Asks::NoShow => {
            request.new_date = date;
            request.follow_up = values.get(3).and_then(Value::text);
            // A vervolgactie has no time or channel of its own.
            if request.follow_up.is_none() {
                request.time = values.get(1).and_then(Value::text);
                request.channel = values.get(2).and_then(Value::text);
            }
        }
        Asks::MadeKnown => {
            request.decision = decision;
            request.made_known = date;
        }
        Asks::Received => request.received_on = date,
        Asks::NextAttempt => request.new_date = date,
        Asks::Channel => request.channel = values.first().and_then(Value::text),
    }
    Intent::Handle { id, item, request }
}
