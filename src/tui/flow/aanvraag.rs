//! An aanvraag's course: a melding or aanvraag registered, its receipt after the
//! zoektermijn, a hersteltermijn (Awb 4:5), a verdaging (Awb 4:14) and the
//! besluit.

use chrono::NaiveDate;

use super::{future_date, past_date, say, Here, Need, On, Start, Starter};
use crate::domain::aanvraag::{herstel_suggestion, BESLISTERMIJN, ZOEKTERMIJN};
use crate::domain::activity::ActivityStatus;
use crate::domain::client::Client;
use crate::domain::date::{add_days, age, dutch, short};
use crate::domain::effects::Decision;
use crate::store::ApplicationView;
use crate::tui::intent::{Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::{key_of, Action};
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup};
use crate::workflow;

#[derive(Debug, Clone)]
enum AanvraagEdit {
    Add {
        client_id: i64,
        on: NaiveDate,
        under_27: bool,
    },
    Received {
        id: i64,
        on: NaiveDate,
        waiver: Option<String>,
    },
    Herstel {
        id: i64,
        missing: String,
        given: NaiveDate,
        end: NaiveDate,
    },
    Adjourn {
        id: i64,
        to: NaiveDate,
        reason: String,
    },
    Decide {
        id: i64,
        decision: Decision,
        made_known: NaiveDate,
    },
}

/// A melding or aanvraag: with a birth date the age on that day decides (under 27:
/// a melding, then four weeks zoektermijn); without one the klantmanager says.
pub fn new_application(here: &Here, client: &Client) -> Start {
    let today = here.today;
    let (client_id, name) = (client.id, client.name.clone());
    Ok(match client.birth_date.and_then(|b| age(b, today)) {
        Some(years) => application_form(client_id, &name, years < 27, Some(years), today),
        None => Popup::Picker(Picker::new(
            format!("Aanvraag of melding voor {name}"),
            vec![
                (false, Choice::new("Aanvraag ontvangen")),
                (
                    true,
                    Choice::new("Melding van een jongere onder 27 (eerst vier weken zoektermijn)"),
                ),
            ],
            move |under_27, _| push(application_form(client_id, &name, *under_27, None, today)),
        )),
    })
}

fn application_form(
    client_id: i64,
    name: &str,
    under_27: bool,
    years: Option<u32>,
    today: NaiveDate,
) -> Popup {
    let label = if under_27 {
        "Datum van de melding"
    } else {
        "Datum van ontvangst"
    };
    let mut form = Form::new(
        format!(
            "{} voor {name}",
            if under_27 { "Melding" } else { "Aanvraag" }
        ),
        vec![past_date("on", label, today)],
    );
    form.intro = match (under_27, years) {
        (true, Some(years)) => vec![format!(
            "{years} jaar: eerst vier weken zoektermijn; de aanvraag volgt daarna (ontvangen)."
        )],
        (true, None) => {
            vec!["Eerst vier weken zoektermijn; de aanvraag volgt daarna (ontvangen).".to_owned()]
        }
        (false, _) => {
            vec!["De beslistermijn van acht weken en het voorschot beginnen te lopen.".to_owned()]
        }
    };
    popup::form(form, move |values| {
        Ok(Intent::edit(AanvraagEdit::Add {
            client_id,
            on: values.date("on")?,
            under_27,
        }))
    })
}

/// The aanvraag the other keys act on: the one under the cursor on the
/// Aanvragen tab, or elsewhere the client's only open one.
pub fn current<'a>(
    here: &Here,
    current: Option<&'a ApplicationView>,
    any: bool,
) -> Result<&'a ApplicationView, super::Stop> {
    match current {
        Some(app) => Ok(app),
        None if !any => say(format!(
            "Nog geen aanvraag: registreer eerst een melding of aanvraag ({}).",
            key_of(Action::NewApplication, here.rebound)
        )),
        None => say("Kies eerst de aanvraag op de tab Aanvragen."),
    }
}

/// The aanvraag of a melding arrived, after the zoektermijn; while the four weeks
/// still run, only with the reason the municipality waives them.
pub fn received(here: &Here, app: &ApplicationView) -> Start {
    let id = app.application.id;
    let running = app
        .terms
        .iter()
        .find(|t| t.activity.type_code == ZOEKTERMIJN && t.activity.status == ActivityStatus::Open)
        .map(|t| t.activity.end_date)
        .filter(|end| *end > here.today);
    let mut fields = vec![past_date("on", "Ontvangen op", here.today)];
    let title = match running {
        Some(end) => {
            fields.push(Field::new(
                "waiver",
                "Zoektermijn afzien: reden (leeg: niet afzien)",
                FieldKind::OptionalText,
                "",
            ));
            let day = short(end);
            let day = day.rsplit_once(' ').map_or(day.as_str(), |(day, _)| day);
            format!("Aanvraag ontvangen · zoektermijn tot {day}")
        }
        None => "Aanvraag ontvangen".to_owned(),
    };
    let form = Form::new(title, fields);
    Ok(popup::form(form, move |values| {
        let waiver = match running {
            Some(_) => values.optional_text("waiver")?,
            None => None,
        };
        Ok(Intent::edit(AanvraagEdit::Received {
            id,
            on: values.date("on")?,
            waiver,
        }))
    }))
}

/// A hersteltermijn: what is missing, and an end as the catalogue suggests, on a
/// working day.
pub fn herstel(here: &Here, app: &ApplicationView) -> Start {
    let end = herstel_suggestion(here.catalog, here.calendar, here.today)
        .map_err(|err| super::Stop::Say(err.to_string()))?;
    let mut form = Form::new(
        "Hersteltermijn",
        vec![
            Field::new(
                "missing",
                "Wat ontbreekt er? (scheid de stukken met ;)",
                FieldKind::List,
                "",
            ),
            past_date("given", "Gegeven op", here.today),
            Field::new(
                "end",
                "Einddatum",
                FieldKind::EndOf { start: "given" },
                &end.to_string(),
            ),
        ],
    );
    form.intro = vec![
        format!("Bij de aanvraag {}.", received_label(app)),
        "De beslistermijn staat stil vanaf de dag na het geven.".to_owned(),
    ];
    form.calendar = Some(here.calendar.clone());
    let id = app.application.id;
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(AanvraagEdit::Herstel {
            id,
            missing: values.text("missing")?,
            given: values.date("given")?,
            end: values.date("end")?,
        }))
    }))
}

/// "ontvangen 3 dec 2026": an aanvraag by what the klantmanager knows of it.
fn received_label(app: &ApplicationView) -> String {
    let a = &app.application;
    match (a.received_on, a.reported_on) {
        (Some(on), _) => format!("ontvangen {}", dutch(on)),
        (None, Some(on)) => format!("gemeld {}", dutch(on)),
        (None, None) => String::new(),
    }
}

/// A verdaging: the new end, suggested four weeks past the beslistermijn.
pub fn adjourn(here: &Here, app: &ApplicationView) -> Start {
    let end = app
        .terms
        .iter()
        .find(|t| {
            t.activity.type_code == BESLISTERMIJN && t.activity.status == ActivityStatus::Open
        })
        .map_or(here.today, |t| t.activity.end_date);
    let mut form = Form::new(
        "Beslistermijn verdagen",
        vec![
            future_date("to", "Nieuwe einddatum", end.succ_opt(), add_days(end, 28)),
            Field::new(
                "reason",
                "Reden, zoals aan de aanvrager meegedeeld",
                FieldKind::Text,
                "",
            ),
        ],
    );
    form.intro = vec![
        format!("Bij de aanvraag {}.", received_label(app)),
        format!(
            "Awb 4:14 lid 3: vóór het einde van de beslistermijn ({}), met een redelijke \
             termijn.",
            dutch(end)
        ),
    ];
    let id = app.application.id;
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(AanvraagEdit::Adjourn {
            id,
            to: values.date("to")?,
            reason: values.text("reason")?,
        }))
    }))
}

/// The besluiten; the klantmanager picks one, then the day of bekendmaking.
pub fn decide(here: &Here, app: &ApplicationView) -> Start {
    let (id, today) = (app.application.id, here.today);
    let options = Decision::ALL
        .iter()
        .map(|d| (*d, Choice::new(d.name())))
        .collect();
    Ok(Popup::Picker(Picker::new(
        "Besluit",
        options,
        move |decision, _| {
            let form = Form::new(
                format!("Besluit: {}", decision.name().to_lowercase()),
                vec![past_date("made_known", "Bekendgemaakt op", today)],
            );
            let decision = *decision;
            push(popup::form(form, move |values| {
                Ok(Intent::edit(AanvraagEdit::Decide {
                    id,
                    decision,
                    made_known: values.date("made_known")?,
                }))
            }))
        },
    )))
}

/// The keys of an aanvraag, in the dossier.
pub const STARTERS: &[Starter] = &[
    Starter {
        action: Action::NewApplication,
        needs: Need::Dossier,
        start: |on| Some(new_application(&on.here, &on.dossier?.dossier.client)),
    },
    Starter {
        action: Action::ApplicationReceived,
        needs: Need::Dossier,
        start: |on| on_current(on, received),
    },
    Starter {
        action: Action::GiveHersteltermijn,
        needs: Need::Dossier,
        start: |on| on_current(on, herstel),
    },
    Starter {
        action: Action::Adjourn,
        needs: Need::Dossier,
        start: |on| on_current(on, adjourn),
    },
    Starter {
        action: Action::Decide,
        needs: Need::Dossier,
        start: |on| on_current(on, decide),
    },
];

/// `start` on the aanvraag the key acts on: the one under the cursor on the
/// Aanvragen tab, or elsewhere the client's only open one.
fn on_current(on: &On, start: fn(&Here, &ApplicationView) -> Start) -> Option<Start> {
    let view = on.dossier?;
    let any = !view.aanvragen.applications.is_empty();
    Some(current(&on.here, view.current_application(), any).and_then(|app| start(&on.here, app)))
}

impl Edit for AanvraagEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        Ok(match self {
            AanvraagEdit::Add {
                client_id,
                on,
                under_27,
            } => {
                let done = workflow::add_application(cx.store, *client_id, *on, *under_27, today)?;
                let what = if *under_27 { "Melding" } else { "Aanvraag" };
                Applied::done(
                    format!("{what} van {} geregistreerd", dutch(*on)),
                    &done,
                    cx.catalog,
                )
            }
            AanvraagEdit::Received { id, on, waiver } => {
                let done =
                    workflow::receive_application(cx.store, *id, *on, waiver.as_deref(), today)?;
                let what = match waiver {
                    Some(_) => "; van de zoektermijn afgezien",
                    None => "",
                };
                Applied::done(
                    format!("Aanvraag ontvangen op {}{what}", dutch(*on)),
                    &done,
                    cx.catalog,
                )
            }
            AanvraagEdit::Herstel {
                id,
                missing,
                given,
                end,
            } => {
                let done =
                    workflow::give_hersteltermijn(cx.store, *id, missing, *given, *end, today)?;
                let applied = Applied::done(
                    format!("Hersteltermijn tot {}", dutch(*end)),
                    &done,
                    cx.catalog,
                );
                // A hersteltermijn given: its letter in the same step.
                match done.id {
                    Some(activity) => {
                        applied.then(super::letter::offer_hersteltermijn(activity, cx.rebound))
                    }
                    None => applied,
                }
            }
            AanvraagEdit::Adjourn { id, to, reason } => {
                let done = workflow::adjourn(cx.store, *id, *to, reason, today)?;
                Applied::done(
                    format!("Beslistermijn verdaagd tot {}", dutch(*to)),
                    &done,
                    cx.catalog,
                )
            }
            AanvraagEdit::Decide {
                id,
                decision,
                made_known,
            } => {
                let done =
                    workflow::decide_application(cx.store, *id, *decision, *made_known, today)?;
                let applied = Applied::done(
                    format!("Besluit: {}", decision.name().to_lowercase()),
                    &done,
                    cx.catalog,
                );
                // Buiten behandeling: its besluit follows from the aanvraag's own dates.
                if *decision == Decision::NotHandled {
                    applied.then(super::letter::offer_besluit(*id, cx.rebound))
                } else {
                    applied
                }
            }
        })
    }
}
