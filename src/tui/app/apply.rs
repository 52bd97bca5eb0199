//! The one place where an intent becomes a change in the store: checked first
//! (looking ahead, read only, a file replaced, a work item no longer the one on
//! the screen), applied by its flow in one transaction, then the rows rebuilt.

use super::App;
use crate::domain::InputError;
use crate::store::{Store, StoreError};
use crate::tui::intent::{self, Applied, Cx, Edit, Intent, Refused};
use crate::tui::keymap::{key_of, Action};
use crate::tui::popup::Popup;

impl App {
    /// Applies an intent. On success the popups close and the rows are rebuilt; a
    /// refusal stays in the popup that asked, with its text, so nothing typed is
    /// lost.
    pub(super) fn apply(&mut self, intent: Intent) {
        let edit = match intent {
            Intent::PeekAhead { on } => return self.peek_ahead(on),
            Intent::Edit(edit) => edit,
        };
        if self.peek.is_some() {
            return self.peeking_refusal();
        }
        if self.session.read_only {
            self.popups.clear();
            self.message = Some(self.read_only_reason().to_owned());
            return;
        }
        if let Some(refusal) = self.stale(edit.as_ref()) {
            self.popups.clear();
            self.message = Some(refusal);
            return;
        }
        let mut cx = Cx {
            store: &mut self.store,
            catalog: &self.catalog,
            today: self.session.today,
            rebound: &self.rebound,
            letters: &self.letters,
        };
        match intent::apply(edit.as_ref(), &mut cx) {
            Ok(applied) => self.applied(applied),
            Err(Refused::Store(err)) => self.refuse(err),
            Err(Refused::Text(text)) => self.show_refusal(text),
            Err(Refused::Warning(text)) => {
                let shown = self
                    .popups
                    .last_mut()
                    .is_some_and(|top| top.warn(text.clone()));
                if !shown {
                    self.message = Some(text);
                }
            }
        }
    }

    fn applied(&mut self, applied: Applied) {
        self.popups.clear();
        self.message = Some(applied.message);
        if applied.marks_done {
            self.caseload.marked.clear();
        }
        // An extension into the past or a new activity that already ended raises
        // its item at once.
        if let Err(err) = self.sweep_and_refresh() {
            return self.fail(err);
        }
        if let Some(id) = applied.open_dossier {
            self.open_dossier(id);
        }
        if let Some(next) = applied.next {
            self.popups.push(Popup::Confirm(next));
        }
    }

    /// Why an edit may not go ahead on what the klantmanager sees, if so: the file
    /// was replaced under the cockpit (then it is opened again), or the work item
    /// it acts on is no longer the one on the screen.
    fn stale(&mut self, edit: &dyn Edit) -> Option<String> {
        if self.store.replaced() {
            let hook = self.store.take_on_change();
            let reopened = Store::open(self.store.path()).map(|mut store| {
                if let Some(hook) = hook {
                    store.on_change(hook);
                }
                self.store = store;
            });
            let reloaded = reopened.and_then(|()| self.refresh());
            return Some(match reloaded {
                Ok(()) => "Het bestand is intussen vervangen; de cockpit toont het nu opnieuw. \
                           Er is niets gewijzigd: kijk na en doe het zo nodig nog eens."
                    .to_owned(),
                Err(err) => format!("Het bestand is intussen vervangen: {err}"),
            });
        }
        let id = edit.work_item()?;
        let seen = self.worklist.all_items().iter().find(|i| i.id == id)?;
        match self.store.work_item(id) {
            Ok(now) if now.item.client_id == seen.client_id && now.item.title == seen.title => None,
            _ => {
                let said = format!(
                    "{} ({}) is niet meer het werkitem op het scherm; er is niets gewijzigd.",
                    seen.title, seen.client_name
                );
                let _ = self.refresh();
                Some(said)
            }
        }
    }

    /// Damage an error reveals is recorded, so that no process writes to the file
    /// any more.
    fn record_damage(&self, err: &StoreError) {
        if let StoreError::Damaged(reason) = err {
            self.store.mark_damaged(reason);
        }
    }

    /// A failure shown in the status line.
    pub(super) fn fail(&mut self, err: StoreError) {
        self.record_damage(&err);
        self.message = Some(err.to_string());
    }

    /// A refusal shown in the popup that asked, or else in the status line.
    pub(super) fn refuse(&mut self, err: StoreError) {
        self.record_damage(&err);
        let instead = self.instead(&err);
        self.show_refusal(format!("{err}{instead}"));
    }

    /// The cockpit's own words after a refusal the rules give without them: which
    /// key does it instead (the command line adds its options).
    fn instead(&self, err: &StoreError) -> String {
        let StoreError::Input(input) = err else {
            return String::new();
        };
        let key = |action| key_of(action, &self.rebound);
        match input {
            InputError::OpenApplication { .. } => {
                format!(" (toets {} op de tab Aanvragen)", key(Action::Decide))
            }
            InputError::ReopenWithEffects { by_hand: true, .. } => {
                format!(" ({})", key(Action::Undo))
            }
            InputError::NoPlan { .. } => {
                format!("; voeg eerst een doel toe ({})", key(Action::AddGoal))
            }
            _ => String::new(),
        }
    }

    fn show_refusal(&mut self, text: String) {
        let shown = self
            .popups
            .last_mut()
            .is_some_and(|top| top.show_error(text.clone()));
        if !shown {
            self.message = Some(text);
        }
    }
}
