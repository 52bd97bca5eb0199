//! The keys inside a popup (a picker, a form, a question, the help, the search
//! line), as data like the screens' keys: the popup asks which of its actions a
//! key is, and its footer and the help are written from the same lines.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does inside a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inner {
    /// Enter: choose, save a one-line form, keep a search.
    Choose,
    /// A choice by its number (1–9).
    Number,
    Cancel,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextField,
    PreviousField,
    /// Save, also from a note (where Enter adds a line).
    Save,
    /// Empty the field (a note: the line up to the cursor).
    Clear,
    Yes,
    No,
}

/// A key with or without Ctrl.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub const fn key(code: KeyCode) -> Chord {
    Chord { code, ctrl: false }
}

pub const fn ch(c: char) -> Chord {
    key(KeyCode::Char(c))
}

pub const fn ctrl(c: char) -> Chord {
    Chord {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// One line of a popup's keys: `on` these keys it does `does`. The label names
/// the first `shown` keys; the others are the same key another way (a capital,
/// the vi key beside the arrow).
pub struct InnerBinding {
    pub on: &'static [Chord],
    pub shown: usize,
    pub does: Inner,
    pub description: &'static str,
}

const fn on(
    on: &'static [Chord],
    shown: usize,
    does: Inner,
    description: &'static str,
) -> InnerBinding {
    InnerBinding {
        on,
        shown,
        does,
        description,
    }
}

const DIGITS: &[Chord] = &[
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
];

use KeyCode::{BackTab, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};

#[rustfmt::skip]
pub const PICKER_KEYS: &[InnerBinding] = &[
    on(&[key(Up), ch('k')], 2, Inner::Up, "vorige keuze"),
    on(&[key(Down), ch('j')], 2, Inner::Down, "volgende keuze"),
    on(DIGITS, 9, Inner::Number, "kies dat nummer"),
    on(&[key(Enter)], 1, Inner::Choose, "kiest"),
    on(&[key(Esc)], 1, Inner::Cancel, "annuleert"),
    on(&[ch('g'), key(Home)], 1, Inner::Top, "naar de eerste keuze"),
    on(&[ch('G'), key(End)], 1, Inner::Bottom, "naar de laatste keuze"),
];

#[rustfmt::skip]
pub const FORM_KEYS: &[InnerBinding] = &[
    on(&[key(Tab)], 1, Inner::NextField, "volgend veld"),
    on(&[key(BackTab)], 1, Inner::PreviousField, "vorig veld"),
    on(&[key(Down)], 1, Inner::Down, "volgend veld; notitie: regel"),
    on(&[key(Up)], 1, Inner::Up, "vorig veld; notitie: regel"),
    on(&[key(Enter)], 1, Inner::Choose, "bewaren; notitie: nieuwe regel"),
    on(&[ctrl('s')], 1, Inner::Save, "bewaren, ook in een notitie"),
    on(&[ctrl('u')], 1, Inner::Clear, "veld leeg (notitie: de regel)"),
    on(&[key(Esc)], 1, Inner::Cancel, "annuleren; 2× na getypte tekst"),
];

/// The editing keys of a field, which `tui-textarea` handles: in the help only.
pub const EDITING_KEYS: &[(&str, &str)] = &[
    ("typen", "vervangt geselecteerde tekst"),
    ("←/→", "cursor; Home/End: begin/eind"),
    ("Bksp", "wist terug; Del: wist vooruit"),
];

#[rustfmt::skip]
pub const CONFIRM_KEYS: &[InnerBinding] = &[
    on(&[ch('j'), key(Enter), ch('J'), ch('y')], 2, Inner::Yes, "ja"),
    on(&[ch('n'), key(Esc), ch('N'), ch('q')], 2, Inner::No, "nee"),
    // A long question (an import's preview) scrolls.
    on(&[key(Down)], 1, Inner::Down, "meer"),
    on(&[key(Up)], 1, Inner::Up, "terug"),
    on(&[key(PageDown), ch(' ')], 1, Inner::PageDown, "scherm omlaag"),
    on(&[key(PageUp)], 1, Inner::PageUp, "scherm omhoog"),
    on(&[key(End)], 1, Inner::Bottom, "naar het einde"),
];

#[rustfmt::skip]
pub const HELP_KEYS: &[InnerBinding] = &[
    on(&[key(Down), ch('j')], 1, Inner::Down, "meer"),
    on(&[key(Up), ch('k')], 1, Inner::Up, "terug"),
    on(&[key(PageDown), ch(' ')], 1, Inner::PageDown, "scherm omlaag"),
    on(&[key(PageUp)], 1, Inner::PageUp, "scherm omhoog"),
    on(&[ch('g'), key(Home)], 1, Inner::Top, "naar het begin"),
    on(&[ch('G'), key(End)], 1, Inner::Bottom, "naar het einde"),
    on(&[key(Esc), ch('?'), ch('q')], 2, Inner::Cancel, "sluit"),
];

#[rustfmt::skip]
pub const SEARCH_KEYS: &[InnerBinding] = &[
    on(&[key(Enter)], 1, Inner::Choose, "houdt vast"),
    on(&[key(Esc)], 1, Inner::Cancel, "herstelt"),
    on(&[ctrl('u')], 1, Inner::Clear, "wist"),
];

/// The popup action `key` is in `table`, if any.
pub fn inner_for(table: &[InnerBinding], key: KeyEvent) -> Option<Inner> {
    let chord = Chord {
        code: key.code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
    };
    table.iter().find(|b| b.on.contains(&chord)).map(|b| b.does)
}

/// How one key is written: the same words in every footer and in the help.
pub fn chord_label(chord: Chord) -> String {
    let name = match chord.code {
        KeyCode::Char(' ') => "spatie".to_owned(),
        KeyCode::Char(c) if chord.ctrl => c.to_uppercase().to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".to_owned(),
        KeyCode::Esc => "Esc".to_owned(),
        KeyCode::Tab => "Tab".to_owned(),
        KeyCode::BackTab => "Shift-Tab".to_owned(),
        KeyCode::Backspace => "Bksp".to_owned(),
        KeyCode::Delete => "Del".to_owned(),
        KeyCode::Up => "↑".to_owned(),
        KeyCode::Down => "↓".to_owned(),
        KeyCode::Left => "←".to_owned(),
        KeyCode::Right => "→".to_owned(),
        KeyCode::PageUp => "PgUp".to_owned(),
        KeyCode::PageDown => "PgDn".to_owned(),
        KeyCode::Home => "Home".to_owned(),
        KeyCode::End => "End".to_owned(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    };
    if chord.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

/// How a popup binding's keys are written: a run of digits as "1–9".
pub fn label(binding: &InnerBinding) -> String {
    if binding.does == Inner::Number {
        let first = binding.on.first().copied().map(chord_label);
        let last = binding.on[..binding.shown].last().copied().map(chord_label);
        return format!("{}–{}", first.unwrap_or_default(), last.unwrap_or_default());
    }
    binding.on[..binding.shown.min(binding.on.len())]
        .iter()
        .map(|c| chord_label(*c))
        .collect::<Vec<_>>()
        .join("/")
}

/// The label of `does` in `table` ("" when the table has no such key).
pub fn key_label(table: &[InnerBinding], does: Inner) -> String {
    table
        .iter()
        .find(|b| b.does == does)
        .map(label)
        .unwrap_or_default()
}

/// A popup's bottom line: each action's key with the popup's word for it
/// (" Enter bewaart · Esc annuleert ").
pub fn footer(table: &[InnerBinding], words: &[(Inner, &str)]) -> String {
    let parts: Vec<String> = words
        .iter()
        .map(|(does, word)| format!("{} {word}", key_label(table, *does)))
        .collect();
    format!(" {} ", parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_popup_key_is_bound_once_in_its_table() {
        for table in [PICKER_KEYS, FORM_KEYS, CONFIRM_KEYS, HELP_KEYS, SEARCH_KEYS] {
            let mut seen = Vec::new();
            for binding in table {
                assert!(binding.shown >= 1 && binding.shown <= binding.on.len());
                for chord in binding.on {
                    assert!(!seen.contains(chord), "{chord:?} bound twice");
                    seen.push(*chord);
                }
            }
        }
    }

    #[test]
    fn labels_are_made_from_the_keys() {
        assert_eq!(key_label(PICKER_KEYS, Inner::Number), "1–9");
        assert_eq!(key_label(CONFIRM_KEYS, Inner::Yes), "j/Enter");
        assert_eq!(key_label(FORM_KEYS, Inner::Save), "Ctrl-S");
        assert_eq!(
            footer(
                FORM_KEYS,
                &[(Inner::Choose, "bewaart"), (Inner::Cancel, "annuleert")]
            ),
            " Enter bewaart · Esc annuleert "
        );
    }
}
