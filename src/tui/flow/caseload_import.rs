//! The caseload from the municipal system, from the cockpit: the export's file (and
//! its profile, or the columns picked from its headers and saved as one), then the
//! preview — new clients, changes, activities, clients not in
//! the file, refused rows — and only on yes is anything written, in one edit.

use std::path::{Path, PathBuf};

use super::{Here, Need, Start, Starter};
use crate::domain::caseload_import::{check_profile, Profile, Table, FIELDS};
use crate::domain::catalog::Catalog;
use crate::exchange::{plan_file, preview_lines, read_table, save_beside, source_name};
use crate::tui::intent::{Applied, Cx, Edit, Intent, Question, Refused};
use crate::tui::keymap::Action;
use crate::tui::popup::{self, Choice, Field, FieldKind, Form, Picker, Popup, Reply};
use crate::workflow;

/// How the columns of a file without a profile are found.
const RECOGNISE: &str = "herkennen";
const PICK: &str = "kiezen";

/// The export's file, suggested beside the database, and its profile (if any); a
/// file whose headers say too little opens the column picker.
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
                "Koppelprofiel (leeg: zonder profiel)",
                FieldKind::OptionalText,
                "",
            ),
            Field::choice(
                "columns",
                "Zonder profiel: kolommen herkennen of zelf kiezen (wordt een profiel)",
                vec![
                    (RECOGNISE.to_owned(), "Herkennen".to_owned()),
                    (PICK.to_owned(), "Zelf kiezen".to_owned()),
                ],
                false,
                Some(RECOGNISE),
            ),
        ],
    );
    form.intro = vec![
        "Eerst ziet u wat er gebeurt; pas na 'ja' wordt er iets geschreven.".to_owned(),
        "Klanten die niet in het bestand staan worden genoemd, nooit beëindigd.".to_owned(),
    ];
    form.about_client = false;
    let catalog = here.catalog.clone();
    Ok(popup::form_then(form, move |values| {
        let path = PathBuf::from(values.text("path")?.trim());
        if let Some(profile) = values.optional_text("profile")? {
            return Ok(Reply::Apply(Intent::edit(Preview {
                path,
                profile: Some(PathBuf::from(profile)),
            })));
        }
        let table = read_table(&path).map_err(|e| e.to_string())?;
        let recognised = Profile::from_headers(&table.headers);
        let checked = check_profile(&recognised, &table.headers, &catalog);
        match (values.text("columns")?.as_str(), checked) {
            (RECOGNISE, Ok(())) => Ok(Reply::Apply(Intent::edit(Preview {
                path,
                profile: None,
            }))),
            (_, checked) => {
                let columns = Columns::new(path, &table, recognised, checked.err(), &catalog);
                Ok(popup::push(columns.fields(0)))
            }
        }
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
        let mut lines = vec![format!("Inlezen: {}", plan.summary())];
        lines.extend(preview_lines(&plan));
        if plan.changes() == 0 {
            if plan.refused.is_empty() && plan.missing.is_empty() {
                return Ok(Applied::say(format!(
                    "Niets te doen: {name} en de caseload zijn gelijk"
                )));
            }
            // Nothing to write, but rows refused or clients missing: listed, to read.
            lines[0] = format!("Niets in te lezen: {}", plan.summary());
            let notice = Question::notice(format!("Niets in te lezen uit {name}"), lines);
            let said = format!(
                "Niets in te lezen uit {name}: {} regel(s) geweigerd, {} klant(en) niet in het bestand",
                plan.refused.len(),
                plan.missing.len()
            );
            return Ok(Applied::say(said).then(notice));
        }
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

/// The column picker: the file's headers with a value from its rows, and the
/// profile chosen so far. Each step is a picker in the place of the one before.
#[derive(Debug, Clone)]
struct Columns {
    path: PathBuf,
    headers: Vec<String>,
    /// A value from the rows under each header, to recognise the column by.
    samples: Vec<String>,
    profile: Profile,
    /// Why the headers alone would not do.
    why: Option<String>,
    /// The catalogue's categories (code, name), for the default one.
    categories: Vec<(String, String)>,
}

/// A line of the column picker.
#[derive(Debug, Clone, Copy)]
enum Line {
    Done,
    Field(usize),
    DefaultCategory,
    EndOfType,
}

impl Columns {
    fn new(
        path: PathBuf,
        table: &Table,
        profile: Profile,
        why: Option<String>,
        catalog: &Catalog,
    ) -> Columns {
        let samples = (0..table.headers.len())
            .map(|column| {
                table
                    .rows
                    .iter()
                    .find_map(|row| row.cells.get(column).and_then(|c| c.text()))
                    .unwrap_or_default()
            })
            .collect();
        Columns {
            path,
            headers: table.headers.clone(),
            samples,
            profile,
            why,
            categories: catalog
                .categories
                .iter()
                .map(|c| (c.code.clone(), c.name.clone()))
                .collect(),
        }
    }

    fn sample(&self, header: &str) -> Option<&str> {
        let at = self.headers.iter().position(|h| h == header)?;
        Some(self.samples[at].as_str()).filter(|s| !s.is_empty())
    }

    /// The fields, each with its column: choosing one picks its column; the first
    /// line saves the profile and shows what importing would do.
    fn fields(self, selected: usize) -> Popup {
        let name = source_name(&self.path);
        let mut options = vec![(
            Line::Done,
            Choice::new("Klaar: bewaar als profiel en bekijk wat er gebeurt"),
        )];
        for (at, (field, _)) in FIELDS.iter().enumerate() {
            let column = self.profile.kolommen.get(field);
            let note = column
                .and_then(|c| self.sample(c))
                .map(|s| format!("bv. {s}"))
                .unwrap_or_default();
            let label = format!("{field:<16} ← {}", column.map_or("—", String::as_str));
            options.push((Line::Field(at), Choice::with_note(label, note)));
        }
        let standard = &self.profile.standaard;
        let category = standard.categorie.as_deref().map_or("—", |code| {
            self.categories
                .iter()
                .find(|(c, _)| c == code)
                .map_or(code, |(_, name)| name.as_str())
        });
        options.push((
            Line::DefaultCategory,
            Choice::with_note(
                format!("{:<16} ← {category}", "zonder categorie"),
                "een rij die er geen noemt",
            ),
        ));
        let end = if standard.einddatum_van_type {
            "de gebruikelijke duur van de soort"
        } else {
            "geweigerd"
        };
        options.push((
            Line::EndOfType,
            Choice::with_note(
                format!("{:<16} ← {end}", "zonder einddatum"),
                "Enter wisselt",
            ),
        ));
        let mut intro = vec![
            "Kies per gegeven de kolom uit het bestand; — is: niet in het bestand.".to_owned(),
            "Nodig: achternaam (of naam); bij een voorziening ook begindatum.".to_owned(),
        ];
        intro.extend(
            self.why
                .iter()
                .map(|why| format!("Herkend aan de koppen: {why}.")),
        );
        let mut picker = Picker::new(
            format!("Kolommen van {name}"),
            options,
            move |line: &Line, _| match *line {
                Line::Field(at) => popup::replace(self.clone().headers_for(at)),
                Line::DefaultCategory => popup::replace(self.clone().default_category()),
                Line::EndOfType => {
                    let mut next = self.clone();
                    let standard = &mut next.profile.standaard;
                    standard.einddatum_van_type = !standard.einddatum_van_type;
                    popup::replace(next.fields(FIELDS.len() + 2))
                }
                Line::Done => Reply::Apply(Intent::edit(SaveProfile {
                    path: self.path.clone(),
                    headers: self.headers.clone(),
                    profile: self.profile.clone(),
                })),
            },
        )
        .about_no_client();
        picker.intro = intro;
        picker.selected = selected;
        Popup::Picker(picker)
    }

    /// The category of a row that names none.
    fn default_category(self) -> Popup {
        let current = self.profile.standaard.categorie.clone();
        let mut options = vec![(
            None,
            Choice::new("— (een rij zonder categorie wordt geweigerd)"),
        )];
        options.extend(
            self.categories
                .iter()
                .map(|(code, name)| (Some(code.clone()), Choice::new(name.clone()))),
        );
        let selected = current
            .as_ref()
            .and_then(|c| self.categories.iter().position(|(code, _)| code == c))
            .map_or(0, |i| i + 1);
        let mut picker = Picker::new("Categorie voor een rij zonder categorie", options, {
            let this = self.clone();
            move |code: &Option<String>, _| {
                let mut next = this.clone();
                next.profile.standaard.categorie = code.clone();
                popup::replace(next.fields(FIELDS.len() + 2))
            }
        })
        .about_no_client()
        .back(move || popup::replace(self.clone().fields(FIELDS.len() + 1)));
        picker.selected = selected;
        Popup::Picker(picker)
    }

    /// The file's headers for field `at`; choosing one goes back to the fields, at
    /// the next one.
    fn headers_for(self, at: usize) -> Popup {
        let (field, _) = FIELDS[at];
        let current = self.profile.kolommen.get(field).cloned();
        let mut options = vec![(None, Choice::new("— (niet in het bestand)"))];
        for header in &self.headers {
            let note = self
                .sample(header)
                .map(|s| format!("bv. {s}"))
                .unwrap_or_default();
            options.push((
                Some(header.clone()),
                Choice::with_note(header.clone(), note),
            ));
        }
        let selected = current
            .as_ref()
            .and_then(|c| self.headers.iter().position(|h| h == c))
            .map_or(0, |i| i + 1);
        let mut picker = Picker::new(format!("Welke kolom is {field}?"), options, {
            let this = self.clone();
            move |header: &Option<String>, _| {
                let mut next = this.clone();
                next.profile.kolommen.set(field, header.clone());
                // The line below the field just chosen: the fields go top to bottom.
                popup::replace(next.fields((at + 2).min(FIELDS.len())))
            }
        })
        .about_no_client()
        .back(move || popup::replace(self.clone().fields(at + 1)));
        picker.selected = selected;
        Popup::Picker(picker)
    }
}

/// Save the columns chosen as a profile beside the export, then preview with it.
#[derive(Debug, Clone)]
struct SaveProfile {
    path: PathBuf,
    /// The file's headers, as the picker read them.
    headers: Vec<String>,
    profile: Profile,
}

impl Edit for SaveProfile {
    fn apply(&self, cx: &mut Cx) -> Result<Applied, Refused> {
        check_profile(&self.profile, &self.headers, cx.catalog).map_err(Refused::Text)?;
        let saved = save_beside(&self.path, &self.profile).map_err(Refused::Text)?;
        let mut applied = Preview {
            path: self.path.clone(),
            profile: Some(saved.clone()),
        }
        .apply(cx)?;
        applied.message = format!(
            "Profiel bewaard als {}; {}",
            saved.display(),
            lower_first(&applied.message)
        );
        Ok(applied)
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
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
