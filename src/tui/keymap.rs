//! Keys are data: one table per screen, from which the key handling, the status-line
//! hints and the help popup are all made, so the help cannot describe keys that do
//! not work.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Help,
    Back,
    Quit,
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the key is written in the help and the hints.
    pub label: &'static str,
    pub action: Action,
    pub description: &'static str,
    /// Shown in the status line, not only in the help.
    pub hint: bool,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    description: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        description,
        hint,
    }
}

pub const LIST_KEYS: &[Binding] = &[
    bind(
        &[KeyCode::Up, KeyCode::Char('k')],
        "↑/k",
        Action::Up,
        "vorige regel",
        false,
    ),
    bind(
        &[KeyCode::Down, KeyCode::Char('j')],
        "↓/j",
        Action::Down,
        "volgende regel",
        false,
    ),
    bind(
        &[KeyCode::PageUp],
        "PgUp",
        Action::PageUp,
        "scherm omhoog",
        false,
    ),
    bind(
        &[KeyCode::PageDown],
        "PgDn",
        Action::PageDown,
        "scherm omlaag",
        false,
    ),
    bind(
        &[KeyCode::Home, KeyCode::Char('g')],
        "g",
        Action::First,
        "naar het begin",
        false,
    ),
    bind(
        &[KeyCode::End, KeyCode::Char('G')],
        "G",
        Action::Last,
        "naar het einde",
        false,
    ),
    bind(&[KeyCode::Char('?')], "?", Action::Help, "toetsen", true),
    bind(&[KeyCode::Esc], "Esc", Action::Back, "terug", false),
    bind(&[KeyCode::Char('q')], "q", Action::Quit, "stoppen", true),
];

/// The action bound to `key` in `bindings`, if any. Ctrl-C always quits.
pub fn action_for(bindings: &[Binding], key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    bindings
        .iter()
        .find(|b| b.keys.contains(&key.code))
        .map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for binding in LIST_KEYS {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} bound twice");
                seen.push(*key);
            }
        }
    }
}
