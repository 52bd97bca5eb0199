//! What typst sees while it sets a letter: the letter's template and the house
//! style (the municipality's own where it has them, else the built-in ones), the
//! facts as `gegevens.json`, and the fonts that ship inside the program, so a
//! letter is made offline and looks the same on every laptop.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, IntoValue};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The facts of the letter, as the templates read them: `json("gegevens.json")`.
pub const FACTS_FILE: &str = "gegevens.json";

/// The built-in templates: the house style (`brief.typ`) and one per letter.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("brief.typ", include_str!("templates/brief.typ")),
    ("uitnodiging.typ", include_str!("templates/uitnodiging.typ")),
    (
        "hersteltermijn.typ",
        include_str!("templates/hersteltermijn.typ"),
    ),
    ("herinnering.typ", include_str!("templates/herinnering.typ")),
    (
        "informatieverzoek.typ",
        include_str!("templates/informatieverzoek.typ"),
    ),
    ("voornemen.typ", include_str!("templates/voornemen.typ")),
    ("bezwaar.typ", include_str!("templates/bezwaar.typ")),
    ("plan.typ", include_str!("templates/plan.typ")),
    (
        "buiten_behandeling.typ",
        include_str!("templates/buiten_behandeling.typ"),
    ),
    ("besluit.typ", include_str!("templates/besluit.typ")),
    ("rapportage.typ", include_str!("templates/rapportage.typ")),
];

/// A logo in the templates folder, in the order looked for.
const LOGOS: &[&str] = &["logo.svg", "logo.png", "logo.jpg"];

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Parsed once per process: the fonts typst ships (Libertinus Serif, New Computer
/// Modern, DejaVu Sans Mono).
static FONTS: LazyLock<Fonts> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Fonts {
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

pub struct LetterWorld {
    library: LazyHash<Library>,
    main: FileId,
    facts: Bytes,
    folder: Option<PathBuf>,
    today: chrono::NaiveDate,
}

impl LetterWorld {
    /// The world of the template `main` (`hersteltermijn.typ` …), with `facts` as
    /// JSON and the municipality's templates `folder`, if any.
    pub fn new(
        main: &str,
        facts: Vec<u8>,
        folder: Option<&Path>,
        today: chrono::NaiveDate,
    ) -> LetterWorld {
        let mut inputs = Dict::new();
        if let Some(logo) = folder.and_then(|f| LOGOS.iter().find(|l| f.join(l).is_file())) {
            inputs.insert("logo".into(), format!("/{logo}").into_value());
        }
        LetterWorld {
            library: LazyHash::new(Library::builder().with_inputs(inputs).build()),
            main: id_of(main),
            facts: Bytes::new(facts),
            folder: folder.map(Path::to_owned),
            today,
        }
    }

    /// The file name of `id` inside the templates, as the municipality would see
    /// it (`brief.typ`).
    pub fn name(id: FileId) -> String {
        id.vpath().as_rootless_path().to_string_lossy().into_owned()
    }

    /// Where `id` comes from: the municipality's folder when it has the file, else
    /// the built-in templates.
    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if id.package().is_some() {
            return Err(FileError::Other(Some(
                "pakketten worden niet geladen: een brief wordt offline gemaakt".into(),
            )));
        }
        let name = Self::name(id);
        if name == FACTS_FILE {
            return Ok(self.facts.clone());
        }
        if let Some(folder) = &self.folder {
            if let Some(path) = id.vpath().resolve(folder) {
                if let Some(bytes) = read_inside(folder, &path)? {
                    return Ok(Bytes::new(bytes));
                }
            }
        }
        BUILT_IN
            .iter()
            .find(|(built_in, _)| *built_in == name)
            .map(|(_, text)| Bytes::from_string(*text))
            .ok_or_else(|| FileError::NotFound(PathBuf::from(name)))
    }

    /// The source text of a template, for pointing at the line of an error.
    pub fn text_of(&self, id: FileId) -> Option<Source> {
        self.source(id).ok()
    }
}

/// A file of the templates folder (`folder` resolved already): only a regular file
/// that is, once its links are followed, inside the folder. A link out of it (to
/// `/etc/passwd`) or a FIFO (which would hang the letter) is refused; `None` where
/// the folder does not have the file.
fn read_inside(folder: &Path, path: &Path) -> FileResult<Option<Vec<u8>>> {
    let refused =
        |why: &str| FileError::Other(Some(format!("{} {why}", path.display()).as_str().into()));
    let real = match path.canonicalize() {
        Ok(real) => real,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(FileError::from_io(err, path)),
    };
    if !real.starts_with(folder) {
        return Err(refused("wijst buiten de map met sjablonen"));
    }
    let meta = std::fs::metadata(&real).map_err(|err| FileError::from_io(err, path))?;
    if !meta.is_file() {
        return Err(refused("is geen gewoon bestand"));
    }
    std::fs::read(&real)
        .map(Some)
        .map_err(|err| FileError::from_io(err, path))
}

pub fn id_of(name: &str) -> FileId {
    FileId::new(None, VirtualPath::new(name))
}

impl World for LetterWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.read(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_owned()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        use chrono::Datelike;
        Datetime::from_ymd(
            self.today.year(),
            self.today.month() as u8,
            self.today.day() as u8,
        )
    }
}
