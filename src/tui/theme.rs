//! Colours, applied in one pass over the drawn frame: the views draw with the
//! terminal's named colours (red for late and out of view, yellow for today and
//! warnings, magenta for §, green for in view, cyan for afspraken), and the theme
//! maps each to what this terminal shows best — or removes colour altogether
//! (`NO_COLOR`), leaving bold, reversed and the text itself to carry the meaning.

use ratatui::buffer::Buffer;
use ratatui::style::Color;

/// The named colours the views use, as the theme maps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// No colour at all: every cell in the terminal's own colours.
    pub plain: bool,
    /// (drawn with, shown as) for each colour that is shown otherwise.
    pub mapped: Vec<(Color, Color)>,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::dark()
    }
}

impl Theme {
    /// The colours as drawn: made for a dark background.
    pub fn dark() -> Theme {
        Theme {
            plain: false,
            mapped: Vec::new(),
        }
    }

    /// For a light background: yellow and cyan are hard to read on white.
    pub fn light() -> Theme {
        Theme {
            plain: false,
            mapped: vec![
                (Color::Yellow, Color::Rgb(0x8a, 0x5a, 0x00)),
                (Color::Cyan, Color::Rgb(0x00, 0x5f, 0x87)),
                (Color::Green, Color::Rgb(0x00, 0x6b, 0x2e)),
            ],
        }
    }

    /// No colour (`NO_COLOR`, or the theme `geen`).
    pub fn none() -> Theme {
        Theme {
            plain: true,
            mapped: Vec::new(),
        }
    }

    /// `NO_COLOR` set to anything but the empty string asks for no colour
    /// (no-color.org), whatever the settings say.
    pub fn no_color_asked() -> bool {
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
    }

    /// Shows `drawn` as `shown` from now on.
    pub fn map(&mut self, drawn: Color, shown: Color) {
        self.mapped.retain(|(d, _)| *d != drawn);
        self.mapped.push((drawn, shown));
    }

    fn shown(&self, color: Color) -> Color {
        if self.plain {
            return Color::Reset;
        }
        self.mapped
            .iter()
            .find(|(drawn, _)| *drawn == color)
            .map_or(color, |(_, shown)| *shown)
    }

    /// Applies the theme to every cell of a drawn frame.
    pub fn paint(&self, buffer: &mut Buffer) {
        if !self.plain && self.mapped.is_empty() {
            return;
        }
        for cell in buffer.content.iter_mut() {
            cell.fg = self.shown(cell.fg);
            cell.bg = self.shown(cell.bg);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};

    #[test]
    fn no_colour_keeps_the_modifiers_and_a_light_theme_maps_yellow() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 3, 1));
        buffer[(0, 0)].set_style(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD));
        buffer[(1, 0)].set_style(Style::new().fg(Color::Yellow).bg(Color::Blue));
        let mut light = buffer.clone();
        Theme::none().paint(&mut buffer);
        assert_eq!(buffer[(0, 0)].fg, Color::Reset);
        assert!(buffer[(0, 0)].modifier.contains(Modifier::BOLD));
        assert_eq!(buffer[(1, 0)].bg, Color::Reset);
        Theme::light().paint(&mut light);
        assert_eq!(light[(1, 0)].fg, Color::Rgb(0x8a, 0x5a, 0x00));
        assert_eq!(light[(0, 0)].fg, Color::Red);
    }
}
