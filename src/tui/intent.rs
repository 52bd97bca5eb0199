//! What the klantmanager asked for, and the one function that applies it. Each
//! flow (`tui/flow`) has its own edits and says how each is applied; this module
//! knows none of them, so that a new edit touches its flow's file and no other
//! file of the cockpit.

use std::rc::Rc;

use chrono::NaiveDate;

use super::keymap::Rebound;
use crate::domain::catalog::Catalog;
use crate::letters::LetterSetup;
use crate::store::{Store, StoreError};
use crate::workflow::Done;

/// An edit of one flow: it applies itself in one store transaction.
pub trait Edit: std::fmt::Debug {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused>;

    /// The work item the edit acts on, checked against the one on the screen
    /// before it goes ahead.
    fn work_item(&self) -> Option<i64> {
        None
    }
}

/// A change the user asked for; the app applies it through the store.
#[derive(Debug, Clone)]
pub enum Intent {
    Edit(Rc<dyn Edit>),
    /// Show the werkvoorraad and the week as they will stand on `on`, storing
    /// nothing: not an edit.
    PeekAhead {
        on: NaiveDate,
    },
}

impl Intent {
    pub fn edit(edit: impl Edit + 'static) -> Intent {
        Intent::Edit(Rc::new(edit))
    }
}

/// What applying an edit has at hand.
pub struct Cx<'a> {
    pub store: &'a mut Store,
    pub catalog: &'a Catalog,
    pub today: NaiveDate,
    /// The keys as the settings have them, for a text that names one.
    pub rebound: &'a [Rebound],
    pub letters: &'a LetterSetup,
}

/// A question before an edit that cannot be typed back, or the next step offered
/// after one (the letter after a hersteltermijn).
#[derive(Debug, Clone)]
pub struct Question {
    pub title: String,
    /// The first line is what will be done; it is shown in bold.
    pub lines: Vec<String>,
    /// What yes does; `None`: a list only to read (an import with nothing to write
    /// but refused rows), closed by either answer.
    pub intent: Option<Intent>,
    /// The question is about the client in view (its title gets their name).
    pub about_client: bool,
    /// A list to read before answering (an import's preview): drawn as high as the
    /// screen, a line per line, scrolled by `scroll`.
    pub long: bool,
    pub scroll: u16,
}

impl Question {
    pub fn new(title: impl Into<String>, lines: Vec<String>, intent: Intent) -> Question {
        Question {
            title: title.into(),
            lines,
            intent: Some(intent),
            about_client: true,
            long: false,
            scroll: 0,
        }
    }

    /// A long list to read, with nothing to answer.
    pub fn notice(title: impl Into<String>, lines: Vec<String>) -> Question {
        Question {
            title: title.into(),
            lines,
            intent: None,
            about_client: false,
            long: true,
            scroll: 0,
        }
    }

    /// A question with a list to read first (see `long`).
    pub fn long(mut self) -> Question {
        self.long = true;
        self
    }

    /// A question about no one client (an undo, several clients).
    pub fn about_no_client(mut self) -> Question {
        self.about_client = false;
        self
    }
}

/// What an applied edit says and leads to.
#[derive(Debug, Default)]
pub struct Applied {
    /// For the status line.
    pub message: String,
    /// The next step offered, as a question.
    pub next: Option<Question>,
    /// A dossier to open (a new client's).
    pub open_dossier: Option<i64>,
    /// The marked clients of the caseload were handled (ended after a handover).
    pub marks_done: bool,
}

impl Applied {
    pub fn say(message: impl Into<String>) -> Applied {
        Applied {
            message: message.into(),
            ..Applied::default()
        }
    }

    /// `what` was done, with what the edit did besides in the catalogue's words.
    pub fn done(what: impl Into<String>, done: &Done, catalog: &Catalog) -> Applied {
        let what = what.into();
        let summary = done.summary_in(catalog);
        // Said once: where the summary begins with what was done, it alone.
        let first = summary
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_lowercase();
        let said = what.to_lowercase();
        Applied::say(if summary.is_empty() {
            what
        } else if first.starts_with(&said) || said.starts_with(&first) {
            let mut chars = summary.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        } else {
            format!("{what}: {summary}")
        })
    }

    pub fn then(mut self, next: Question) -> Applied {
        self.next = Some(next);
        self
    }
}

/// Why an edit did not go ahead.
#[derive(Debug)]
pub enum Refused {
    Store(StoreError),
    /// A refusal that is not the store's (a letter's template).
    Text(String),
    /// A warning the form shows first; its next Enter goes ahead.
    Warning(String),
}

impl From<StoreError> for Refused {
    fn from(err: StoreError) -> Refused {
        Refused::Store(err)
    }
}

/// Applies `edit` (the app checked first that it may).
pub fn apply(edit: &dyn Edit, cx: &mut Cx) -> Result<Applied, Refused> {
    edit.apply(cx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::effects::Effect;

    #[test]
    fn what_was_done_is_said_once() {
        let catalog = Catalog::default();
        let done = Done {
            effects: vec![Effect::AddNote {
                client: 1,
                date: "2026-11-22".parse().unwrap(),
                text: "Gebeld".into(),
            }],
            id: None,
        };
        let summary = done.summary_in(&catalog);
        assert!(!summary.is_empty());
        let said = Applied::done("Notitie", &done, &catalog).message;
        assert_eq!(said.to_lowercase(), summary.to_lowercase(), "{said}");
        let other = Applied::done("Ans Visser", &done, &catalog).message;
        assert_eq!(other, format!("Ans Visser: {summary}"));
    }
}
