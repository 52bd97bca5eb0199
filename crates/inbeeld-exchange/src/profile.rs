//! Mapping profiles in TOML: read one a municipality wrote, or write one from a file's
//! headers for the klantmanager to complete.

use std::path::{Path, PathBuf};

use inbeeld_core::domain::caseload_import::Profile;

/// The example profile for an export shaped like the SRG delivery to CBS, shipped with
/// the program (`docs/profiel-srg.toml`).
pub const EXAMPLE_PROFILE: &str = include_str!("../../../docs/profiel-srg.toml");

/// The profile at `path`, or a Dutch line saying where it is wrong.
pub fn load_profile(path: &Path) -> Result<Profile, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("kan het profiel {} niet lezen: {e}", path.display()))?;
    parse_profile(&text).map_err(|e| format!("profiel {}: {e}", path.display()))
}

pub fn parse_profile(text: &str) -> Result<Profile, String> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let message = e.message().trim().to_owned();
        match line {
            Some(line) => format!("regel {line}: {message}"),
            None => message,
        }
    })
}

/// A profile as TOML, to save and complete.
pub fn profile_toml(profile: &Profile) -> String {
    let body = toml::to_string_pretty(profile).unwrap_or_default();
    format!(
        "# Koppelprofiel voor inbeeld: welke kolom wat bevat.\n\
         # Zie docs/profiel-srg.toml voor een volledig voorbeeld.\n\n{body}"
    )
}

/// Saves `profile` beside the export it was made for, as `<export>.profiel.toml`
/// (or `-2`, `-3`, … where that name is taken: a profile already there is never
/// overwritten). Returns where it went.
pub fn save_beside(export: &Path, profile: &Profile) -> Result<PathBuf, String> {
    use std::io::Write;
    let stem = export
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_owned());
    let folder = export.parent().unwrap_or(Path::new("."));
    let text = profile_toml(profile);
    for n in 1..100 {
        let name = match n {
            1 => format!("{stem}.profiel.toml"),
            n => format!("{stem}.profiel-{n}.toml"),
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                return file
                    .write_all(text.as_bytes())
                    .map(|()| path.clone())
                    .map_err(|e| {
                        format!("kan het profiel {} niet schrijven: {e}", path.display())
                    });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(format!(
                    "kan het profiel {} niet schrijven: {e}",
                    path.display()
                ))
            }
        }
    }
    Err(format!(
        "naast {} staan al 99 profielen; ruim er een paar op",
        export.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_profile_reads() {
        let p = parse_profile(EXAMPLE_PROFILE).unwrap();
        assert!(p.kolommen.bsn.is_some());
        assert!(!p.voorzieningen.is_empty());
    }

    #[test]
    fn a_wrong_key_is_named_with_its_line() {
        let err = parse_profile("[kolommen]\nbsn = \"BSN\"\nbnsn = \"x\"\n").unwrap_err();
        assert!(err.starts_with("regel 3"), "{err}");
        assert!(err.contains("bnsn"), "{err}");
    }

    #[test]
    fn a_profile_saved_beside_its_export_never_overwrites_one() {
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("export mei.xlsx");
        let p = Profile::from_headers(&["BSN".to_owned(), "Achternaam".to_owned()]);
        let first = save_beside(&export, &p).unwrap();
        assert_eq!(first, dir.path().join("export mei.profiel.toml"));
        let second = save_beside(&export, &Profile::default()).unwrap();
        assert_eq!(second, dir.path().join("export mei.profiel-2.toml"));
        assert_eq!(load_profile(&first).unwrap(), p);
    }

    #[test]
    fn a_profile_written_reads_back() {
        let headers = vec!["BSN".to_owned(), "Achternaam".to_owned()];
        let p = Profile::from_headers(&headers);
        assert_eq!(parse_profile(&profile_toml(&p)).unwrap(), p);
    }
}
