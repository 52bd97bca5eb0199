//! The caseload from the municipal system, from the cockpit: the export's file (and
//! its profile), then the preview — new clients, changes, activities, clients not in
//! the file, refused rows — and only on yes is anything written, in one edit.

use std::path::{Path, PathBuf};

use super::{Here, Need, Start, Starter};
use crate::exchange::{plan_file, preview_lines, source_name};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, Field, FieldKind, Form};
use crate::workflow;

/// The export's file, suggested beside the database, and its profile (if any).
pub fn start(here: &Here) -> Start {
    let folder = here
        .store
        .path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut form = Form::new(
        "Klantenbestand inlezen",
        vec![
            Field::new(
                "path",
                "Export uit het klantsysteem (.xlsx, .ods, .csv)",
                FieldKind::Text,
                &folder.join("export.xlsx").display().to_string(),
            ),
            Field::new(
                "profile",
                "Koppelprofiel (leeg: kolomkoppen herkennen)",
                FieldKind::OptionalText,
                "",
            ),
        ],
    );
    form.intro = vec![
        "Eerst ziet u wat er gebeurt; pas na 'ja' wordt er iets geschreven.".to_owned(),
        "Klanten die niet in het bestand staan worden genoemd, nooit beëindigd.".to_owned(),
    ];
    form.about_client = false;
    Ok(popup::form(form, move |values| {
        let profile = values.optional_text("profile")?.map(PathBuf::from);
        Ok(Intent::edit(Preview {
            path: PathBuf::from(values.text("path")?.trim()),
            profile,
        }))
    }))
}

pub const STARTERS: &[Starter] = &[Starter {
    action: Action::ImportCaseload,
    needs: Need::Nothing,
    start: |on| Some(start(&on.here)),
}];

/// Read the file and show what importing it would do.
#[derive(Debug, Clone)]
struct Preview {
    path: PathBuf,
    profile: Option<PathBuf>,
}

/// Import the file as previewed (planned again: the caseload may have moved on).
#[derive(Debug, Clone)]
struct Import {
    path: PathBuf,
    profile: Option<PathBuf>,
}

impl Edit for Preview {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let plan = plan_file(cx.store, &self.path, self.profile.as_deref(), cx.today)?;
        let name = source_name(&self.path);
        if plan.changes() == 0 {
            let mut said = format!("Niets te doen: {name} en de caseload zijn gelijk");
            if !plan.refused.is_empty() || !plan.missing.is_empty() {
                said = format!("{said} ({})", plan.summary());
            }
            return Ok(Applied::say(said));
        }
        let mut lines = vec![format!("Inlezen: {}", plan.summary())];
        lines.extend(preview_lines(&plan));
        let question = Question::new(
            format!("Inlezen uit {name}?"),
            lines,
            Intent::edit(Import {
                path: self.path.clone(),
                profile: self.profile.clone(),
            }),
        )
        .about_no_client()
        .long();
        Ok(Applied::say(format!("Voorbeeld van {name}: nog niets geschreven")).then(question))
    }
}

impl Edit for Import {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        let plan = plan_file(cx.store, &self.path, self.profile.as_deref(), cx.today)?;
        let name = source_name(&self.path);
        workflow::import_caseload(cx.store, &plan, &name, cx.today)?;
        Ok(Applied::say(format!(
            "Ingelezen uit {name}: {}",
            plan.summary()
        )))
    }
}
