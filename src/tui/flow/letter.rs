//! Letters and documents: a letter made about an afspraak or hersteltermijn, the
//! plan van aanpak to sign, a besluit on an aanvraag, a rapportage over a period,
//! and the question whether a letter went out today (a contactmoment per letter).

use chrono::NaiveDate;

use super::{say, Here, Need, Start, Starter};
use crate::domain::activity::Activity;
use crate::domain::date::dutch;
use crate::domain::effects::Decision;
use crate::domain::letter::Letter;
use crate::domain::letter::LetterKind;
use crate::letters::{LetterFailure, MadeLetter};
use crate::store::ApplicationView;
use crate::tui::dossier::Tab;
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::{key_of, Action, Rebound};
use crate::tui::popup::{self, push, Choice, Field, FieldKind, Form, Picker, Popup, Reply};
use crate::workflow;

#[derive(Debug, Clone)]
enum LetterEdit {
    Make {
        activity: i64,
        kind: LetterKind,
    },
    Plan {
        client: i64,
    },
    Besluit {
        application: i64,
        kind: LetterKind,
        text: Option<String>,
    },
    Rapportage {
        client: i64,
        from: NaiveDate,
        to: NaiveDate,
    },
    Sent {
        id: i64,
    },
}

/// The question after an aanvraag was put buiten behandeling: its besluit in the
/// same step, made from the aanvraag's own dates.
pub fn offer_besluit(application: i64, rebound: &[Rebound]) -> Question {
    Question::new(
        "Besluit buiten behandeling maken?",
        vec![
            "Het besluit noemt de aanvraag, de hersteltermijn, wat ontbrak en de dag dat die \
             afliep, met de bezwaartermijn (Awb 4:5, 6:7)."
                .to_owned(),
            String::new(),
            format!(
                "j: besluit maken · n: niet nu (later: {} op de tab Aanvragen)",
                key_of(Action::Letter, rebound)
            ),
        ],
        Intent::edit(LetterEdit::Besluit {
            application,
            kind: LetterKind::BuitenBehandeling,
            text: None,
        }),
    )
}

/// The question after a no-show planned a new afspraak: its invitation.
pub fn offer_invitation(afspraak: i64, on: NaiveDate, rebound: &[Rebound]) -> Question {
    Question::new(
        format!(
            "Uitnodiging voor de nieuwe afspraak op {} maken?",
            dutch(on)
        ),
        vec![
            "De brief noemt de dag, de tijd, waar of hoe, en wat mee te nemen.".to_owned(),
            String::new(),
            format!(
                "j: uitnodiging maken · n: niet nu (later: {} op de afspraak)",
                key_of(Action::Letter, rebound)
            ),
        ],
        Intent::edit(LetterEdit::Make {
            activity: afspraak,
            kind: LetterKind::Invitation,
        }),
    )
}

/// On the Plan tab: the plan van aanpak of the current version, to print and sign.
fn plan(here: &Here, client: i64) -> Start {
    let Ok(plan) = here.store.current_plan(client) else {
        return say(format!(
            "Nog geen plan van aanpak om af te drukken: begin er een op deze tab ({}).",
            key_of(Action::NewPlanVersion, here.rebound)
        ));
    };
    Ok(Popup::Confirm(Question::new(
        format!("Plan van aanpak (versie {}) afdrukken?", plan.version),
        vec![
            format!(
                "{} met {} deadline, de lopende afspraken, de evaluatie en ruimte voor \
                 beide handtekeningen.",
                match plan.goals.len() {
                    1 => "Het doel".to_owned(),
                    n => format!("{n} doelen"),
                },
                if plan.goals.len() == 1 { "zijn" } else { "hun" }
            ),
            String::new(),
            "j: PDF maken · n: niet nu".to_owned(),
        ],
        Intent::edit(LetterEdit::Plan { client }),
    )))
}

/// On the Aanvragen tab: the besluit on the aanvraag under the cursor, once it is
/// recorded.
fn besluit(here: &Here, app: Option<&ApplicationView>) -> Start {
    let Some(view) = app else {
        return say("Kies eerst een aanvraag op de tab Aanvragen.");
    };
    let application = view.application.id;
    let decision = view
        .application
        .decision
        .as_deref()
        .and_then(|d| Decision::parse(d).ok());
    let Some(decision) = decision else {
        return say(format!(
            "Deze aanvraag heeft nog geen besluit: leg het eerst vast ({}), dan volgt de \
             bezwaartermijn die het besluit noemt.",
            key_of(Action::Decide, here.rebound)
        ));
    };
    let mut kinds = Vec::new();
    if decision == Decision::NotHandled {
        kinds.push(LetterKind::BuitenBehandeling);
    }
    kinds.push(LetterKind::Besluit);
    let options = kinds
        .into_iter()
        .map(|k| {
            let note = match k {
                LetterKind::BuitenBehandeling => "uit de data van de aanvraag",
                _ => "de tekst van de gemeente, met uw motivering",
            };
            (k, Choice::with_note(k.name(), note))
        })
        .collect();
    Ok(Popup::Picker(Picker::new(
        format!("Besluit: {}", decision.name().to_lowercase()),
        options,
        move |kind, _| {
            let kind = *kind;
            if kind == LetterKind::BuitenBehandeling {
                return Reply::Apply(Intent::edit(LetterEdit::Besluit {
                    application,
                    kind,
                    text: None,
                }));
            }
            let mut form = Form::new(
                "Besluit",
                vec![Field::new(
                    "reasons",
                    "Motivering: waarom is zo besloten?",
                    FieldKind::Multiline,
                    "",
                )],
            );
            form.intro = vec![
                "De klant leest uw motivering in het besluit, met de bezwaarclausule.".to_owned(),
            ];
            push(popup::form(form, move |values| {
                Ok(Intent::edit(LetterEdit::Besluit {
                    application,
                    kind,
                    text: Some(values.text("reasons")?),
                }))
            }))
        },
    )))
}

/// On the Contacten, Notities and Situatie tabs: a rapportage over a period (the
/// last three months unless said otherwise).
fn rapportage(here: &Here, client: i64) -> Start {
    let today = here.today;
    let date = |name, label, initial: NaiveDate| {
        Field::new(
            name,
            label,
            FieldKind::Date {
                not_before: None,
                not_after: Some(today),
            },
            &initial.to_string(),
        )
    };
    let from = crate::letters::rapportage_from(today);
    let mut form = Form::new(
        "Rapportage",
        vec![date("from", "Van", from), date("to", "Tot en met", today)],
    );
    form.intro = vec![
        "Het dossier over de periode: contacten, notities, afspraken, activiteiten, plan, \
         ladder en leefgebieden, besluiten. Als PDF en als platte tekst."
            .to_owned(),
    ];
    Ok(push_form(form, client))
}

fn push_form(form: Form, client: i64) -> Popup {
    popup::form(form, move |values| {
        let (from, to) = (values.date("from")?, values.date("to")?);
        if to < from {
            return Err("de laatste dag ligt vóór de eerste".to_owned());
        }
        Ok(Intent::edit(LetterEdit::Rapportage { client, from, to }))
    })
}

/// The question after a hersteltermijn was given: its letter in the same step.
pub fn offer_hersteltermijn(activity: i64, rebound: &[Rebound]) -> Question {
    Question::new(
        "Hersteltermijnbrief maken?",
        vec![
            "De brief noemt wat er ontbreekt, de einddatum en wat er gebeurt als de stukken \
             niet komen (Awb 4:5)."
                .to_owned(),
            String::new(),
            format!(
                "j: brief maken · n: niet nu (later: {} op de hersteltermijn)",
                key_of(Action::Letter, rebound)
            ),
        ],
        Intent::edit(LetterEdit::Make {
            activity,
            kind: LetterKind::Hersteltermijn,
        }),
    )
}

/// A letter about `activity` (an afspraak or a hersteltermijn): which one.
pub fn make(here: &Here, activity: Option<&Activity>) -> Start {
    let Some(activity) = activity else {
        return say(format!(
            "Kies eerst een afspraak, hersteltermijn, informatieverzoek of zienswijze (tab Activiteiten of Werkitems) en toets {}.",
            key_of(Action::Letter, here.rebound)
        ));
    };
    let kinds = LetterKind::for_type(&activity.type_code);
    if kinds.is_empty() {
        return say(format!(
            "Geen brief bij een {}: brieven zijn er voor afspraken, hersteltermijnen, informatieverzoeken en de zienswijze na een voornemen.",
            here.catalog
                .activity_type_name(&activity.type_code)
                .to_lowercase()
        ));
    }
    let options = kinds.iter().map(|k| (*k, Choice::new(k.name()))).collect();
    let id = activity.id;
    Ok(Popup::Picker(Picker::new(
        format!("Brief over {}", activity.title),
        options,
        move |kind, _| {
            Reply::Apply(Intent::edit(LetterEdit::Make {
                activity: id,
                kind: *kind,
            }))
        },
    )))
}

/// On the Brieven tab: the letter under the cursor went out today?
pub fn sent(here: &Here, letter: Option<&Letter>) -> Start {
    let Some(letter) = letter else {
        return say(format!(
            "Nog geen brieven: toets {} op een afspraak, hersteltermijn, informatieverzoek of zienswijze.",
            key_of(Action::Letter, here.rebound)
        ));
    };
    if let Some(on) = letter.sent_on {
        return say(format!("Deze brief is al verstuurd, op {}.", dutch(on)));
    }
    let kind = LetterKind::from_code(&letter.kind)
        .map_or_else(|_| "Brief".to_owned(), |k| k.name().to_owned());
    Ok(Popup::Confirm(Question::new(
        format!("{kind} verstuurd?"),
        vec![
            format!("Over: {}", letter.about),
            format!("Gemaakt op {}: {}", dutch(letter.made_on), letter.file),
            String::new(),
            "j: vandaag verstuurd (een contactmoment per brief) · n: nog niet".to_owned(),
        ],
        Intent::edit(LetterEdit::Sent { id: letter.id }),
    )))
}

/// `b` in the dossier: on the Brieven tab the selected letter was sent; on the
/// Plan tab the plan van aanpak; on the Aanvragen tab the besluit; on the
/// Contacten, Notities and Situatie tabs a rapportage; else a letter about the
/// afspraak or hersteltermijn under the cursor (or the one the selected work item
/// comes from).
pub const STARTERS: &[Starter] = &[Starter {
    action: Action::Letter,
    needs: Need::Dossier,
    start: |on| {
        let view = on.dossier?;
        let client = view.dossier.client.id;
        match view.tab {
            Tab::Letters => return Some(sent(&on.here, view.selected_letter())),
            Tab::Plan => return Some(plan(&on.here, client)),
            // A hersteltermijn's row: its letters; the aanvraag's: its besluit.
            Tab::Aanvragen
                if view
                    .selected_activity()
                    .is_none_or(|a| LetterKind::for_type(&a.type_code).is_empty()) =>
            {
                return Some(besluit(&on.here, view.current_application()))
            }
            Tab::Aanvragen => {}
            Tab::Contacts | Tab::Notes | Tab::Situation => {
                return Some(rapportage(&on.here, client))
            }
            Tab::Activities | Tab::Items => {}
        }
        let about = view.selected_activity().or_else(|| {
            let source = view.selected_item()?.source_activity_id?;
            view.activities.iter().find(|a| a.id == source)
        });
        Some(make(&on.here, about))
    },
}];

impl Edit for LetterEdit {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let today = cx.today;
        match self {
            LetterEdit::Make { activity, kind } => {
                let made = crate::letters::make_letter(
                    cx.store, cx.letters, *kind, *activity, None, today,
                )
                .map_err(refused)?;
                Ok(made_said(&made, cx))
            }
            LetterEdit::Plan { client } => {
                let made = crate::letters::make_plan(cx.store, cx.letters, *client, None, today)
                    .map_err(refused)?;
                Ok(made_said(&made, cx))
            }
            LetterEdit::Besluit {
                application,
                kind,
                text,
            } => {
                let made = crate::letters::make_besluit(
                    cx.store,
                    cx.letters,
                    *kind,
                    *application,
                    text.as_deref(),
                    None,
                    today,
                )
                .map_err(refused)?;
                Ok(made_said(&made, cx))
            }
            LetterEdit::Rapportage { client, from, to } => {
                let made = crate::letters::make_rapportage(
                    cx.store,
                    cx.letters,
                    *client,
                    (*from, *to),
                    None,
                    today,
                )
                .map_err(refused)?;
                Ok(made_said(&made, cx))
            }
            LetterEdit::Sent { id } => {
                let about = cx
                    .store
                    .letter(*id)
                    .map_or_else(|_| "Brief".to_owned(), |l| l.about);
                let done = workflow::send_letter(cx.store, *id, today, today)?;
                Ok(Applied::done(about, &done, cx.catalog))
            }
        }
    }
}

fn refused(failure: LetterFailure) -> Refused {
    match failure {
        LetterFailure::Store(err) => Refused::Store(err),
        other => Refused::Text(other.to_string()),
    }
}

/// A letter or document made: where it is, and for what goes out (a letter, a
/// besluit) whether it went out today.
fn made_said(made: &MadeLetter, cx: &Cx) -> Applied {
    let file = made.file.display().to_string();
    let said = match &made.text {
        Some(text) => format!(
            "{} gemaakt: {file} (en als tekst: {})",
            made.kind.name(),
            text.display()
        ),
        None => format!("{} gemaakt: {file}", made.kind.name()),
    };
    if !made.kind.is_sent() {
        return Applied::say(said);
    }
    let mut lines = vec![file, String::new()];
    if made.without_address {
        let warning = crate::letters::NO_ADDRESS_COCKPIT;
        lines.extend([format!("{warning}."), String::new()]);
    }
    lines.push(format!(
        "Vandaag verstuurd? j: ja, een contactmoment per brief · n: later ({} op de tab Brieven)",
        key_of(Action::Letter, cx.rebound)
    ));
    Applied::say(said).then(Question::new(
        format!("{} gemaakt", made.kind.name()),
        lines,
        Intent::edit(LetterEdit::Sent { id: made.id }),
    ))
}
