//! The klantmanager's settings: a TOML file in the platform's config folder (or
//! `--settings PATH`, `INBEELD_SETTINGS`). Everything in it is optional; a file that
//! cannot be read as settings is refused with its line, never half used.
//!
//! ```toml
//! [klantmanager]
//! naam = "Sanne de Vries"
//! telefoon = "14 020"
//!
//! [bestand]
//! caseload = "~/caseload.sqlite"
//!
//! [kleuren]
//! thema = "licht"          # donker (standaard), licht of geen
//! te_laat = "#b00000"      # also: vandaag, wettelijk, in_beeld, afspraak
//!
//! [toetsen]
//! afhandelen = "h"         # a key: one character, or Enter, F1 … F12, …
//!
//! [afzender]               # every field is needed for a letter
//! gemeente = "Gemeente Zwolle"
//! afdeling = "Werk en Inkomen"
//! adres = "Postbus 10007, 8000 GA Zwolle"
//! bezoekadres = "Stadhuis, Grote Kerkplein 15, Zwolle"  # where a client comes to
//! naam = "Sanne de Vries"
//! telefoon = "038 498 2000"
//! email = "werkeninkomen@zwolle.nl"
//!
//! [brieven]
//! sjablonen = "~/sjablonen"  # the municipality's own templates (else built in)
//!
//! [agenda]                 # the .ics file beside the caseload, for Outlook
//! bijhouden = true         # keep it up to date after every change (standaard)
//! namen = "initialen"      # or "volledig"; a BSN is never in it
//! bezoekadres = "Stadhuis, Grote Kerkplein 15, Zwolle"
//! herinnering = 15         # minutes before an afspraak
//!
//! [verordening]            # the municipality's maatregelen (Pw art. 18 lid 2)
//! verlagingen = [{ procent = 20, maanden = 1 }, { procent = 50, maanden = 1 },
//!                { procent = 100, maanden = 1 }]   # first, second, third and later
//! terugkijktermijn = 12    # months in which an earlier maatregel counts
//! ```

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::domain::letter::Sender;
use crate::domain::sanction::{Sanction, Verordening, MAX_MONTHS};

/// A settings file that cannot be used: where, and what is wrong, in Dutch.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("instellingen {path}{}: {message}", line.map(|l| format!(", regel {l}")).unwrap_or_default())]
pub struct SettingsError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

/// What the colours of the cockpit are based on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Plain,
}

impl ThemeName {
    pub fn dutch(self) -> &'static str {
        match self {
            ThemeName::Dark => "donker",
            ThemeName::Light => "licht",
            ThemeName::Plain => "geen",
        }
    }
}

/// The roles a colour can be set for, as the file names them.
pub const COLOUR_ROLES: &[&str] = &["te_laat", "vandaag", "wettelijk", "in_beeld", "afspraak"];

/// A value from the file with the line it is on, for a later check that refuses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub value: String,
    pub line: usize,
}

/// The settings in force.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The file read, or the one that would be read.
    pub path: PathBuf,
    /// Whether that file exists (without it every setting has its default).
    pub found: bool,
    pub case_manager: Option<String>,
    pub phone: Option<String>,
    /// The caseload file when no `--db` or `INBEELD_DB` names one.
    pub caseload: Option<PathBuf>,
    pub theme: ThemeName,
    /// A colour per role (`te_laat` …), as written.
    pub colours: Vec<Entry>,
    /// A key per action (`afhandelen` …), as written; the cockpit's keymap checks
    /// them.
    pub keys: Vec<Entry>,
    /// Who letters come from (`[afzender]`); empty fields stay empty.
    pub sender: Sender,
    /// The municipality's own letter templates (`[brieven] sjablonen`).
    pub templates: Option<PathBuf>,
    pub agenda: AgendaSettings,
    /// The verordening's verlagingen and terugkijktermijn (`[verordening]`).
    pub verordening: Verordening,
}

/// `[agenda]`: the iCalendar file beside the caseload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaSettings {
    /// Keep `<caseload>.ics` up to date after every change.
    pub keep: bool,
    /// Full names instead of initials.
    pub full_names: bool,
    pub visiting_address: Option<String>,
    pub reminder_minutes: i64,
}

impl Default for AgendaSettings {
    fn default() -> Self {
        AgendaSettings {
            keep: true,
            full_names: false,
            visiting_address: None,
            reminder_minutes: 15,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    klantmanager: Option<CaseManager>,
    bestand: Option<Files>,
    kleuren: Option<Colours>,
    toetsen: Option<std::collections::BTreeMap<Spanned<String>, toml::Value>>,
    afzender: Option<SenderFile>,
    brieven: Option<Letters>,
    agenda: Option<AgendaFile>,
    verordening: Option<VerordeningFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerordeningFile {
    verlagingen: Option<Spanned<Vec<StepFile>>>,
    terugkijktermijn: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    procent: i64,
    maanden: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgendaFile {
    bijhouden: Option<bool>,
    namen: Option<Spanned<String>>,
    bezoekadres: Option<String>,
    herinnering: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SenderFile {
    gemeente: Option<String>,
    afdeling: Option<String>,
    adres: Option<String>,
    bezoekadres: Option<String>,
    naam: Option<String>,
    telefoon: Option<String>,
    email: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Letters {
    sjablonen: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseManager {
    naam: Option<String>,
    telefoon: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Files {
    caseload: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Colours {
    thema: Option<Spanned<String>>,
    te_laat: Option<Spanned<String>>,
    vandaag: Option<Spanned<String>>,
    wettelijk: Option<Spanned<String>>,
    in_beeld: Option<Spanned<String>>,
    afspraak: Option<Spanned<String>>,
}

/// The platform's settings file: on Linux `~/.config/inbeeld/instellingen.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "inbeeld", "inbeeld")
        .map(|dirs| dirs.config_dir().join("instellingen.toml"))
}

/// The line (from 1) that byte `offset` of `text` is on.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The user's home folder: `HOME` on Unix, the profile folder on Windows (which
/// sets no `HOME`).
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_owned())
}

/// `~/x` (or `~\x`) as the home folder's `x`, as shells read it.
fn expand_home(path: &str) -> PathBuf {
    let rest = path
        .strip_prefix("~/")
        .or_else(|| path.strip_prefix("~\\").filter(|_| cfg!(windows)));
    match (rest, home_dir()) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

impl Settings {
    /// Reads the settings at `path`; a file that is not there gives the defaults.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        let fail = |line: Option<usize>, message: String| SettingsError {
            path: path.display().to_string(),
            line,
            message,
        };
        let mut settings = Settings {
            path: path.to_owned(),
            ..Settings::default()
        };
        let text = match fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes)
                .map_err(|_| fail(None, "het bestand is geen UTF-8-tekst".to_owned()))?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(settings),
            Err(err) => return Err(fail(None, format!("kan niet worden gelezen: {err}"))),
        };
        settings.found = true;
        let file: File = toml::from_str(&text).map_err(|err| {
            let line = err.span().map(|span| line_of(&text, span.start));
            fail(line, dutch_toml_error(err.message()))
        })?;
        if let Some(manager) = file.klantmanager {
            settings.case_manager = manager.naam.filter(|n| !n.trim().is_empty());
            settings.phone = manager.telefoon.filter(|p| !p.trim().is_empty());
        }
        if let Some(caseload) = file.bestand.and_then(|b| b.caseload) {
            settings.caseload = Some(expand_home(&caseload));
        }
        if let Some(sender) = file.afzender {
            let text = |v: Option<String>| v.map(|v| v.trim().to_owned()).unwrap_or_default();
            settings.sender = Sender {
                gemeente: text(sender.gemeente),
                afdeling: text(sender.afdeling),
                adres: text(sender.adres),
                bezoekadres: text(sender.bezoekadres),
                naam: text(sender.naam),
                telefoon: text(sender.telefoon),
                email: text(sender.email),
            };
        }
        if let Some(templates) = file.brieven.and_then(|b| b.sjablonen) {
            // A relative folder is read from beside the settings file.
            let folder = expand_home(&templates);
            settings.templates = Some(match path.parent() {
                Some(parent) if folder.is_relative() => parent.join(folder),
                _ => folder,
            });
        }
        if let Some(agenda) = file.agenda {
            let a = &mut settings.agenda;
            a.keep = agenda.bijhouden.unwrap_or(a.keep);
            if let Some(names) = &agenda.namen {
                a.full_names = match names.get_ref().as_str() {
                    "initialen" => false,
                    "volledig" => true,
                    other => {
                        return Err(fail(
                            Some(line_of(&text, names.span().start)),
                            format!("namen '{other}' in [agenda]: kies initialen of volledig"),
                        ))
                    }
                };
            }
            a.visiting_address = agenda.bezoekadres.filter(|v| !v.trim().is_empty());
            if let Some(minutes) = &agenda.herinnering {
                if !(0..=10_080).contains(minutes.get_ref()) {
                    return Err(fail(
                        Some(line_of(&text, minutes.span().start)),
                        "herinnering in [agenda]: 0 tot en met 10080 minuten".to_owned(),
                    ));
                }
                a.reminder_minutes = *minutes.get_ref();
            }
        }
        // One bezoekadres serves the letters and the agenda alike.
        if settings.sender.bezoekadres.is_empty() {
            if let Some(address) = &settings.agenda.visiting_address {
                settings.sender.bezoekadres = address.trim().to_owned();
            }
        }
        if let Some(verordening) = file.verordening {
            let v = &mut settings.verordening;
            if let Some(steps) = &verordening.verlagingen {
                let line = Some(line_of(&text, steps.span().start));
                let mut read = Vec::new();
                for step in steps.get_ref() {
                    let sanction = u32::try_from(step.procent)
                        .ok()
                        .zip(u32::try_from(step.maanden).ok())
                        .and_then(|(p, m)| Sanction::new(p, m).ok())
                        .ok_or_else(|| {
                            fail(
                                line,
                                format!(
                                    "verlagingen in [verordening]: {} procent gedurende {} \
                                     maanden kan niet; 1 tot en met 100 procent, 1 tot en met \
                                     {MAX_MONTHS} maanden",
                                    step.procent, step.maanden
                                ),
                            )
                        })?;
                    read.push(sanction);
                }
                if read.is_empty() {
                    return Err(fail(
                        line,
                        "verlagingen in [verordening]: noem er ten minste één, bijvoorbeeld \
                         [{ procent = 20, maanden = 1 }]"
                            .to_owned(),
                    ));
                }
                v.steps = read;
            }
            if let Some(months) = &verordening.terugkijktermijn {
                v.look_back_months = u32::try_from(*months.get_ref())
                    .ok()
                    .filter(|m| (1..=60).contains(m))
                    .ok_or_else(|| {
                        fail(
                            Some(line_of(&text, months.span().start)),
                            "terugkijktermijn in [verordening]: 1 tot en met 60 maanden".to_owned(),
                        )
                    })?;
            }
        }
        if let Some(colours) = file.kleuren {
            if let Some(theme) = &colours.thema {
                settings.theme = match theme.get_ref().as_str() {
                    "donker" => ThemeName::Dark,
                    "licht" => ThemeName::Light,
                    "geen" => ThemeName::Plain,
                    other => {
                        return Err(fail(
                            Some(line_of(&text, theme.span().start)),
                            format!("onbekend thema '{other}'; kies donker, licht of geen"),
                        ))
                    }
                };
            }
            let roles = [
                ("te_laat", &colours.te_laat),
                ("vandaag", &colours.vandaag),
                ("wettelijk", &colours.wettelijk),
                ("in_beeld", &colours.in_beeld),
                ("afspraak", &colours.afspraak),
            ];
            for (name, value) in roles {
                if let Some(value) = value {
                    settings.colours.push(Entry {
                        name: name.to_owned(),
                        value: value.get_ref().clone(),
                        line: line_of(&text, value.span().start),
                    });
                }
            }
        }
        if let Some(keys) = file.toetsen {
            for (name, value) in keys {
                let line = line_of(&text, name.span().start);
                let name = name.into_inner();
                let Some(value) = value.as_str() else {
                    return Err(fail(
                        Some(line),
                        format!("toets voor '{name}' moet tekst zijn, bijvoorbeeld \"h\""),
                    ));
                };
                settings.keys.push(Entry {
                    name,
                    value: value.to_owned(),
                    line,
                });
            }
        }
        Ok(settings)
    }

    /// A check on the settings, refused with the line of the entry it is about.
    pub fn refuse(&self, line: usize, message: String) -> SettingsError {
        SettingsError {
            path: self.path.display().to_string(),
            line: Some(line),
            message,
        }
    }
}

/// The TOML parser's message in Dutch, as far as its common messages go.
fn dutch_toml_error(message: &str) -> String {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, known) = rest.split_once(", expected").unwrap_or((rest, ""));
        let known = known
            .trim_start_matches(" one of ")
            .trim_start_matches(' ')
            .to_owned();
        return format!("onbekende instelling {field}; bekend zijn: {known}");
    }
    if message.starts_with("invalid type") {
        let wanted = if message.contains("expected struct") || message.contains("expected a map") {
            "een tabel, zoals [klantmanager] met regels naam = \"…\""
        } else {
            "tekst tussen aanhalingstekens"
        };
        return format!("verkeerd soort waarde: hier hoort {wanted}");
    }
    if message.starts_with("duplicate key") {
        return "deze instelling staat er twee keer in".to_owned();
    }
    "geen geldige TOML: kijk de haken [ ], de aanhalingstekens en het = na".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Settings, SettingsError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("instellingen.toml");
        fs::write(&path, text).unwrap();
        Settings::load(&path)
    }

    #[test]
    fn a_whole_file_is_read() {
        let settings = load(
            "[klantmanager]\nnaam = \"Sanne de Vries\"\ntelefoon = \"14 020\"\n\n\
             [kleuren]\nthema = \"licht\"\nte_laat = \"#b00000\"\n\n\
             [toetsen]\nafhandelen = \"h\"\n",
        )
        .unwrap();
        assert!(settings.found);
        assert_eq!(settings.case_manager.as_deref(), Some("Sanne de Vries"));
        assert_eq!(settings.theme, ThemeName::Light);
        assert_eq!(settings.colours[0].name, "te_laat");
        assert_eq!(settings.colours[0].line, 7);
        assert_eq!(
            settings.keys,
            [Entry {
                name: "afhandelen".into(),
                value: "h".into(),
                line: 10
            }]
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_its_line() {
        let err = load("[kleuren]\nthema = \"paars\"\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("kies donker, licht of geen"), "{err}");
        let err = load("[klantmanager]\nnaam = \"x\"\nnam = \"y\"\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("onbekende instelling"), "{err}");
        let err = load("[kleuren\nthema = 1").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        assert!(err.to_string().starts_with("instellingen "), "{err}");
    }

    #[test]
    fn no_file_gives_the_defaults() {
        let settings = Settings::load(Path::new("/nonexistent/instellingen.toml")).unwrap();
        assert!(!settings.found);
        assert_eq!(settings.theme, ThemeName::Dark);
    }
}
