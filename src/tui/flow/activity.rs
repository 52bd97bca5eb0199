//! A new activity (an afspraak among them), an end date moved, an afspraak moved.
//! Every activity gets a start and an end; the end is suggested from the
//! catalogue's length for its type.

use chrono::NaiveDate;

use super::{channels, future_date, say, Here, Need, Start, Starter};
use crate::domain::aanvraag::HERSTELTERMIJN;
use crate::domain::activity::{Activity, NewActivity};
use crate::domain::appointment::{
    meets_by, reminder_day, AppointmentMove, NewAppointment, MINUTES,
};
use crate::domain::calendar::LegalCalendar;
use crate::domain::catalog::ActivityType;
use crate::domain::client::Client;
use crate::domain::date::{add_days, dutch};
use crate::domain::letter::AFSPRAAK;
use crate::domain::InputError;
use crate::tui::dossier::DossierView;
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup};
use crate::workflow;

#[derive(Debug, Clone)]
enum ActivityEdit {
    AsInformatieverzoek {
        id: i64,
    },
    Add {
        new: NewActivity,
        /// For a hersteltermijn: its aanvraag, when the client has several.
        application: Option<i64>,
    },
    Extend {
        id: i64,
        to: NaiveDate,
    },
    AddAppointment {
        client_id: i64,
        channel: String,
        title: String,
        date: NaiveDate,
        time: Option<String>,
        /// Minutes, where not the catalogue's length.
        minutes: Option<i64>,
        /// Where, when not the town hall's bezoekadres.
        location: Option<String>,
    },
    MoveAppointment {
        id: i64,
        to: AppointmentMove,
    },
}

/// A type as the picker offers it.
#[derive(Debug, Clone)]
struct Kind {
    code: String,
    name: String,
    days: i64,
    herstel: bool,
    appointment: bool,
    /// An afspraak's usual length in minutes.
    minutes: i64,
}

impl Kind {
    fn of(t: &ActivityType) -> Kind {
        Kind {
            code: t.code.clone(),
            name: t.name.clone(),
            days: t.default_days,
            herstel: t.code == HERSTELTERMIJN,
            appointment: t.reminder_days.is_some(),
            minutes: t.duration_minutes.unwrap_or(30),
        }
    }
}

/// A new activity: only the types the client's category allows (few, fitting
/// choices); an afspraak asks its channel first, a hersteltermijn its aanvraag
/// when the client has more than one open.
pub fn add(here: &Here, client: &Client) -> Start {
    let open: Vec<(i64, String)> = here
        .store
        .applications(client.id)?
        .into_iter()
        .filter(|a| a.application.is_open())
        .map(|a| {
            let a = a.application;
            let when = match (a.received_on, a.expected_on) {
                (Some(on), _) => format!("ontvangen {}", dutch(on)),
                (None, Some(on)) => format!("verwacht na {}", dutch(on)),
                (None, None) => "nog niet ontvangen".to_owned(),
            };
            (a.id, format!("Aanvraag, {when}"))
        })
        .collect();
    let busy = here.store.appointment_slots(here.today, None)?;
    let channels: Vec<(String, String)> = channels(here.catalog)
        .into_iter()
        .filter(|(code, _)| meets_by(code))
        .collect();
    let options = here
        .catalog
        .types_for_category(&client.category)
        .into_iter()
        .map(|t| {
            let note = match t.default_days {
                0 => "één dag".to_owned(),
                days => format!("standaard {days} dagen"),
            };
            (Kind::of(t), Choice::with_note(t.name.clone(), note))
        })
        .collect();
    let (client_id, today, calendar) = (client.id, here.today, here.calendar.clone());
    let title = format!(
        "Nieuwe activiteit ({})",
        here.catalog.category_name(&client.category)
    );
    Ok(Popup::Picker(Picker::new(
        title,
        options,
        move |kind, _| {
            if kind.appointment {
                // A week on.
                let day = add_days(today, 7);
                return push(appointment_channels(
                    client_id,
                    channels.clone(),
                    busy.clone(),
                    (today, day, kind.minutes),
                ));
            }
            if kind.herstel && open.len() > 1 {
                return push(aanvragen(
                    client_id,
                    kind.clone(),
                    open.clone(),
                    calendar.clone(),
                    today,
                ));
            }
            push(form(
                client_id,
                kind,
                kind.herstel.then(|| calendar.clone()),
                today,
                None,
            ))
        },
    )))
}

/// Which open aanvraag a hersteltermijn belongs to.
fn aanvragen(
    client_id: i64,
    kind: Kind,
    open: Vec<(i64, String)>,
    calendar: LegalCalendar,
    today: NaiveDate,
) -> Popup {
    let options = open
        .into_iter()
        .map(|(id, label)| (id, Choice::new(label)))
        .collect();
    Popup::Picker(Picker::new(
        "Hersteltermijn: bij welke aanvraag?",
        options,
        move |id, _| {
            push(form(
                client_id,
                &kind,
                Some(calendar.clone()),
                today,
                Some(*id),
            ))
        },
    ))
}

/// The form for a new activity: title, start and end, the end suggested from the
/// type's length (on a working day when a calendar is given).
fn form(
    client_id: i64,
    kind: &Kind,
    calendar: Option<LegalCalendar>,
    today: NaiveDate,
    application: Option<i64>,
) -> Popup {
    let suggested = add_days(today, kind.days);
    let end = calendar
        .as_ref()
        .map_or(suggested, |c| c.next_working_day(suggested));
    let mut form = Form::new(
        format!("Nieuwe activiteit: {}", kind.name),
        vec![
            Field::new("title", "Titel", FieldKind::Text, &kind.name),
            Field::date("start", "Startdatum", today),
            Field::new(
                "end",
                "Einddatum",
                FieldKind::EndOf { start: "start" },
                &end.to_string(),
            )
            .deadline(),
        ],
    );
    form.calendar = calendar;
    let type_code = kind.code.clone();
    popup::form(form, move |values| {
        Ok(Intent::edit(ActivityEdit::Add {
            new: NewActivity {
                client_id,
                type_code: type_code.clone(),
                title: Some(values.text("title")?),
                start_date: values.date("start")?,
                end_date: values.date("end")?,
            },
            application,
        }))
    })
}

/// The channels an afspraak can be held by, then its subject, day and time.
fn appointment_channels(
    client_id: i64,
    channels: Vec<(String, String)>,
    busy: Vec<(NaiveDate, String)>,
    (today, day, minutes): (NaiveDate, NaiveDate, i64),
) -> Popup {
    let options = channels
        .into_iter()
        .map(|(code, name)| (code, Choice::new(name)))
        .collect();
    Popup::Picker(Picker::new(
        "Afspraak: kanaal",
        options,
        move |channel: &String, choice| {
            let mut form = Form::new(
                format!("Afspraak: {}", choice.label),
                vec![
                    Field::new("title", "Onderwerp", FieldKind::Text, "Voortgangsgesprek"),
                    future_date("date", "Datum", Some(today), day),
                    Field::new("time", "Tijd (mag leeg)", FieldKind::OptionalTime, ""),
                    Field::new(
                        "minutes",
                        "Duur in minuten",
                        FieldKind::Number {
                            min: *MINUTES.start(),
                            max: *MINUTES.end(),
                        },
                        &minutes.to_string(),
                    ),
                ],
            );
            // A visit in person may be somewhere else than the town hall.
            let in_person = channel == "op_locatie";
            if in_person {
                form.fields.push(Field::new(
                    "location",
                    "Waar (leeg: het bezoekadres van de gemeente)",
                    FieldKind::OptionalText,
                    "",
                ));
            }
            form.busy = busy.clone();
            let channel = channel.clone();
            push(popup::form(form, move |values| {
                Ok(Intent::edit(ActivityEdit::AddAppointment {
                    client_id,
                    channel: channel.clone(),
                    title: values.text("title")?,
                    date: values.date("date")?,
                    time: values.optional_text("time")?,
                    // The catalogue's length is not stored: a changed catalogue counts.
                    minutes: Some(values.number("minutes")?).filter(|m| *m != minutes),
                    location: if in_person {
                        values.optional_text("location")?
                    } else {
                        None
                    },
                }))
            }))
        },
    ))
}

/// A hersteltermijn given without an aanvraag, asked to go on as the
/// informatieverzoek it was; any other activity is refused before the question.
pub fn as_informatieverzoek(dossier: &DossierView, activity: &Activity) -> Start {
    let of_aanvraag = dossier
        .aanvragen
        .applications
        .iter()
        .any(|a| a.hersteltermijnen.iter().any(|h| h.id == activity.id));
    if activity.type_code != HERSTELTERMIJN || of_aanvraag {
        return say(
            "Alleen een hersteltermijn zonder aanvraag gaat verder als informatieverzoek; \
             kies hem op het tabblad Aanvragen onder Zonder aanvraag",
        );
    }
    Ok(Popup::Confirm(Question::new(
        "Als informatieverzoek voortzetten?",
        vec![
            format!(
                "{} (tot {}) gaat verder als informatieverzoek.",
                activity.title,
                dutch(activity.end_date)
            ),
            "Een hersteltermijn (Awb 4:5) hoort bij een aanvraag; gegevens vragen bij een \
             lopende uitkering is een informatieverzoek (art. 17 Pw). Komen ze niet, dan \
             volgt een onderzoek (art. 54 Pw)."
                .to_owned(),
        ],
        Intent::edit(ActivityEdit::AsInformatieverzoek { id: activity.id }),
    )))
}

/// Moving an open activity's end date: four weeks on suggested.
pub fn extend(activity: &Activity) -> Start {
    let id = activity.id;
    let form = Form::new(
        format!("Einddatum verschuiven: {}", activity.title),
        vec![future_date(
            "to",
            "Nieuwe einddatum",
            Some(activity.start_date),
            add_days(activity.end_date, 28),
        )],
    );
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(ActivityEdit::Extend {
            id,
            to: values.date("to")?,
        }))
    }))
}

/// Moving an open afspraak (the app checked it is one) before its day; once its
/// day has come, the opkomst is registered first (said at once, not after the
/// form).
pub fn move_appointment(here: &Here, activity: &Activity) -> Start {
    if activity.end_date < here.today {
        return say(InputError::OpkomstFirst {
            date: activity.end_date,
        }
        .to_string());
    }
    let channels: Vec<(String, String)> = channels(here.catalog)
        .into_iter()
        .filter(|(code, _)| meets_by(code))
        .collect();
    let mut form = Form::new(
        format!("Afspraak verplaatsen: {}", activity.title),
        vec![
            future_date("date", "Datum", Some(here.today), activity.end_date),
            Field::new(
                "time",
                "Tijd (mag leeg)",
                FieldKind::OptionalTime,
                activity.time.as_deref().unwrap_or(""),
            ),
            Field::choice(
                "channel",
                "Kanaal (telefoon, op locatie, beeldbellen, …)",
                channels,
                false,
                activity.channel.as_deref(),
            ),
        ],
    );
    form.busy = here
        .store
        .appointment_slots(here.today, Some(activity.id))?;
    let id = activity.id;
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(ActivityEdit::MoveAppointment {
            id,
            to: AppointmentMove {
                date: Some(values.date("date")?),
                // An empty time leaves the time open.
                time: Some(values.optional_text("time")?.unwrap_or_default()),
                channel: Some(values.text("channel")?),
            },
        }))
    }))
}

/// The keys of activities, in the dossier.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::AddActivity,
        needs: Need::Dossier,
        start: |on| Some(add(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::ExtendActivity,
        needs: Need::OpenActivity,
        start: |on| Some(extend(on.dossier?.selected_activity()?)),
    },
    Starter {
        action: Action::AsInformatieverzoek,
        needs: Need::OpenActivity,
        start: |on| {
            let dossier = on.dossier?;
            Some(as_informatieverzoek(dossier, dossier.selected_activity()?))
        },
    },
    Starter {
        action: Action::MoveAppointment,
        needs: Need::OpenAfspraak,
        start: |on| Some(move_appointment(&on.here, on.dossier?.selected_activity()?)),
    },
];

impl Edit for ActivityEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        let title_of = |cx: &Cx, id: i64| {
            cx.store
                .activity(id)
                .map_or_else(|_| "De activiteit".to_owned(), |a| a.title)
        };
        Ok(match self {
            ActivityEdit::Add { new, application } => {
                let done = workflow::add_activity(cx.store, new, *application, today)?;
                let title = new.title.clone().unwrap_or_default();
                Applied::done(
                    format!("{title}: tot {} vastgelegd", dutch(new.end_date)),
                    &done,
                    cx.catalog,
                )
            }
            ActivityEdit::Extend { id, to } => {
                let what = title_of(cx, *id);
                let done = workflow::extend_activity(cx.store, *id, *to, today)?;
                Applied::done(what, &done, cx.catalog)
            }
            ActivityEdit::AsInformatieverzoek { id } => {
                let what = title_of(cx, *id);
                let done = workflow::as_informatieverzoek(cx.store, *id, today)?;
                Applied::done(what, &done, cx.catalog)
            }
            ActivityEdit::AddAppointment {
                client_id,
                channel,
                title,
                date,
                time,
                minutes,
                location,
            } => {
                let new = NewAppointment {
                    client: *client_id,
                    date: *date,
                    time: time.as_deref(),
                    channel,
                    title: Some(title),
                    duration: *minutes,
                    location: location.as_deref(),
                };
                let done = workflow::add_appointment(cx.store, &new, today)?;
                // The nabellen day, said only where the sweep will raise it.
                let calendar = cx.store.legal_calendar()?;
                let reminder = cx
                    .catalog
                    .activity_type(AFSPRAAK)
                    .ok()
                    .and_then(|t| t.reminder_days)
                    .map(|days| reminder_day(*date, days, &calendar))
                    .filter(|day| *day >= today && *day < *date);
                let then = match reminder {
                    Some(day) => format!("; op {} komt 'nabellen' in de werkvoorraad", dutch(day)),
                    None => String::new(),
                };
                Applied::done(
                    format!("Afspraak gepland op {}{then}", dutch(*date)),
                    &done,
                    cx.catalog,
                )
            }
            ActivityEdit::MoveAppointment { id, to } => {
                let date = to.date.unwrap_or(today);
                let time = to.time.as_deref().filter(|t| !t.is_empty());
                let warnings = workflow::appointment_warnings(cx.store, date, time, Some(*id))?;
                let mut what = title_of(cx, *id);
                let done = workflow::move_appointment(cx.store, *id, to, today)?;
                for warning in warnings {
                    what = format!("{what} ({warning})");
                }
                Applied::done(what, &done, cx.catalog)
            }
        })
    }
}
