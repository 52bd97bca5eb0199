//! Letters: one made about an afspraak or hersteltermijn, and the question
//! whether it went out today (a contactmoment per letter).

use super::{say, Here, Need, Start, Starter};
use crate::domain::activity::Activity;
use crate::domain::date::dutch;
use crate::domain::letter::Letter;
use crate::domain::letter::LetterKind;
use crate::letters::LetterFailure;
use crate::tui::dossier::Tab;
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::{key_of, Action, Rebound};
use crate::tui::popup::{Choice, Picker, Popup, Reply};
use crate::workflow;

#[derive(Debug, Clone)]
enum LetterEdit {
    Make { activity: i64, kind: LetterKind },
    Sent { id: i64 },
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

/// `b` in the dossier: on the Brieven tab the selected letter was sent; else a
/// letter about the afspraak or hersteltermijn under the cursor (or the one the
/// selected work item comes from).
pub const STARTERS: &[Starter] = &[Starter {
    action: Action::Letter,
    needs: Need::Dossier,
    start: |on| {
        let view = on.dossier?;
        if view.tab == Tab::Letters {
            return Some(sent(&on.here, view.selected_letter()));
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
                .map_err(|failure| match failure {
                    LetterFailure::Store(err) => Refused::Store(err),
                    other => Refused::Text(other.to_string()),
                })?;
                let file = made.file.display().to_string();
                let mut lines = vec![file.clone(), String::new()];
                if made.without_address {
                    let mut warning = crate::letters::NO_ADDRESS.to_owned();
                    warning[..1].make_ascii_uppercase();
                    lines.extend([format!("{warning}."), String::new()]);
                }
                let next = Question::new(
                    format!("{} gemaakt", kind.name()),
                    lines
                        .into_iter()
                        .chain([format!(
                            "Vandaag verstuurd? j: ja, een contactmoment per brief · n: later \
                             ({} op de tab Brieven)",
                            key_of(Action::Letter, cx.rebound)
                        )])
                        .collect(),
                    Intent::edit(LetterEdit::Sent { id: made.id }),
                );
                Ok(Applied::say(format!("{} gemaakt: {file}", kind.name())).then(next))
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
