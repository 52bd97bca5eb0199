//! An import from the cockpit or the command line: the file read by its profile and
//! planned against the caseload, and the plan in the klantmanager's words.

use std::path::Path;

use inbeeld_core::domain::caseload_import::{check_profile, read_rows, Profile, Refusal};
use inbeeld_core::domain::InputError;
use inbeeld_core::store::{Store, StoreError};
use inbeeld_core::workflow::{self, ImportPlan};

use crate::{load_profile, read_table};

/// Reads `path` by `profile` (or by its headers) and plans the import into `store`.
pub fn plan_file(
    store: &Store,
    path: &Path,
    profile: Option<&Path>,
    today: chrono::NaiveDate,
) -> Result<ImportPlan, StoreError> {
    let table = read_table(path).map_err(|e| bad(e.to_string()))?;
    let profile = match profile {
        Some(p) => load_profile(p).map_err(bad)?,
        None => Profile::from_headers(&table.headers),
    };
    let catalog = store.catalog()?;
    check_profile(&profile, &table.headers, &catalog).map_err(bad)?;
    let read = read_rows(&table, &profile, &catalog, today);
    workflow::plan_import(store, read, today)
}

fn bad(message: String) -> StoreError {
    InputError::Import(message).into()
}

/// The name an import's audit rows give its source: the file's name.
pub fn source_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The preview as lines for a person: what comes, what changes, what is refused.
pub fn preview_lines(plan: &ImportPlan) -> Vec<String> {
    let mut lines = Vec::new();
    for p in &plan.new_clients {
        lines.push(format!(
            "nieuw      regel {:>4}  {} ({} activiteit(en))",
            p.rows[0],
            p.name,
            p.activities.len()
        ));
    }
    for c in &plan.changed_clients {
        let mut what: Vec<String> = c
            .fields
            .iter()
            .map(|f| {
                format!(
                    "{}: {} → {}",
                    f.field,
                    f.old.as_deref().unwrap_or("(leeg)"),
                    f.new.as_deref().unwrap_or("(leeg)")
                )
            })
            .collect();
        if let Some(step) = c.trede {
            what.push(format!("trede → {step}"));
        }
        if let Some(category) = &c.category_differs {
            what.push(format!(
                "categorie in het bestand: {category} (niet gewijzigd; doorstroom is aan u)"
            ));
        }
        lines.push(format!(
            "gewijzigd  regel {:>4}  {}: {}",
            c.row,
            c.name,
            what.join("; ")
        ));
    }
    for a in &plan.new_activities {
        lines.push(format!(
            "activiteit regel {:>4}  {}: {} {} t/m {}",
            a.activity.row,
            a.name,
            a.activity.type_code,
            a.activity.start.format("%d-%m-%Y"),
            a.activity.end.format("%d-%m-%Y")
        ));
    }
    for m in &plan.moved_ends {
        lines.push(format!(
            "einddatum  regel {:>4}  {}: {} → {}",
            m.row,
            m.name,
            m.from.format("%d-%m-%Y"),
            m.to.format("%d-%m-%Y")
        ));
    }
    for m in &plan.missing {
        lines.push(format!(
            "ontbreekt             {} (klant {}): niet in het bestand; niets beëindigd",
            m.name, m.client_id
        ));
    }
    for r in plan.ended.iter() {
        lines.push(format!("beëindigd  {}", refusal_line(r)));
    }
    for r in &plan.refused {
        lines.push(format!("geweigerd  {}", refusal_line(r)));
    }
    lines
}

pub fn refusal_line(r: &Refusal) -> String {
    match &r.column {
        Some(column) => format!("regel {:>4}, kolom '{column}': {}", r.row, r.reason),
        None => format!("regel {:>4}: {}", r.row, r.reason),
    }
}
