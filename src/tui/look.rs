//! How the settings change the cockpit: its colours and its keys, checked once
//! at the start, so that a bad entry is refused with its line before any screen.

use std::str::FromStr;

use ratatui::style::Color;

use super::keymap::{self, Rebound};
use super::theme::Theme;
use crate::settings::{Settings, SettingsError, ThemeName};

/// The colours and keys the cockpit runs with.
#[derive(Debug, Clone, Default)]
pub struct Look {
    pub theme: Theme,
    pub rebound: Vec<Rebound>,
    /// Who letters come from, and the municipality's templates.
    pub sender: crate::domain::letter::Sender,
    pub templates: Option<std::path::PathBuf>,
    /// The settings file, for the message when a sender field is missing.
    pub settings: std::path::PathBuf,
    /// The verordening's verlagingen, suggested when a maatregel is opgelegd.
    pub verordening: crate::domain::sanction::Verordening,
}

/// Which named colour each colour setting replaces.
const ROLES: &[(&str, Color)] = &[
    ("te_laat", Color::Red),
    ("vandaag", Color::Yellow),
    ("wettelijk", Color::Magenta),
    ("in_beeld", Color::Green),
    ("afspraak", Color::Cyan),
];

/// The look the settings ask for; `NO_COLOR` takes the colour away whatever they
/// say.
pub fn from_settings(settings: &Settings) -> Result<Look, SettingsError> {
    let mut theme = match settings.theme {
        ThemeName::Dark => Theme::dark(),
        ThemeName::Light => Theme::light(),
        ThemeName::Plain => Theme::none(),
    };
    for entry in &settings.colours {
        let drawn = ROLES
            .iter()
            .find(|(role, _)| *role == entry.name)
            .map(|(_, color)| *color)
            .ok_or_else(|| {
                settings.refuse(entry.line, format!("onbekende kleur '{}'", entry.name))
            })?;
        let shown = Color::from_str(&entry.value).map_err(|_| {
            settings.refuse(
                entry.line,
                format!(
                    "'{}' is geen kleur: een naam (red, yellow, …) of #rrggbb",
                    entry.value
                ),
            )
        })?;
        theme.map(drawn, shown);
    }
    if Theme::no_color_asked() {
        theme = Theme::none();
    }
    let rebound =
        keymap::rebind(&settings.keys).map_err(|(line, message)| settings.refuse(line, message))?;
    Ok(Look {
        theme,
        rebound,
        sender: settings.sender.clone(),
        templates: settings.templates.clone(),
        settings: settings.path.clone(),
        verordening: settings.verordening.clone(),
    })
}

/// The names the settings file may give a key (`[toetsen]`), in the order of the
/// list in docs/settings.md.
pub fn key_names() -> impl Iterator<Item = &'static str> {
    keymap::action_names()
}
