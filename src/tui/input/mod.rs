//! The terminal's input: read from the terminal by a thread of our own and parsed
//! here, not by crossterm's reader. crossterm 0.28 keeps every byte after a
//! paste-start sequence until the paste's end arrives: one stray start froze every
//! key, `q` and Ctrl-C included. Here input that stays unfinished for a quiet moment
//! is settled (an unfinished paste becomes the text that came), so stray input never
//! blocks the loop. Each sequence itself is parsed by `terminput`, a port of
//! crossterm's own parser, and handed on as crossterm's event.
//!
//! One parser, fed by a byte source per platform: the terminal device and SIGWINCH
//! on Unix (`unix`), the console in virtual-terminal input mode on Windows
//! (`windows`), whose records carry the same bytes (`console` turns them into
//! bytes and resizes), so a paste arrives as a paste everywhere.

// Compiled and tested on every platform; read from on Windows.
#[cfg_attr(not(windows), allow(dead_code))]
mod console;
#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode,
    ModifierKeyCode,
};

/// How long unfinished input may wait for the rest of its sequence. A terminal sends
/// a sequence (and a paste) in one go; a person does not type that fast.
pub const QUIET: Duration = Duration::from_millis(150);

const ESC: u8 = 0x1B;
const PASTE_START: &[u8] = b"\x1B[200~";

/// Turns the terminal's bytes into events.
#[derive(Default)]
pub struct Parser {
    buffer: Vec<u8>,
    events: VecDeque<Event>,
}

impl Parser {
    /// Takes the bytes of one read; `more` says whether more were already waiting.
    pub fn feed(&mut self, bytes: &[u8]) {
        for (index, byte) in bytes.iter().enumerate() {
            let more = index + 1 < bytes.len();
            self.buffer.push(*byte);
            // A lone ESC with bytes right behind it starts a sequence; at the end of
            // a read it is the Esc key.
            if self.buffer == [ESC] && more {
                continue;
            }
            // Two Esc presses in one read are two presses, not Alt-Esc.
            if self.buffer == [ESC, ESC] {
                self.events.push_back(key(KeyCode::Esc));
                self.buffer.truncate(1);
                if !more {
                    self.settle();
                }
                continue;
            }
            match terminput::Event::parse_from(&self.buffer) {
                Ok(Some(event)) => {
                    self.events.extend(to_crossterm(event));
                    self.buffer.clear();
                }
                Ok(None) => {}
                Err(_) => self.buffer.clear(),
            }
        }
    }

    /// Whether bytes wait for the rest of their sequence.
    pub fn unfinished(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Settles input that stayed unfinished for the quiet moment: a paste whose end
    /// never came is the text that did; a lone ESC is the Esc key; anything else
    /// unfinished is dropped.
    pub fn settle(&mut self) {
        let bytes = std::mem::take(&mut self.buffer);
        if let Some(text) = bytes.strip_prefix(PASTE_START) {
            self.events
                .push_back(Event::Paste(String::from_utf8_lossy(text).into_owned()));
        } else if bytes == [ESC] {
            self.events.push_back(key(KeyCode::Esc));
        }
    }

    pub fn next(&mut self) -> Option<Event> {
        self.events.pop_front()
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// What a byte source hands the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    Bytes(Vec<u8>),
    Resized,
    Closed,
}

/// The cockpit's input: the platform's byte source, and the one parser.
pub struct Input {
    arrivals: Receiver<Arrival>,
    parser: Parser,
}

impl Input {
    pub fn start() -> std::io::Result<Input> {
        let (send, arrivals) = mpsc::channel();
        #[cfg(unix)]
        unix::start(send)?;
        #[cfg(windows)]
        windows::start(send)?;
        #[cfg(not(any(unix, windows)))]
        {
            drop(send);
            return Err(std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "de cockpit kent op dit platform geen terminal",
            ));
        }
        #[cfg(any(unix, windows))]
        Ok(Input {
            arrivals,
            parser: Parser::default(),
        })
    }

    /// The next event, or `None` when `timeout` passed without one.
    pub fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(event) = self.parser.next() {
                return Ok(Some(event));
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let wait = if self.parser.unfinished() {
                left.min(QUIET)
            } else {
                left
            };
            match self.arrivals.recv_timeout(wait) {
                Ok(Arrival::Bytes(bytes)) => self.parser.feed(&bytes),
                Ok(Arrival::Resized) => {
                    let (columns, rows) = crossterm::terminal::size()?;
                    return Ok(Some(Event::Resize(columns, rows)));
                }
                Ok(Arrival::Closed) | Err(RecvTimeoutError::Disconnected) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "de terminal is gesloten",
                    ));
                }
                Err(RecvTimeoutError::Timeout) if self.parser.unfinished() => self.parser.settle(),
                Err(RecvTimeoutError::Timeout) => return Ok(None),
            }
        }
    }
}

/// terminput's event as crossterm's, which the rest of the cockpit (and
/// tui-textarea) speaks. Mouse events are not asked for and are dropped.
fn to_crossterm(event: terminput::Event) -> Option<Event> {
    match event {
        terminput::Event::Key(key) => Some(Event::Key(key_event(key)?)),
        terminput::Event::Paste(text) => Some(Event::Paste(text)),
        terminput::Event::FocusGained => Some(Event::FocusGained),
        terminput::Event::FocusLost => Some(Event::FocusLost),
        terminput::Event::Resize { rows, cols } => Some(Event::Resize(
            u16::try_from(cols).unwrap_or(u16::MAX),
            u16::try_from(rows).unwrap_or(u16::MAX),
        )),
        terminput::Event::Mouse(_) => None,
    }
}

fn key_event(key: terminput::KeyEvent) -> Option<KeyEvent> {
    use terminput::KeyCode as K;
    let mut modifiers = modifiers(key.modifiers);
    let code = match key.code {
        K::Backspace => KeyCode::Backspace,
        K::Enter => KeyCode::Enter,
        K::Left => KeyCode::Left,
        K::Right => KeyCode::Right,
        K::Up => KeyCode::Up,
        K::Down => KeyCode::Down,
        K::Home => KeyCode::Home,
        K::End => KeyCode::End,
        K::PageUp => KeyCode::PageUp,
        K::PageDown => KeyCode::PageDown,
        // crossterm names Shift-Tab BackTab.
        K::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        K::Tab => KeyCode::Tab,
        K::Delete => KeyCode::Delete,
        K::Insert => KeyCode::Insert,
        K::F(n) => KeyCode::F(n),
        K::Char(c) => KeyCode::Char(c),
        K::Esc => KeyCode::Esc,
        K::CapsLock => KeyCode::CapsLock,
        K::ScrollLock => KeyCode::ScrollLock,
        K::NumLock => KeyCode::NumLock,
        K::PrintScreen => KeyCode::PrintScreen,
        K::Pause => KeyCode::Pause,
        K::Menu => KeyCode::Menu,
        K::KeypadBegin => KeyCode::KeypadBegin,
        K::Media(media) => KeyCode::Media(media_key(media)),
        K::Modifier(code, direction) => KeyCode::Modifier(modifier_key(code, direction)?),
    };
    if code == KeyCode::BackTab {
        modifiers.insert(KeyModifiers::SHIFT);
    }
    let kind = match key.kind {
        terminput::KeyEventKind::Press => KeyEventKind::Press,
        terminput::KeyEventKind::Repeat => KeyEventKind::Repeat,
        terminput::KeyEventKind::Release => KeyEventKind::Release,
    };
    let mut state = KeyEventState::NONE;
    for (from, to) in [
        (terminput::KeyEventState::KEYPAD, KeyEventState::KEYPAD),
        (
            terminput::KeyEventState::CAPS_LOCK,
            KeyEventState::CAPS_LOCK,
        ),
        (terminput::KeyEventState::NUM_LOCK, KeyEventState::NUM_LOCK),
    ] {
        if key.state.contains(from) {
            state.insert(to);
        }
    }
    Some(KeyEvent::new_with_kind_and_state(
        code, modifiers, kind, state,
    ))
}

fn modifiers(from: terminput::KeyModifiers) -> KeyModifiers {
    let mut to = KeyModifiers::NONE;
    for (bit, flag) in [
        (terminput::KeyModifiers::SHIFT, KeyModifiers::SHIFT),
        (terminput::KeyModifiers::ALT, KeyModifiers::ALT),
        (terminput::KeyModifiers::CTRL, KeyModifiers::CONTROL),
        (terminput::KeyModifiers::SUPER, KeyModifiers::SUPER),
        (terminput::KeyModifiers::HYPER, KeyModifiers::HYPER),
        (terminput::KeyModifiers::META, KeyModifiers::META),
    ] {
        if from.contains(bit) {
            to.insert(flag);
        }
    }
    to
}

fn media_key(media: terminput::MediaKeyCode) -> MediaKeyCode {
    use terminput::MediaKeyCode as M;
    match media {
        M::Play => MediaKeyCode::Play,
        M::Pause => MediaKeyCode::Pause,
        M::PlayPause => MediaKeyCode::PlayPause,
        M::Reverse => MediaKeyCode::Reverse,
        M::Stop => MediaKeyCode::Stop,
        M::FastForward => MediaKeyCode::FastForward,
        M::Rewind => MediaKeyCode::Rewind,
        M::TrackNext => MediaKeyCode::TrackNext,
        M::TrackPrevious => MediaKeyCode::TrackPrevious,
        M::Record => MediaKeyCode::Record,
        M::LowerVolume => MediaKeyCode::LowerVolume,
        M::RaiseVolume => MediaKeyCode::RaiseVolume,
        M::MuteVolume => MediaKeyCode::MuteVolume,
    }
}

fn modifier_key(
    code: terminput::ModifierKeyCode,
    direction: terminput::ModifierDirection,
) -> Option<ModifierKeyCode> {
    use terminput::ModifierDirection as D;
    use terminput::ModifierKeyCode as M;
    let left = match direction {
        D::Left => true,
        D::Right => false,
        // Neither side known: not a key the cockpit acts on.
        _ => return None,
    };
    Some(match (code, left) {
        (M::Shift, true) => ModifierKeyCode::LeftShift,
        (M::Shift, false) => ModifierKeyCode::RightShift,
        (M::Control, true) => ModifierKeyCode::LeftControl,
        (M::Control, false) => ModifierKeyCode::RightControl,
        (M::Alt, true) => ModifierKeyCode::LeftAlt,
        (M::Alt, false) => ModifierKeyCode::RightAlt,
        (M::Super, true) => ModifierKeyCode::LeftSuper,
        (M::Super, false) => ModifierKeyCode::RightSuper,
        (M::Hyper, true) => ModifierKeyCode::LeftHyper,
        (M::Hyper, false) => ModifierKeyCode::RightHyper,
        (M::Meta, true) => ModifierKeyCode::LeftMeta,
        (M::Meta, false) => ModifierKeyCode::RightMeta,
        (M::IsoLevel3Shift, _) => ModifierKeyCode::IsoLevel3Shift,
        (M::IsoLevel5Shift, _) => ModifierKeyCode::IsoLevel5Shift,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(parser: &mut Parser) -> Vec<Event> {
        std::iter::from_fn(|| parser.next()).collect()
    }

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn a_paste_split_over_reads_is_one_paste_and_no_keys() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b[200~hal");
        assert!(events(&mut parser).is_empty());
        parser.feed(b"lo\nq\x1b[201~");
        assert_eq!(events(&mut parser), [Event::Paste("hallo\nq".to_owned())]);
        assert!(!parser.unfinished());
    }

    #[test]
    fn a_stray_paste_start_is_settled_and_keys_go_on() {
        let mut parser = Parser::default();
        parser.feed(PASTE_START);
        assert!(parser.unfinished(), "waits for the rest a moment");
        assert!(events(&mut parser).is_empty());
        parser.settle();
        assert_eq!(events(&mut parser), [Event::Paste(String::new())]);
        parser.feed(b"q");
        assert_eq!(
            events(&mut parser),
            [press(KeyCode::Char('q'), KeyModifiers::NONE)]
        );
    }

    #[test]
    fn two_esc_in_one_read_are_two_presses() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b\x1b");
        assert_eq!(
            events(&mut parser),
            [
                press(KeyCode::Esc, KeyModifiers::NONE),
                press(KeyCode::Esc, KeyModifiers::NONE)
            ]
        );
        parser.feed(b"\x1b\x1b[A");
        assert_eq!(
            events(&mut parser),
            [
                press(KeyCode::Esc, KeyModifiers::NONE),
                press(KeyCode::Up, KeyModifiers::NONE)
            ]
        );
    }

    #[test]
    fn keys_arrive_as_crossterm_names_them() {
        let mut parser = Parser::default();
        parser.feed(b"\x1b[A\x1b[Z\x03\x1bx\r");
        let ş = "ş".as_bytes();
        parser.feed(&ş[..1]);
        parser.feed(&ş[1..]);
        parser.feed(b"\x1b");
        assert_eq!(
            events(&mut parser),
            [
                press(KeyCode::Up, KeyModifiers::NONE),
                press(KeyCode::BackTab, KeyModifiers::SHIFT),
                press(KeyCode::Char('c'), KeyModifiers::CONTROL),
                press(KeyCode::Char('x'), KeyModifiers::ALT),
                press(KeyCode::Enter, KeyModifiers::NONE),
                press(KeyCode::Char('ş'), KeyModifiers::NONE),
                press(KeyCode::Esc, KeyModifiers::NONE),
            ]
        );
    }
}
