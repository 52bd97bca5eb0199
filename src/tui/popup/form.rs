//! Small forms in popups, checked as the user types, so that what is wrong is said
//! before saving and nothing is saved half. A form hands its values over by name:
//! the flow that opened it reads `values.date("end")`, never a position.

use chrono::NaiveDate;
use crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::field::{folded, wrapped_lines, Field, FieldKind, Value, FORM_WIDTH};
use crate::domain::calendar::LegalCalendar;
use crate::domain::date::{dutch, parse_time, parse_written, parse_written_past};
use crate::domain::terms::hersteltermijn_warning;
use crate::tui::chrome::centered;
use crate::tui::keymap::inner::{footer, inner_for, key_label, Inner, FORM_KEYS};

/// The values of a submitted form, by the names of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    values: Vec<(&'static str, Value)>,
    /// The form showed its warning once (a client who may exist already): this
    /// Enter goes ahead.
    pub warned: bool,
}

impl Values {
    #[cfg(test)]
    pub fn new(values: Vec<(&'static str, Value)>) -> Values {
        Values {
            values,
            warned: false,
        }
    }

    /// The value of field `name`; a form without it is a fault of the form, said
    /// as one, never a default (a date of 1970, an empty title).
    fn get(&self, name: &str) -> Result<&Value, String> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| format!("het formulier mist het veld '{name}'"))
    }

    pub fn text(&self, name: &str) -> Result<String, String> {
        self.get(name)?
            .text()
            .ok_or_else(|| format!("het veld '{name}' is leeg"))
    }

    /// Text that may be left empty.
    pub fn optional_text(&self, name: &str) -> Result<Option<String>, String> {
        Ok(self.get(name)?.text())
    }

    pub fn date(&self, name: &str) -> Result<NaiveDate, String> {
        self.get(name)?
            .date()
            .ok_or_else(|| format!("het veld '{name}' is geen datum"))
    }

    /// A date that may be left empty.
    pub fn optional_date(&self, name: &str) -> Result<Option<NaiveDate>, String> {
        Ok(self.get(name)?.date())
    }

    pub fn number(&self, name: &str) -> Result<i64, String> {
        self.get(name)?
            .number()
            .ok_or_else(|| format!("het veld '{name}' is geen getal"))
    }
}

pub struct Form {
    pub title: String,
    /// Lines shown above the fields: what the edit will do (the open work an
    /// uitstroom lets lapse).
    pub intro: Vec<String>,
    pub fields: Vec<Field>,
    /// For a hersteltermijn: an end date on a day the Atw avoids gets a warning.
    pub calendar: Option<LegalCalendar>,
    /// The day `morgen`, `vrijdag` and `+2w` count from; set by the cockpit.
    pub today: Option<NaiveDate>,
    /// The working days, for the warning on a deadline; set by the cockpit.
    pub working_days: Option<LegalCalendar>,
    pub focus: usize,
    /// Enter was pressed: from now on blank fields say that they are required.
    tried: bool,
    /// Esc was pressed once over typed text: the next Esc throws it away.
    esc_armed: bool,
    /// A refusal from the store, shown until the next key.
    pub error: Option<String>,
    /// What Enter does, in the footer (`bewaart` unless the form stores nothing).
    pub enter_does: &'static str,
    /// For an afspraak: the afspraken already planned (day, time), so that a double
    /// booking is warned about under the time before saving.
    pub busy: Vec<(NaiveDate, String)>,
    /// The form is about the client in view (its title gets their name); not so
    /// for a new client, a handover of several, looking ahead.
    pub about_client: bool,
    /// A warning was shown; the next Enter goes ahead (see `Values::warned`).
    pub warned: bool,
}

pub enum FormEvent {
    Editing,
    Cancel,
    Submit(Values),
}

impl Form {
    pub fn new(title: impl Into<String>, mut fields: Vec<Field>) -> Form {
        if let Some(first) = fields.first_mut() {
            first.enter();
        }
        Form {
            title: title.into(),
            intro: Vec::new(),
            fields,
            calendar: None,
            today: None,
            working_days: None,
            focus: 0,
            tried: false,
            esc_armed: false,
            error: None,
            enter_does: "bewaart",
            busy: Vec::new(),
            about_client: true,
            warned: false,
        }
    }

    /// The place of field `name`, for a field that refers to another.
    fn index_of(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }

    /// The day in the nearest date field before field `i` (the afspraak's day for
    /// its time).
    fn day_before_field(&self, i: usize) -> Option<NaiveDate> {
        (0..i)
            .rev()
            .find_map(|j| self.value(j).ok().and_then(|v| v.date()))
    }

    pub fn has_text(&self) -> bool {
        self.fields
            .iter()
            .any(|f| !f.is_blank() && f.text() != f.initial)
    }

    /// The value of field `index`, or what is wrong with it in Dutch.
    pub fn value(&self, index: usize) -> Result<Value, String> {
        let field = &self.fields[index];
        let text = field.text();
        let text = if crate::domain::text::is_blank(&text) {
            String::new()
        } else {
            text
        };
        let trimmed = text.trim();
        let lines = field.kind == FieldKind::Multiline;
        if let Some(c) = crate::domain::text::forbidden(trimmed, lines) {
            return Err(format!(
                "{} bevat een stuurteken ({}): typ de tekst zonder",
                field.label,
                crate::domain::text::code_point(c)
            ));
        }
        match field.kind {
            FieldKind::Text | FieldKind::List | FieldKind::Multiline if trimmed.is_empty() => {
                Err(format!("{} mag niet leeg zijn", field.label))
            }
            FieldKind::Text | FieldKind::List | FieldKind::Multiline => {
                Ok(Value::Text(trimmed.to_owned()))
            }
            FieldKind::OptionalText if trimmed.is_empty() => Ok(Value::Empty),
            FieldKind::OptionalText => Ok(Value::Text(trimmed.to_owned())),
            FieldKind::Date {
                not_before,
                not_after,
            } => {
                // A field that takes no day after today reads `vrijdag` as the last one.
                let past = not_after.is_some_and(|max| self.today.is_some_and(|t| max <= t));
                let date = if past {
                    parse_written_past(&text, self.today)
                } else {
                    parse_written(&text, self.today)
                }
                .map_err(|e| e.to_string())?;
                if let Some(min) = not_before.filter(|min| date < *min) {
                    return Err(format!("de datum mag niet vóór {} liggen", dutch(min)));
                }
                if let Some(max) = not_after.filter(|max| date > *max) {
                    return Err(format!("de datum mag niet na {} liggen", dutch(max)));
                }
                Ok(Value::Date(date))
            }
            FieldKind::OptionalDate { .. } | FieldKind::OptionalBsn if trimmed.is_empty() => {
                Ok(Value::Empty)
            }
            FieldKind::OptionalDate { not_after } => {
                let date = parse_written(trimmed, self.today).map_err(|e| e.to_string())?;
                match not_after.filter(|max| date > *max) {
                    Some(max) => Err(format!("de datum mag niet na {} liggen", dutch(max))),
                    None => Ok(Value::Date(date)),
                }
            }
            FieldKind::OptionalBsn => crate::domain::bsn::Bsn::parse(trimmed)
                .map(|b| Value::Text(b.as_str().to_owned()))
                .map_err(|e| e.to_string()),
            FieldKind::OptionalTime if trimmed.is_empty() => Ok(Value::Empty),
            FieldKind::OptionalTime => parse_time(trimmed)
                .map(Value::Text)
                .map_err(|e| e.to_string()),
            FieldKind::Number { min, max } => match trimmed.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Value::Number(n)),
                _ => Err(format!(
                    "{} is een getal van {min} tot en met {max}",
                    field.label
                )),
            },
            FieldKind::Choice { optional: true } if trimmed.is_empty() => Ok(Value::Empty),
            FieldKind::Choice { .. } => {
                let wanted = folded(trimmed);
                let exact = field
                    .choices
                    .iter()
                    .find(|(code, name)| folded(code) == wanted || folded(name) == wanted);
                // The start of one name is enough ("zelf" for "Zelf kiezen").
                let started = || {
                    let mut starting = field.choices.iter().filter(|(code, name)| {
                        folded(code).starts_with(&wanted) || folded(name).starts_with(&wanted)
                    });
                    starting.next().filter(|_| starting.next().is_none())
                };
                exact
                    .or_else(started)
                    .map(|(code, _)| Value::Text(code.clone()))
                    .ok_or_else(|| {
                        let names: Vec<&str> =
                            field.choices.iter().map(|(_, n)| n.as_str()).collect();
                        format!("kies uit: {}", names.join(", "))
                    })
            }
            // Exactly as typed: spaces may belong to a passphrase.
            FieldKind::Passphrase => {
                let passphrase = field.text();
                crate::workflow::sealing::check_passphrase(&passphrase)
                    .map_err(|e| e.to_string())?;
                Ok(Value::Text(passphrase))
            }
            FieldKind::SameAs { of }
                if self.index_of(of).map(|i| self.fields[i].text()) != Some(field.text()) =>
            {
                Err("de twee wachtwoordzinnen verschillen".to_owned())
            }
            FieldKind::SameAs { .. } => Ok(Value::Empty),
            FieldKind::EndOf { start } => {
                let date = parse_written(&text, self.today).map_err(|e| e.to_string())?;
                match self.index_of(start).map(|i| self.value(i)) {
                    Some(Ok(Value::Date(start))) if date < start => Err(format!(
                        "de einddatum ligt vóór de startdatum ({})",
                        dutch(start)
                    )),
                    _ => Ok(Value::Date(date)),
                }
            }
        }
    }

    /// Pasted text goes into the field under the cursor as text, never as keys: a
    /// line break in it does not save the form. A one-line field gets spaces for
    /// line breaks and tabs.
    pub fn paste(&mut self, text: &str) {
        self.error = None;
        let field = &mut self.fields[self.focus];
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let text = if field.kind == FieldKind::Multiline {
            text
        } else {
            text.replace(['\n', '\t'], " ")
        };
        field.input.insert_str(text);
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> FormEvent {
        self.error = None;
        let esc_armed = std::mem::take(&mut self.esc_armed);
        let count = self.fields.len();
        let multiline = self.fields[self.focus].kind == FieldKind::Multiline;
        match inner_for(FORM_KEYS, key) {
            Some(Inner::Cancel) if self.has_text() && !esc_armed => {
                self.esc_armed = true;
                self.error = Some(format!(
                    "{} nogmaals om de getypte tekst weg te gooien",
                    key_label(FORM_KEYS, Inner::Cancel)
                ));
                FormEvent::Editing
            }
            Some(Inner::Cancel) => FormEvent::Cancel,
            Some(Inner::NextField) => self.focus_on((self.focus + 1) % count),
            Some(Inner::PreviousField) => self.focus_on((self.focus + count - 1) % count),
            // In a note the arrows move between its lines.
            Some(Inner::Down) if !multiline => self.focus_on((self.focus + 1) % count),
            Some(Inner::Up) if !multiline => self.focus_on((self.focus + count - 1) % count),
            Some(Inner::Clear) => {
                self.fields[self.focus].clear();
                FormEvent::Editing
            }
            Some(Inner::Save) => self.submit(),
            // Enter adds a line to a note; elsewhere it saves.
            Some(Inner::Choose) if !multiline => self.submit(),
            _ => {
                self.fields[self.focus].input.input(key);
                FormEvent::Editing
            }
        }
    }

    fn focus_on(&mut self, index: usize) -> FormEvent {
        self.focus = index;
        self.fields[index].enter();
        FormEvent::Editing
    }

    fn submit(&mut self) -> FormEvent {
        let values: Result<Vec<(&'static str, Value)>, usize> = (0..self.fields.len())
            .map(|i| {
                self.value(i)
                    .map(|v| (self.fields[i].name, v))
                    .map_err(|_| i)
            })
            .collect();
        match values {
            Ok(values) => FormEvent::Submit(Values {
                values,
                warned: self.warned,
            }),
            Err(index) => {
                // The field's own check line says what is wrong.
                self.tried = true;
                self.focus_on(index)
            }
        }
    }

    /// Height the form needs: a label, the field and its check per field, plus the
    /// borders and a line for a refusal.
    pub fn height(&self) -> u16 {
        // A refusal is read whole: the form grows by the lines it wraps onto.
        let error_lines = self.error.as_deref().map_or(1, wrapped_lines);
        (0..self.fields.len())
            .map(|i| self.fields[i].rows() + 1 + self.check_rows(i))
            .sum::<u16>()
            + 2
            + error_lines
            + self.intro_height()
    }

    /// Lines the check under field `i` takes: a message is read whole.
    fn check_rows(&self, i: usize) -> u16 {
        let text: String = self
            .check(i)
            .spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect();
        if text.is_empty() {
            1
        } else {
            wrapped_lines(&text)
        }
    }

    /// What the form says under field `i`: the date understood, the choice made,
    /// or what is wrong.
    fn check(&self, i: usize) -> Line<'static> {
        let field = &self.fields[i];
        match self.value(i) {
            Ok(Value::Date(date)) => match (&self.calendar, field.kind) {
                (Some(calendar), FieldKind::EndOf { .. }) => {
                    match hersteltermijn_warning(date, calendar) {
                        Some((warning, _)) => Line::from(warning).yellow(),
                        None => Line::from(format!("✓ {}", dutch(date))).dim(),
                    }
                }
                _ => match self.working_days.as_ref().filter(|_| field.deadline) {
                    Some(calendar) => match calendar.closed_day_warning(date) {
                        Some(warning) => Line::from(warning).yellow(),
                        None => Line::from(format!("✓ {}", dutch(date))).dim(),
                    },
                    None => Line::from(format!("✓ {}", dutch(date))).dim(),
                },
            },
            Ok(Value::Text(code)) if matches!(field.kind, FieldKind::Choice { .. }) => {
                let name = field
                    .choices
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map_or(code.as_str(), |(_, n)| n.as_str());
                Line::from(format!("✓ {name}")).dim()
            }
            // What the client will read: one item per line of the letter.
            Ok(Value::Text(text)) if field.kind == FieldKind::List => {
                let items = crate::domain::letter::missing_documents(&text);
                let one = if items.len() == 1 { "stuk" } else { "stukken" };
                Line::from(format!(
                    "✓ de brief noemt {} {one}: {}",
                    items.len(),
                    items
                        .iter()
                        .map(|i| format!("• {i}"))
                        .collect::<Vec<_>>()
                        .join("  ")
                ))
                .dim()
            }
            Ok(Value::Text(time)) if field.kind == FieldKind::OptionalTime => {
                match self
                    .day_before_field(i)
                    .filter(|day| self.busy.iter().any(|(d, t)| d == day && *t == time))
                {
                    Some(day) => {
                        Line::from(crate::domain::appointment::double_booking(day, &time)).yellow()
                    }
                    None => Line::from(format!("✓ {time} uur")).dim(),
                }
            }
            Ok(_) => Line::default(),
            Err(_) if field.is_blank() && !self.tried => Line::default(),
            Err(message) => Line::from(message).red(),
        }
    }

    fn intro_height(&self) -> u16 {
        self.intro.iter().map(|l| wrapped_lines(l)).sum()
    }

    pub fn area(&self, frame: Rect) -> Rect {
        centered(frame, FORM_WIDTH, self.height())
    }

    pub fn draw(&mut self, frame: &mut Frame, area: Rect) {
        frame.render_widget(Clear, area);
        let multiline = self.fields.iter().any(|f| f.kind == FieldKind::Multiline);
        let save = if multiline {
            Inner::Save
        } else {
            Inner::Choose
        };
        let mut words = vec![(save, self.enter_does)];
        if self.fields.len() > 1 {
            words.push((Inner::NextField, "volgend veld"));
        }
        words.push((Inner::Cancel, "annuleert"));
        let help = footer(FORM_KEYS, &words);
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(help);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let intro_height = self.intro_height();
        let [intro_area, inner] =
            Layout::vertical([Constraint::Length(intro_height), Constraint::Min(0)]).areas(inner);
        let intro: Vec<Line> = self
            .intro
            .iter()
            .map(|l| Line::from(l.as_str()).dim())
            .collect();
        frame.render_widget(Paragraph::new(intro).wrap(Wrap { trim: false }), intro_area);
        let mut constraints: Vec<Constraint> = (0..self.fields.len())
            .flat_map(|i| {
                [
                    Constraint::Length(1),
                    Constraint::Length(self.fields[i].rows()),
                    Constraint::Length(self.check_rows(i)),
                ]
            })
            .collect();
        constraints.push(Constraint::Min(0));
        let rows = Layout::vertical(constraints).split(inner);
        let checks: Vec<Line> = (0..self.fields.len()).map(|i| self.check(i)).collect();
        for ((i, field), check) in self.fields.iter_mut().enumerate().zip(checks) {
            let focused = i == self.focus;
            let label = Line::from(field.label).style(if focused {
                Style::new().bold()
            } else {
                Style::new()
            });
            frame.render_widget(Paragraph::new(label), rows[i * 3]);
            let area = rows[i * 3 + 1];
            if field.kind == FieldKind::Multiline {
                field.draw_wrapped(frame, area, focused);
            } else if focused {
                field.input.set_cursor_style(Style::new().reversed());
                frame.render_widget(&field.input, area);
            } else {
                field.draw_resting(frame, area);
            }
            frame.render_widget(
                Paragraph::new(check).wrap(Wrap { trim: true }),
                rows[i * 3 + 2],
            );
        }
        if let (Some(error), Some(last)) = (&self.error, rows.last()) {
            frame.render_widget(
                Paragraph::new(Line::from(error.as_str()).red().bold()).wrap(Wrap { trim: true }),
                *last,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::popup::field::wrap_line;
    use crossterm::event::{KeyCode, KeyModifiers};
    use tui_textarea::TextArea;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_choice_takes_its_code_or_its_name_however_it_is_typed() {
        let channels = vec![
            ("email".to_owned(), "E-mail".to_owned()),
            ("op_locatie".to_owned(), "Op locatie".to_owned()),
        ];
        let mut form = Form::new(
            "t",
            vec![Field::choice("channel", "Kanaal", channels, false, None)],
        );
        for (typed, code) in [
            ("e-mail", "email"),
            ("op locatie", "op_locatie"),
            ("OP_LOCATIE", "op_locatie"),
        ] {
            form.fields[0].input = TextArea::new(vec![typed.to_owned()]);
            assert_eq!(form.value(0), Ok(Value::Text(code.to_owned())), "{typed}");
        }
        // The start of one name will do; of two names, not.
        form.fields[0].input = TextArea::new(vec!["op".to_owned()]);
        assert_eq!(form.value(0), Ok(Value::Text("op_locatie".to_owned())));
        form.fields[0].input = TextArea::new(vec!["fax".to_owned()]);
        assert_eq!(
            form.value(0),
            Err("kies uit: E-mail, Op locatie".to_owned())
        );
        form.fields[0].input = TextArea::new(vec![String::new()]);
        assert!(form.value(0).is_err(), "not optional");
    }

    #[test]
    fn an_end_date_is_checked_against_the_start_field() {
        let mut form = Form::new(
            "t",
            vec![
                Field::date("start", "Start", "2026-11-22".parse().unwrap()),
                Field::new(
                    "end",
                    "Einde",
                    FieldKind::EndOf { start: "start" },
                    "2026-11-21",
                ),
            ],
        );
        assert!(form.value(1).unwrap_err().contains("vóór de startdatum"));
        assert!(matches!(
            form.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
            FormEvent::Editing
        ));
        assert_eq!(form.focus, 1, "the cursor goes to what is wrong");
        // Its text is selected; an arrow key keeps it and moves on from its end.
        form.handle_key(KeyEvent::new(KeyCode::End, KeyModifiers::NONE));
        form.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        form.handle_key(key('3'));
        assert_eq!(
            form.value(1),
            Ok(Value::Date("2026-11-23".parse().unwrap()))
        );
    }

    #[test]
    fn a_prefilled_field_is_selected_on_entry_and_ctrl_u_clears_it() {
        let mut form = Form::new(
            "t",
            vec![
                Field::new("what", "Wat", FieldKind::Text, "Werkgever bellen"),
                Field::date("when", "Wanneer", "2026-11-29".parse().unwrap()),
                Field::new("note", "Notitie", FieldKind::Multiline, "eerste regel"),
            ],
        );
        // Typing replaces a prefilled value, on opening and on Tab.
        form.handle_key(key('X'));
        assert_eq!(form.fields[0].text(), "X");
        form.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        for c in "+2d".chars() {
            form.handle_key(key(c));
        }
        form.today = Some("2026-11-22".parse().unwrap());
        assert_eq!(
            form.value(1),
            Ok(Value::Date("2026-11-24".parse().unwrap()))
        );
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        form.handle_key(ctrl_u);
        assert_eq!(form.fields[1].text(), "");
        // A note is not selected, and Ctrl-U takes only the line before the cursor.
        form.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
        form.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        form.handle_key(key('b'));
        form.handle_key(ctrl_u);
        assert_eq!(form.fields[2].text(), "eerste regel\n");
    }

    #[test]
    fn a_long_note_wraps_at_spaces_and_keeps_every_character() {
        let line = "Klant vertelt over de schulden bij de zorgverzekeraar en de huur";
        let pieces = wrap_line(line, 20);
        assert!(pieces.iter().all(|(_, p)| p.chars().count() <= 20));
        let joined: String = pieces.iter().map(|(_, p)| p.as_str()).collect();
        assert_eq!(joined, line);
        assert_eq!(
            pieces[1].0,
            pieces[0].1.chars().count(),
            "each piece says where it starts"
        );
        assert!(
            pieces[0].1.ends_with(' '),
            "broken after a space: {pieces:?}"
        );
        let unbroken = wrap_line(&"x".repeat(45), 20);
        assert_eq!(unbroken.len(), 3);
    }

    #[test]
    fn esc_over_typed_text_asks_once() {
        let mut form = Form::new(
            "t",
            vec![Field::new("note", "Notitie", FieldKind::Multiline, "")],
        );
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert!(
            matches!(form.handle_key(esc), FormEvent::Cancel),
            "nothing typed: leave at once"
        );
        form.handle_key(key('x'));
        assert!(matches!(form.handle_key(esc), FormEvent::Editing));
        assert!(form.error.as_deref().unwrap().contains("Esc nogmaals"));
        assert!(matches!(form.handle_key(esc), FormEvent::Cancel));
    }

    #[test]
    fn a_note_takes_lines_and_saves_with_ctrl_s() {
        let mut form = Form::new(
            "t",
            vec![Field::new("note", "Notitie", FieldKind::Multiline, "")],
        );
        form.handle_key(key('a'));
        form.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        form.handle_key(key('b'));
        let saved = form.handle_key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        let FormEvent::Submit(values) = saved else {
            panic!("Ctrl-S saves a note");
        };
        assert_eq!(values.text("note"), Ok("a\nb".to_owned()));
        assert!(values.text("title").unwrap_err().contains("mist het veld"));
    }
}
