//! Whether a key does something here: one check per action, asked by `act`
//! before it acts, by the status line before it offers a key, and by the help
//! before it shows one as usable. A key that does nothing says why.

use super::{App, Screen, PEEKING};
use crate::domain::activity::ActivityStatus;
use crate::domain::work_item::ItemStatus;
use crate::tui::flow::{self, Need};
use crate::tui::keymap::{key_of, Action};

/// What an action that starts no flow needs: the Team screen, a klantmanager on
/// it, a line to open. A flow's keys say theirs (`flow::Starter::needs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Own {
    /// The file knows the team.
    Team,
    /// A klantmanager on the Team screen.
    Member,
    /// A line to open: a client, a block of the Overzicht, a klantmanager.
    Line,
}

fn own(action: Action) -> Option<Own> {
    match action {
        Action::Team => Some(Own::Team),
        Action::MemberWorklist => Some(Own::Member),
        Action::OpenClient => Some(Own::Line),
        _ => None,
    }
}

/// What a flow's key needs; marking for a handover needs what the handover does.
fn need(action: Action) -> Need {
    match (flow::starter(action), action) {
        (Some(starter), _) => starter.needs,
        (None, Action::Mark) => Need::ActiveClient,
        (None, _) => Need::Nothing,
    }
}

impl App {
    /// Why `action` does nothing here, if it does nothing: said in the status
    /// line, and its key neither offered nor shown as usable.
    pub(super) fn unavailable(&self, action: Action) -> Option<String> {
        if !action.only_looks() {
            if self.peek.is_some() {
                return Some(PEEKING.to_owned());
            }
            // A file that is only read opens no form that could not be saved.
            if self.session.read_only {
                return Some(self.read_only_reason().to_owned());
            }
        }
        let dossier = self
            .dossier
            .as_ref()
            .filter(|_| self.screen == Screen::Dossier);
        let say = |text: &str| Some(text.to_owned());
        if let Some(own) = own(action) {
            return self.own_unavailable(own);
        }
        match need(action) {
            Need::Nothing => None,
            Need::WorkItem => match self.selected_work_item() {
                Some(_) => None,
                None if self.screen == Screen::Week => say("Kies een regel met een werkitem."),
                None => say("Er staat hier geen werkitem."),
            },
            Need::Client => match self.client_for_edit() {
                Some(_) => None,
                None => say("Kies eerst een klant."),
            },
            Need::Dossier => match dossier {
                Some(_) => None,
                None => say("Open eerst het dossier van een klant."),
            },
            Need::OpenActivity | Need::OpenAfspraak => {
                let afspraak = need(action) == Need::OpenAfspraak;
                let Some(activity) = dossier.and_then(|d| d.selected_activity()) else {
                    return say(if afspraak {
                        "Kies eerst een open afspraak op de tab Activiteiten."
                    } else {
                        "Kies eerst een activiteit op de tab Activiteiten of Aanvragen."
                    });
                };
                if activity.status == ActivityStatus::Closed {
                    return Some(format!("{} is al afgesloten.", activity.title));
                }
                let is_afspraak = self
                    .catalog
                    .activity_type(&activity.type_code)
                    .is_ok_and(|t| t.reminder_days.is_some());
                (afspraak && !is_afspraak)
                    .then(|| "Kies eerst een open afspraak op de tab Activiteiten.".to_owned())
            }
            Need::ClosedItem => match dossier.and_then(|d| d.selected_item()) {
                Some(item) if item.status == ItemStatus::Closed => None,
                Some(item) => Some(format!("{} is nog open.", item.title)),
                None => say("Kies eerst een afgehandeld werkitem op de tab Werkitems."),
            },
            Need::Journal => {
                let found = dossier
                    .is_some_and(|d| d.selected_note().is_some() || d.selected_contact().is_some());
                (!found)
                    .then(|| "Kies eerst een notitie of een contactmoment op hun tab.".to_owned())
            }
            Need::ActiveClient if self.caseload.ended => {
                say("Uitgestroomde klanten worden niet overgedragen.")
            }
            Need::ActiveClient => match self.caseload.selected() {
                Some(_) => None,
                None => Some(format!(
                    "Kies of markeer ({}) eerst klanten in de caseload.",
                    key_of(Action::Mark, &self.rebound)
                )),
            },
            Need::EndedClient => {
                let ended = self.caseload.ended
                    && self
                        .caseload
                        .selected()
                        .is_some_and(|c| c.ended_on.is_some());
                (!ended).then(|| {
                    format!(
                        "Heraanmelden gaat bij een uitgestroomde klant: toon ze met {}.",
                        key_of(Action::ToggleEnded, &self.rebound)
                    )
                })
            }
        }
    }

    fn own_unavailable(&self, own: Own) -> Option<String> {
        let say = |text: &str| Some(text.to_owned());
        match own {
            Own::Team if self.has_team => None,
            Own::Team => say(
                "Dit bestand kent het team niet: het Team-scherm is er op de momentopname van \
                 de teamleider, of na een sync met de teamserver.",
            ),
            Own::Member => match self.team.selected() {
                Some(_) => None,
                None => say("Kies eerst een klantmanager."),
            },
            Own::Line => {
                let there = match self.screen {
                    Screen::Overview if self.overview.rows.is_none() => true,
                    Screen::Team => self.team.selected().is_some(),
                    _ => self.selected_client().is_some(),
                };
                (!there).then(|| "Er staat hier geen klant om te openen.".to_owned())
            }
        }
    }
}
