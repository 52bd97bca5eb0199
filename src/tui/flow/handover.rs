//! A handover to a colleague's laptop: the marked clients in one sealed bundle,
//! then the question whether to end them here as overgedragen.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Here, Need, Start, Starter};
use crate::domain::lifecycle::HANDED_OVER;
use crate::tui::chrome::count;
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, Field, FieldKind, Form};
use crate::workflow::{self, sealing::Protection};

/// The bundle's file, suggested beside the database, and its passphrase twice.
pub fn start(here: &Here, clients: &[(i64, String)]) -> Start {
    let folder = here
        .store
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let path = folder.join(format!("overdracht-{}.json.age", here.today));
    let mut form = Form::new(
        format!(
            "Overdracht van {}",
            count(clients.len(), "klant", "klanten")
        ),
        vec![
            Field::new(
                "path",
                "Bestand voor de overdrachtsbundel",
                FieldKind::Text,
                &path.display().to_string(),
            ),
            Field::new("passphrase", "Wachtwoordzin", FieldKind::Passphrase, ""),
            Field::new(
                "again",
                "Nog eens",
                FieldKind::SameAs { of: "passphrase" },
                "",
            ),
        ],
    );
    let shown = 6;
    form.intro = clients
        .iter()
        .take(shown)
        .map(|(_, name)| format!("· {name}"))
        .collect();
    if clients.len() > shown {
        form.intro
            .push(format!("· en nog {} meer", clients.len() - shown));
    }
    form.intro.push(
        "De bundel wordt versleuteld: geef de wachtwoordzin apart door, niet in dezelfde mail."
            .to_owned(),
    );
    form.intro
        .push("Daarna kunt u ze uitschrijven als overgedragen.".to_owned());
    form.about_client = false;
    let ids: Vec<i64> = clients.iter().map(|(id, _)| *id).collect();
    Ok(popup::form(form, move |values| {
        Ok(Intent::edit(Write {
            ids: ids.clone(),
            path: PathBuf::from(values.text("path")?.trim()),
            passphrase: values.text("passphrase")?,
        }))
    }))
}

/// Write the bundle of these clients.
#[derive(Clone)]
struct Write {
    ids: Vec<i64>,
    path: PathBuf,
    passphrase: String,
}

// The passphrase stays out of any debug output.
impl std::fmt::Debug for Write {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Write")
            .field("ids", &self.ids)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// End these clients in one edit, their open work lapsing.
#[derive(Debug, Clone)]
struct EndClients {
    ids: Vec<i64>,
    on: NaiveDate,
}

/// The marked clients (or the one under the cursor) of the caseload.
pub const STARTERS: &[Starter] = &[Starter {
    action: Action::Handover,
    needs: Need::ActiveClient,
    start: |on| Some(start(&on.here, &on.caseload.handover())),
}];

impl Edit for Write {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let protection = Protection::Passphrase(self.passphrase.clone());
        let written =
            workflow::write_bundle(cx.store, &self.ids, &self.path, &protection, cx.today)?;
        // Every client in the bundle goes, an aanvraag waiting for its besluit with
        // them: the colleague decides it, and no client stays on two laptops.
        let path = self.path.display();
        let lines = vec![
            format!(
                "{} in {path}.",
                count(written, "klant staat", "klanten staan"),
            ),
            format!(
                "Nu {} uitschrijven als overgedragen? Hun open werk vervalt met die reden; \
                 een aanvraag gaat mee naar de collega.",
                count(self.ids.len(), "klant", "klanten")
            ),
            "Nee: ze blijven in de caseload; later kan het met uitstroom in het dossier."
                .to_owned(),
        ];
        let next = Question::new(
            "Uitschrijven als overgedragen?",
            lines,
            Intent::edit(EndClients {
                ids: self.ids.clone(),
                on: cx.today,
            }),
        )
        .about_no_client();
        Ok(Applied::say(format!("Overdrachtsbundel geschreven: {path}")).then(next))
    }
}

impl Edit for EndClients {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let done =
            workflow::end_clients(cx.store, &self.ids, self.on, HANDED_OVER, true, cx.today)?;
        Ok(Applied {
            marks_done: true,
            ..Applied::done(
                format!(
                    "{} uitgeschreven",
                    count(self.ids.len(), "klant", "klanten")
                ),
                &done,
                cx.catalog,
            )
        })
    }
}
