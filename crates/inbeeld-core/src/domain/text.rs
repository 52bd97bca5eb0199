//! Text that reaches a terminal: stored without control characters (an escape
//! sequence in a name would rewrite the screen or the terminal's title), shown with
//! any that are already stored as visible placeholders, never raw.

use std::borrow::Cow;

/// Invisible characters that make text look blank or reorder it: zero-width spaces
/// and joiners, direction marks and overrides, the word joiner, the byte-order mark,
/// the soft hyphen, the combining grapheme joiner, Hangul fillers, the braille blank,
/// variation selectors and tags.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
        | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Embeddings, overrides and isolates of the text's direction: in a name or a note
/// they show one thing and store another (U+202E turns "Jan" into what follows it,
/// reversed).
fn reorders(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Blank after Unicode whitespace and format characters: "  ", "\u{200B}", "\u{A0}".
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_format(c))
}

/// The first character a one-line field may not hold (`multi_line`: newlines and
/// tabs are allowed).
pub fn forbidden(text: &str, multi_line: bool) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && !(multi_line && matches!(c, '\n' | '\t' | '\r'))) || reorders(c)
    })
}

/// How a character is named in a refusal: "U+001B".
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `text` with every control character shown as a visible placeholder: C0 controls
/// as their control picture (ESC as ␛), others as �. `keep_newlines` leaves line
/// breaks and tabs alone (a note printed whole).
pub fn visible(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let shown = |c: char| !c.is_control() || (keep_newlines && matches!(c, '\n' | '\t'));
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if shown(c) => c,
                '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('�'),
                '\u{7F}' => '␡',
                _ => '�',
            })
            .collect(),
    )
}

/// A catalogue name as it reads within a sentence ("afgehandeld (antwoord van het
/// OM)"): in small letters, but an abbreviation (OM, WEP, UWV) as it is written.
pub fn in_sentence(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let capitals = word.chars().filter(|c| c.is_uppercase()).count();
            if capitals > 1 && !word.chars().any(char::is_lowercase) {
                word.to_owned()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_in_a_sentence_keeps_its_abbreviations() {
        assert_eq!(
            super::in_sentence("Antwoord van het OM"),
            "antwoord van het OM"
        );
        assert_eq!(super::in_sentence("WEP: Kringloop"), "WEP: kringloop");
        assert_eq!(super::in_sentence("Boete: rapport"), "boete: rapport");
        assert_eq!(super::in_sentence("A"), "a");
    }

    use super::*;

    #[test]
    fn an_escape_sequence_is_shown_not_sent() {
        assert_eq!(visible("Jan\u{1b}]0;pwned\u{7}", false), "Jan␛]0;pwned␇");
        assert_eq!(visible("regel 1\nregel 2", true), "regel 1\nregel 2");
        assert_eq!(visible("regel 1\nregel 2", false), "regel 1␊regel 2");
        assert_eq!(visible("\u{9b}31m", false), "�31m");
        assert!(matches!(visible("Jan de Vries", false), Cow::Borrowed(_)));
    }

    #[test]
    fn blank_means_blank_after_invisible_characters_too() {
        for blank in [
            "",
            "   ",
            "\u{200B}\u{200B}",
            "\u{A0}\u{A0}",
            "\u{FEFF}",
            " \u{2060} ",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        assert!(!is_blank("\u{200B}Jan"));
        for looks_blank in [
            "\u{3164}",
            "\u{115F}\u{1160}",
            "\u{FE0F}",
            "\u{2800}",
            "\u{E0041}",
        ] {
            assert!(is_blank(looks_blank), "{looks_blank:?}");
        }
    }

    #[test]
    fn text_that_shows_one_thing_and_stores_another_is_refused() {
        assert_eq!(forbidden("Jan\u{202E}seirV ed", false), Some('\u{202E}'));
        assert_eq!(
            forbidden("notitie \u{2067}x\u{2069}", true),
            Some('\u{2067}')
        );
        assert_eq!(forbidden("Zoë Çelik-Ünal", false), None);
        assert_eq!(forbidden("مرحبا Jan", false), None);
    }

    #[test]
    fn one_line_fields_take_no_control_characters() {
        assert_eq!(forbidden("Jan\u{1b}[2J", false), Some('\u{1b}'));
        assert_eq!(forbidden("twee\nregels", false), Some('\n'));
        assert_eq!(forbidden("twee\nregels\tmet tab", true), None);
        assert_eq!(forbidden("Jan\u{1b}", true), Some('\u{1b}'));
        assert_eq!(code_point('\u{1b}'), "U+001B");
    }
}
