//! The Windows console's input records as the bytes and resizes the one parser
//! takes. In virtual-terminal input mode (`ENABLE_VIRTUAL_TERMINAL_INPUT`) each key
//! record carries, as a UTF-16 unit, one character of the very sequence a Unix
//! terminal sends: an arrow its escape sequence, a paste its bracketed-paste
//! markers and its line breaks, AltGr its character. Pure, so that it is compiled
//! and tested on every platform; only reading the records is Windows's.

use super::Arrival;

/// A console input record, as far as the cockpit reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// A key event: pressed or released, the UTF-16 unit it carries (0 for a key
    /// without a character, such as Shift alone), and its repeat count.
    Key { down: bool, unit: u16, repeat: u16 },
    /// The window's buffer changed size.
    Resize,
    /// Focus, menu and mouse records: not asked for.
    Other,
}

/// Turns the records of each read into bytes and resizes. It keeps the first half
/// of a surrogate pair whose second half comes in the next read.
#[derive(Debug, Default)]
pub struct ConsoleDecoder {
    high: Option<u16>,
}

impl ConsoleDecoder {
    /// The arrivals of one read: its characters as one run of UTF-8 bytes (the
    /// parser reads a run as one read, as it does a Unix read), split where the
    /// window was resized.
    pub fn decode(&mut self, records: &[Record]) -> Vec<Arrival> {
        let mut arrivals = Vec::new();
        let mut bytes = Vec::new();
        for record in records {
            match *record {
                // A character comes with the key's press; its release repeats it.
                Record::Key {
                    down: true,
                    unit,
                    repeat,
                } if unit != 0 => {
                    for _ in 0..repeat.max(1) {
                        self.unit(unit, &mut bytes);
                    }
                }
                Record::Resize => {
                    if !bytes.is_empty() {
                        arrivals.push(Arrival::Bytes(std::mem::take(&mut bytes)));
                    }
                    arrivals.push(Arrival::Resized);
                }
                Record::Key { .. } | Record::Other => {}
            }
        }
        if !bytes.is_empty() {
            arrivals.push(Arrival::Bytes(bytes));
        }
        arrivals
    }

    fn unit(&mut self, unit: u16, bytes: &mut Vec<u8>) {
        let character = match unit {
            0xD800..=0xDBFF => {
                self.high = Some(unit);
                return;
            }
            0xDC00..=0xDFFF => match self.high.take() {
                Some(high) => char::decode_utf16([high, unit]).next().and_then(Result::ok),
                // A second half without its first: nothing a person typed.
                None => None,
            },
            _ => {
                self.high = None;
                char::from_u32(u32::from(unit))
            }
        };
        if let Some(c) = character {
            let mut buffer = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Parser;
    use super::*;
    use crossterm::event::Event;

    /// A stretch of input as it arrives: text in one read, or a resize.
    #[derive(Clone, Copy)]
    enum Piece<'a> {
        Text(&'a str),
        Resize,
    }

    /// The records a console in VT input mode gives for `text`: each unit pressed
    /// and released, with a Shift press and a focus record in between as noise.
    fn records(text: &str) -> Vec<Record> {
        let mut out = vec![Record::Other];
        for unit in text.encode_utf16() {
            out.push(Record::Key {
                down: true,
                unit: 0,
                repeat: 1,
            });
            out.push(Record::Key {
                down: true,
                unit,
                repeat: 1,
            });
            out.push(Record::Key {
                down: false,
                unit,
                repeat: 1,
            });
        }
        out
    }

    fn drain(parser: &mut Parser, events: &mut Vec<Event>) {
        while let Some(event) = parser.next() {
            events.push(event);
        }
    }

    /// The events of `pieces` through the Unix path (the bytes as read) and
    /// through the console path (records, decoded); a resize is marked as one.
    fn both_paths(pieces: &[Piece]) -> (Vec<Event>, Vec<Event>) {
        let resized = Event::Resize(0, 0);
        let (mut unix, mut unix_events) = (Parser::default(), Vec::new());
        let (mut windows, mut windows_events) = (Parser::default(), Vec::new());
        let mut decoder = ConsoleDecoder::default();
        for piece in pieces {
            match piece {
                Piece::Text(text) => {
                    unix.feed(text.as_bytes());
                    drain(&mut unix, &mut unix_events);
                    for arrival in decoder.decode(&records(text)) {
                        match arrival {
                            Arrival::Bytes(bytes) => windows.feed(&bytes),
                            other => panic!("{other:?} from text"),
                        }
                    }
                    drain(&mut windows, &mut windows_events);
                }
                Piece::Resize => {
                    unix_events.push(resized.clone());
                    assert_eq!(decoder.decode(&[Record::Resize]), [Arrival::Resized]);
                    windows_events.push(resized.clone());
                }
            }
        }
        // The quiet moment after the last read.
        unix.settle();
        windows.settle();
        drain(&mut unix, &mut unix_events);
        drain(&mut windows, &mut windows_events);
        (unix_events, windows_events)
    }

    #[test]
    fn the_console_and_the_terminal_give_the_same_events() {
        use Piece::{Resize, Text};
        let three_lines = "\x1b[200~Eerste regel\r\ntweede regel\r\nderde\x1b[201~";
        let sequences: Vec<Vec<Piece>> = vec![
            vec![Text("a")],
            vec![Text("q")],
            vec![Text("j")],
            vec![Text("A")],
            vec![Text("\r")],
            vec![Text("\t")],
            vec![Text("\x7f")],
            vec![Text("\x1b")],
            vec![Text("\x1b"), Text("\x1b")],
            vec![Text("\x1b\x1b")],
            vec![Text("\x1b[A")],
            vec![Text("\x1b[B")],
            vec![Text("\x1b[C\x1b[D")],
            vec![Text("\x1b[H\x1b[F")],
            vec![Text("\x1b[5~\x1b[6~")],
            vec![Text("\x1bOP")],
            vec![Text("\x1b[15~")],
            vec![Text("\x1b[1;5A")],
            vec![Text("\x03")],
            vec![Text("\x1a")],
            vec![Text("\x1ba")],
            // AltGr: the character itself.
            vec![Text("€")],
            vec![Text("@")],
            vec![Text("ë")],
            vec![Text("ş")],
            vec![Text("ğ")],
            // Outside the BMP: a surrogate pair, also split over two reads.
            vec![Text("😀")],
            vec![Text("a😀b")],
            vec![Text("2026-12-01")],
            vec![Text("Fatima el Amrani")],
            vec![Text(three_lines)],
            vec![Text("\x1b[200~één regel\x1b[201~")],
            vec![
                Text("\x1b[200~"),
                Text("in twee"),
                Text(" stukken\x1b[201~"),
            ],
            // A paste whose end never comes: settled as the text that did.
            vec![Text("\x1b[200~zonder einde")],
            vec![Text("\x1b[200~"), Resize],
            vec![Resize],
            vec![Resize, Text("a")],
            vec![Text("a"), Resize, Text("b")],
            vec![Text("\x1b[A"), Resize, Resize, Text("\r")],
            vec![Text("x"), Text(three_lines), Text("q")],
            vec![Text("\x1b[200~€ 150,-\r\n\x1b[201~")],
            vec![Text("2"), Text("\r"), Text("b")],
        ];
        assert!(sequences.len() >= 40);
        for (i, pieces) in sequences.iter().enumerate() {
            let (unix, windows) = both_paths(pieces);
            assert_eq!(unix, windows, "sequence {i}");
            assert!(!unix.is_empty(), "sequence {i} gave no event");
        }
        // The three-line paste is one paste, never an Enter.
        let (events, _) = both_paths(&[Text(three_lines)]);
        assert_eq!(
            events,
            [Event::Paste(
                "Eerste regel\r\ntweede regel\r\nderde".to_owned()
            )]
        );
    }

    #[test]
    fn a_surrogate_pair_split_over_two_reads_is_one_character() {
        let units: Vec<u16> = "😀".encode_utf16().collect();
        let key = |unit| Record::Key {
            down: true,
            unit,
            repeat: 1,
        };
        let mut decoder = ConsoleDecoder::default();
        assert!(decoder.decode(&[key(units[0])]).is_empty());
        assert_eq!(
            decoder.decode(&[key(units[1])]),
            [Arrival::Bytes("😀".as_bytes().to_vec())]
        );
        // A second half alone is nothing; a repeat count repeats.
        assert!(decoder.decode(&[key(units[1])]).is_empty());
        assert_eq!(
            decoder.decode(&[Record::Key {
                down: true,
                unit: u16::from(b'a'),
                repeat: 3
            }]),
            [Arrival::Bytes(b"aaa".to_vec())]
        );
    }
}
