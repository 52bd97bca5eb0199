//! Undo: today's last edit taken back, after a question that names it.

use super::{say, Here, Need, Start, Starter};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::Popup;
use crate::workflow;

/// Undo edit `id`, which the klantmanager confirmed.
#[derive(Debug, Clone)]
struct Undo {
    id: i64,
}

pub fn start(here: &Here) -> Start {
    let Some(edit) = workflow::undoable(here.store, here.today)? else {
        return say("Er is vandaag niets (meer) om ongedaan te maken.");
    };
    let question = Question::new(
        "Ongedaan maken?",
        vec![
            format!("Vandaag om {}: {}", edit.local_time(), edit.summary),
            "Dit wordt teruggezet; niets wordt verwijderd, het blijft in de geschiedenis."
                .to_owned(),
        ],
        Intent::edit(Undo { id: edit.id }),
    );
    Ok(Popup::Confirm(question.about_no_client()))
}

/// Ctrl-Z: today's last edit.
pub const STARTERS: &[Starter] = &[Starter {
    action: Action::Undo,
    needs: Need::Nothing,
    start: |on| Some(start(&on.here)),
}];

impl Edit for Undo {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let edit = workflow::undo(cx.store, self.id, cx.today)?;
        Ok(Applied::say(format!("Ongedaan gemaakt: {}", edit.summary)))
    }
}
