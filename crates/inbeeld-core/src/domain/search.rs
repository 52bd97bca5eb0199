//! Finding a client the way people type: case and accents do not matter (`sahin`
//! finds Şahin, `huseyin` Hüseyin: `deunicode` folds every letter to its plain
//! form), and a client is also found by BSN — whole or its last digits — and by
//! birth date, written `23-03-1986` or `1986-03-23`, whole or in part, and by what
//! their notes and contacts say (SQLite's full-text index, accents removed).

use chrono::NaiveDate;

/// `text` folded for comparing: plain letters, lower case.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

/// What was typed, folded once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    folded: String,
}

/// Where a client matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Name,
    Bsn,
    BirthDate,
    /// In a note or a contact (`JournalHit` says which).
    Journal,
    /// By the kenmerk of a letter the client quotes.
    Kenmerk,
}

/// A note or a contact whose text matches, for the row of its client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalHit {
    pub client_id: i64,
    /// A contact's verslag; else a note.
    pub contact: bool,
    pub date: NaiveDate,
    /// The note or the contact's verslag.
    pub text: String,
}

/// Words shown before and after the first word that matches.
const AROUND: (usize, usize) = (2, 4);

impl JournalHit {
    /// Where the match is: `notitie 12-11-2026: …over huurachterstand; contact…`.
    pub fn label(&self, query: &Query) -> String {
        format!(
            "{} {}: {}",
            if self.contact { "contact" } else { "notitie" },
            self.date.format("%d-%m-%Y"),
            query.snippet(&self.text)
        )
    }
}

/// The fewest letters a search looks into notes and contacts with: one or two
/// would match nearly every note.
const TEXT_SEARCH_FROM: usize = 3;

impl Found {
    /// Beside a row found by something other than its name.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Found::Name => None,
            Found::Bsn => Some("gevonden op BSN"),
            Found::BirthDate => Some("gevonden op geboortedatum"),
            Found::Journal => None,
            Found::Kenmerk => Some("gevonden op kenmerk"),
        }
    }
}

/// The fewest digits that find a client by the end of their BSN.
const BSN_TAIL: usize = 3;

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            folded: fold(text.trim()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    /// The query as an FTS5 expression: every word, as the start of a word, in any
    /// order (`huur achter` finds "achterstand in de huur"). `None` when it is too
    /// short to look into notes with.
    pub fn full_text(&self) -> Option<String> {
        let words: Vec<&str> = self
            .folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.iter().map(|w| w.len()).sum::<usize>() < TEXT_SEARCH_FROM {
            return None;
        }
        // Quoted, so that no word is read as an operator (AND, NOT, NEAR …).
        Some(
            words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// The words of `text` around the first one that starts with a word of the
    /// query (as the full-text index matched it), with `…` where text is left out.
    pub fn snippet(&self, text: &str) -> String {
        let wanted: Vec<&str> = self
            .folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let words: Vec<&str> = text.split_whitespace().collect();
        let hit = words
            .iter()
            .position(|word| {
                fold(word)
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|part| wanted.iter().any(|w| part.starts_with(w)))
            })
            .unwrap_or(0);
        let from = hit.saturating_sub(AROUND.0);
        let to = (hit + AROUND.1 + 1).min(words.len());
        format!(
            "{}{}{}",
            if from > 0 { "…" } else { "" },
            words[from..to].join(" "),
            if to < words.len() { "…" } else { "" }
        )
    }

    /// Whether folded `text` contains the query.
    pub fn in_text(&self, folded: &str) -> bool {
        folded.contains(&self.folded)
    }

    /// Where a client with this (folded) name, BSN and birth date matches, if at all.
    pub fn client(
        &self,
        folded_name: &str,
        bsn: Option<&str>,
        birth_date: Option<NaiveDate>,
    ) -> Option<Found> {
        if self.in_text(folded_name) {
            return Some(Found::Name);
        }
        // A BSN as people write it: with dots or spaces ("1234.56.782").
        let compact: String = self
            .folded
            .chars()
            .filter(|c| !matches!(c, '.' | ' '))
            .collect();
        let q = compact.as_str();
        let digits = !q.is_empty() && q.chars().all(|c| c.is_ascii_digit());
        if digits && q.len() >= BSN_TAIL && bsn.is_some_and(|b| b.ends_with(q)) {
            return Some(Found::Bsn);
        }
        let q = self.folded.as_str();
        let date_like = q.chars().all(|c| c.is_ascii_digit() || c == '-');
        if date_like && q.len() >= 2 {
            if let Some(birth) = birth_date {
                let written = [
                    birth.format("%d-%m-%Y").to_string(),
                    birth.format("%Y-%m-%d").to_string(),
                ];
                if written.iter().any(|w| w.contains(q)) {
                    return Some(Found::BirthDate);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter() {
        for (typed, name) in [
            ("sahin", "Ahmed Şahin"),
            ("dogan", "Femke Doğan"),
            ("huseyin", "Hüseyin Ramdin"),
            ("YILDIZ", "Ayşe Yıldız"),
            ("celik", "Çelik"),
            ("zoe", "Zoë"),
        ] {
            let query = Query::new(typed);
            assert_eq!(
                query.client(&fold(name), None, None),
                Some(Found::Name),
                "{typed}"
            );
        }
        assert_eq!(Query::new("sahim").client(&fold("Şahin"), None, None), None);
    }

    #[test]
    fn full_text_takes_every_word_as_a_prefix_and_nothing_as_an_operator() {
        assert_eq!(Query::new("hu").full_text(), None);
        assert_eq!(
            Query::new("Huur achterstánd").full_text().as_deref(),
            Some("\"huur\"* \"achterstand\"*")
        );
        assert_eq!(
            Query::new("\"NOT\" near(").full_text().as_deref(),
            Some("\"not\"* \"near\"*")
        );
    }

    #[test]
    fn the_snippet_shows_the_words_around_the_first_match() {
        let text = "Signaal van de woningcorporatie over een Huurachterstand; contact opgenomen met de klant.";
        assert_eq!(
            Query::new("huurachter").snippet(text),
            "…over een Huurachterstand; contact opgenomen met de…"
        );
        assert_eq!(
            Query::new("signaal").snippet("Signaal kort"),
            "Signaal kort"
        );
        assert_eq!(
            Query::new("cafe").snippet("Het Élysée-café"),
            "Het Élysée-café"
        );
    }

    #[test]
    fn a_bsn_by_its_last_digits_and_a_birth_date_as_written() {
        let birth = NaiveDate::from_ymd_opt(1986, 3, 23);
        let bsn = Some("123456782");
        let find = |typed: &str| Query::new(typed).client("ahmed sahin", bsn, birth);
        assert_eq!(find("123456782"), Some(Found::Bsn));
        assert_eq!(find("782"), Some(Found::Bsn));
        assert_eq!(find("82"), None, "two digits find too many");
        assert_eq!(find("23-03-1986"), Some(Found::BirthDate));
        assert_eq!(find("1986-03-23"), Some(Found::BirthDate));
        assert_eq!(find("23-03"), Some(Found::BirthDate));
        assert_eq!(find("1986"), Some(Found::BirthDate));
        assert_eq!(find("24-03-1986"), None);
    }
}
