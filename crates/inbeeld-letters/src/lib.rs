//! Setting a letter as a PDF/A with typst, from a template and the letter's facts.
//! The templates are typst files: built in, or the municipality's own in the
//! folder the settings name (`[brieven] sjablonen`). A template that fails names
//! itself, its line and, where typst says so, the field.

mod documents;
mod make;
mod world;

use thiserror::Error;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::Smart;
use typst::layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

pub use documents::{
    make_besluit, make_plan, make_rapportage, rapportage_from, rapportage_text, NOT_AGREED,
};
pub use make::{
    make_letter, LetterFailure, LetterSetup, MadeLetter, NO_ADDRESS, NO_ADDRESS_COCKPIT,
};
use world::LetterWorld;
pub use world::{BUILT_IN, FACTS_FILE};

use inbeeld_core::domain::letter::LetterKind;

/// A letter that could not be set.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LetterError {
    /// `line` counts from 1; the text after it is the line of the template.
    #[error("sjabloon {template}, regel {line}: {message}")]
    Template {
        template: String,
        line: usize,
        message: String,
    },
    #[error("sjabloon {template}: {message}")]
    Unplaced { template: String, message: String },
    #[error("de brief kan niet als PDF worden geschreven: {0}")]
    Pdf(String),
    #[error(
        "de map met sjablonen {0} bestaat niet (of is geen map); zet bij [brieven] sjablonen een \
         bestaande map, of laat de regel weg voor de ingebouwde huisstijl"
    )]
    NoFolder(String),
}

/// A set letter: the PDF's bytes and its number of pages.
#[derive(Debug, Clone)]
pub struct SetLetter {
    pub pdf: Vec<u8>,
    pub pages: usize,
}

/// The template of a kind of letter.
pub fn template_of(kind: LetterKind) -> String {
    format!("{}.typ", kind.code())
}

/// Sets the letter or document of `facts` (its `gegevens.json`) with the template
/// of its kind; `folder` holds the municipality's templates (those it lacks are the
/// built-in ones).
pub fn set(
    kind: LetterKind,
    facts: &impl serde::Serialize,
    kenmerk: &str,
    folder: Option<&std::path::Path>,
    today: chrono::NaiveDate,
) -> Result<SetLetter, LetterError> {
    let main = template_of(kind);
    let json = serde_json::to_vec(facts).expect("the facts are plain data");
    // A folder the settings name that is not there is a mistake to say, not a
    // reason to fall back on the built-in style unnoticed.
    let folder = match folder {
        Some(folder) => Some(
            folder
                .canonicalize()
                .ok()
                .filter(|f| f.is_dir())
                .ok_or_else(|| LetterError::NoFolder(folder.display().to_string()))?,
        ),
        None => None,
    };
    let world = LetterWorld::new(&main, json, folder.as_deref(), today);
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| explain(&world, &main, &errors))?;
    let options = PdfOptions {
        ident: Smart::Custom(kenmerk),
        standards: PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|err| LetterError::Pdf(err.to_string()))?,
        timestamp: typst::foundations::Datetime::from_ymd_hms(
            chrono::Datelike::year(&today),
            chrono::Datelike::month(&today) as u8,
            chrono::Datelike::day(&today) as u8,
            12,
            0,
            0,
        )
        .map(typst_pdf::Timestamp::new_utc),
        ..PdfOptions::default()
    };
    let pdf =
        typst_pdf::pdf(&document, &options).map_err(|errors| explain(&world, &main, &errors))?;
    Ok(SetLetter {
        pdf,
        pages: document.pages.len(),
    })
}

/// The first error typst gave, as the klantmanager or the municipality's editor
/// of templates can act on it.
fn explain(world: &LetterWorld, main: &str, errors: &[SourceDiagnostic]) -> LetterError {
    let Some(error) = errors
        .iter()
        .find(|e| e.severity == Severity::Error)
        .or(errors.first())
    else {
        return LetterError::Pdf("typst gaf een fout zonder melding".to_owned());
    };
    let message = dutch(&error.message);
    let Some(id) = error.span.id() else {
        return LetterError::Unplaced {
            template: main.to_owned(),
            message,
        };
    };
    let template = LetterWorld::name(id);
    let placed = world.text_of(id).and_then(|source| {
        let range = source.range(error.span)?;
        let line = source.lines().byte_to_line(range.start)?;
        let text = source.text().lines().nth(line)?.trim().to_owned();
        Some((line + 1, text))
    });
    match placed {
        Some((line, text)) => LetterError::Template {
            template,
            line,
            message: format!("{message} (in: {text})"),
        },
        None => LetterError::Unplaced { template, message },
    }
}

/// typst's common messages about a template in Dutch; others as typst gives them.
fn dutch(message: &str) -> String {
    let quoted = |rest: &str| rest.trim().trim_matches('"').to_owned();
    if let Some(rest) = message.strip_prefix("dictionary does not contain key ") {
        return format!(
            "het veld \"{}\" staat niet in de gegevens van de brief",
            quoted(rest.split(" and no default").next().unwrap_or(rest))
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variable: ") {
        return format!("onbekende naam \"{}\"", quoted(rest));
    }
    if let Some(rest) = message.strip_prefix("file not found (searched at ") {
        return format!(
            "bestand niet gevonden: {}",
            rest.trim_end_matches(')').trim()
        );
    }
    if message.starts_with("expected ") || message.starts_with("unclosed ") {
        return format!("schrijffout in het sjabloon: {message}");
    }
    format!("typst: {message}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_typst_messages_read_in_dutch() {
        assert_eq!(
            dutch("dictionary does not contain key \"naamm\""),
            "het veld \"naamm\" staat niet in de gegevens van de brief"
        );
        assert_eq!(dutch("unknown variable: gg"), "onbekende naam \"gg\"");
        assert!(dutch("something else").starts_with("typst: "));
    }

    #[test]
    fn every_kind_has_a_built_in_template() {
        for kind in LetterKind::ALL {
            let name = template_of(kind);
            assert!(BUILT_IN.iter().any(|(n, _)| *n == name), "{name}");
        }
    }
}
