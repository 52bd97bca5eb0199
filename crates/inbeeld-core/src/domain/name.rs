//! A person's name in its Dutch parts, and a postal address: the caseload sorts on the
//! achternaam without its voorvoegsel ("de Vries" under V), and a letter's window block
//! needs the address as the post delivers it.

use serde::{Deserialize, Serialize};

use super::InputError;

/// Voornaam (or voorletters), voorvoegsel and achternaam; each may be unknown, for a
/// client registered by display name only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameParts {
    pub given: Option<String>,
    pub prefix: Option<String>,
    pub surname: Option<String>,
}

/// The voorvoegsels of Dutch (and common Moroccan and Turkish-Dutch) surnames, longest
/// first so that "van der" wins over "van".
const PREFIXES: &[&str] = &[
    "van de", "van der", "van den", "van het", "van 't", "in 't", "in de", "in het", "uit de",
    "uit den", "op de", "op den", "op ten", "aan de", "aan den", "de la", "de los", "auf dem",
    "van", "de", "den", "der", "het", "'t", "ten", "ter", "te", "la", "le", "el", "al", "von",
    "du", "da", "dos", "di",
];

impl NameParts {
    /// The parts of a display name where they can be told: the first word is the
    /// voornaam, a known voorvoegsel after it is the voorvoegsel, the rest the
    /// achternaam. A name of one word (or one that is all voorvoegsel) stays whole, for
    /// the klantmanager to split.
    pub fn split(display: &str) -> Option<NameParts> {
        let words: Vec<&str> = display.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let (prefix, surname) = NameParts::split_surname(&words[1..].join(" "));
        Some(NameParts {
            given: Some(words[0].to_owned()),
            prefix,
            surname: Some(surname),
        })
    }

    /// A surname with its voorvoegsel in front ("de Vries", as a suite's one column
    /// may hold it) as voorvoegsel and achternaam; a surname that is all voorvoegsel
    /// ("Van") stays whole.
    pub fn split_surname(surname: &str) -> (Option<String>, String) {
        let rest: Vec<&str> = surname.split_whitespace().collect();
        let lowered: Vec<String> = rest.iter().map(|w| w.to_lowercase()).collect();
        let taken = PREFIXES
            .iter()
            .map(|prefix| prefix.split(' ').collect::<Vec<_>>())
            .find(|parts| parts.len() < rest.len() && lowered[..parts.len()] == parts[..])
            .map_or(0, |parts| parts.len());
        let prefix = (taken > 0).then(|| rest[..taken].join(" "));
        (prefix, rest[taken..].join(" "))
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_none() && self.prefix.is_none() && self.surname.is_none()
    }

    /// The name as it is written in a sentence: "Jan de Vries".
    pub fn display(&self) -> Option<String> {
        self.surname.as_ref()?;
        let words: Vec<&str> = [&self.given, &self.prefix, &self.surname]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        Some(words.join(" "))
    }

    /// Initials only ("J. de V."), for places that must not carry a full name.
    pub fn initials(display: &str, parts: &NameParts) -> String {
        let first = |s: &str| {
            s.chars()
                .find(|c| c.is_alphabetic())
                .map(|c| format!("{}.", c.to_uppercase()))
                .unwrap_or_default()
        };
        match (&parts.given, &parts.surname) {
            (Some(given), Some(surname)) => {
                let given: String = given.split(['.', ' ']).map(first).collect();
                match &parts.prefix {
                    Some(prefix) => format!("{given} {prefix} {}", first(surname)),
                    None => format!("{given} {}", first(surname)),
                }
            }
            _ => display.split_whitespace().map(first).collect(),
        }
    }
}

/// A postal address, as the municipal system holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: Option<String>,
    pub house_number: Option<String>,
    pub addition: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        *self == Address::default()
    }

    /// The two lines below the name in a letter's window: "Dorpsstraat 12 a" and
    /// "1234 AB  ZWOLLE" (two spaces and the place in capitals, as PostNL asks).
    /// `None` without a street and a place.
    pub fn lines(&self) -> Option<[String; 2]> {
        let street = self.street.as_deref()?.trim();
        let city = self.city.as_deref()?.trim();
        let number = [self.house_number.as_deref(), self.addition.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let first = format!("{street} {number}").trim().to_owned();
        let second = match self.postcode.as_deref() {
            Some(postcode) => format!("{}  {}", postcode.trim(), city.to_uppercase()),
            None => city.to_uppercase(),
        };
        Some([first, second])
    }
}

impl Address {
    /// The address from the two lines a klantmanager types, as on an envelope:
    /// "Dorpsstraat 12 a" and "8011 AB Zwolle". The house number is the last word that
    /// starts with a digit (so "2e Oosterparkstraat 12-3" keeps its street), what
    /// follows it is the toevoeging; the place line may leave out the postcode. An
    /// empty line clears its half.
    pub fn from_lines(street_line: &str, place_line: &str) -> Result<Address, InputError> {
        let mut address = Address::default();
        let words: Vec<&str> = street_line.split_whitespace().collect();
        let number_at = words
            .iter()
            .rposition(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .filter(|&at| at > 0);
        match number_at {
            Some(at) => {
                let word = words[at];
                let digits = word
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(word.len());
                let addition = std::iter::once(word[digits..].trim_start_matches(['-', ' ']))
                    .chain(words[at + 1..].iter().copied())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                address.street = Some(words[..at].join(" "));
                address.house_number = Some(word[..digits].to_owned());
                address.addition = (!addition.is_empty()).then_some(addition);
            }
            None if !words.is_empty() => address.street = Some(words.join(" ")),
            None => {}
        }
        let place: Vec<&str> = place_line.split_whitespace().collect();
        let (code, city) = match place.as_slice() {
            [digits, letters, rest @ ..] if postcode(&format!("{digits}{letters}")).is_some() => {
                (postcode(&format!("{digits}{letters}")), rest)
            }
            [compact, rest @ ..] if postcode(compact).is_some() => (postcode(compact), rest),
            [first, ..] if first.starts_with(|c: char| c.is_ascii_digit()) => {
                return Err(InputError::Postcode(first.to_string()));
            }
            rest => (None, rest),
        };
        address.postcode = code;
        address.city = (!city.is_empty()).then(|| city.join(" "));
        if address.postcode.is_some() && address.city.is_none() {
            return Err(InputError::Postcode(place_line.trim().to_owned()));
        }
        Ok(address)
    }

    /// The address typed on one line, street and place apart by a comma:
    /// "Dorpsstraat 12 a, 8011 AB Zwolle" (without a comma it is the street alone).
    pub fn from_line(text: &str) -> Result<Address, InputError> {
        match text.rsplit_once(',') {
            Some((street, place)) => Address::from_lines(street, place),
            None => Address::from_lines(text, ""),
        }
    }

    /// The address as the klantmanager types it back (the place as written, not in
    /// capitals): what an edit form starts from, and what `from_line` reads.
    pub fn typed(&self) -> String {
        let [street, place] = self.typed_lines();
        match (street.is_empty(), place.is_empty()) {
            (_, true) => street,
            (true, false) => format!(", {place}"),
            (false, false) => format!("{street}, {place}"),
        }
    }

    fn typed_lines(&self) -> [String; 2] {
        let join = |parts: &[Option<&str>]| {
            parts
                .iter()
                .flatten()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        [
            join(&[
                self.street.as_deref(),
                self.house_number.as_deref(),
                self.addition.as_deref(),
            ]),
            join(&[self.postcode.as_deref(), self.city.as_deref()]),
        ]
    }
}

/// A Dutch postcode written as people write it ("1234ab", "1234 AB") in its one
/// form ("1234 AB"); `None` when it is not one.
pub fn postcode(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (digits, letters) = compact.split_at_checked(4)?;
    let ok = digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| format!("{digits} {}", letters.to_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(g: &str, p: Option<&str>, s: &str) -> NameParts {
        NameParts {
            given: Some(g.into()),
            prefix: p.map(Into::into),
            surname: Some(s.into()),
        }
    }

    #[test]
    fn a_display_name_splits_at_its_voorvoegsel() {
        assert_eq!(
            NameParts::split("Jan van der Berg"),
            Some(parts("Jan", Some("van der"), "Berg"))
        );
        assert_eq!(
            NameParts::split("Fatima el Amrani"),
            Some(parts("Fatima", Some("el"), "Amrani"))
        );
        assert_eq!(
            NameParts::split("Piet Jansen"),
            Some(parts("Piet", None, "Jansen"))
        );
        // "Van" as the whole rest is a surname, not a voorvoegsel.
        assert_eq!(
            NameParts::split("Anna Van"),
            Some(parts("Anna", None, "Van"))
        );
        assert_eq!(NameParts::split("Madonna"), None);
        assert_eq!(
            NameParts::split_surname("van der Berg"),
            (Some("van der".to_owned()), "Berg".to_owned())
        );
        assert_eq!(NameParts::split_surname("Van"), (None, "Van".to_owned()));
    }

    #[test]
    fn initials_carry_no_full_name() {
        assert_eq!(
            NameParts::initials("Jan de Vries", &parts("Jan", Some("de"), "Vries")),
            "J. de V."
        );
        assert_eq!(
            NameParts::initials("Fatima el Amrani", &NameParts::default()),
            "F.E.A."
        );
    }

    #[test]
    fn an_address_is_read_from_the_two_lines_of_an_envelope() {
        let read = |a: &str, b: &str| Address::from_lines(a, b).unwrap();
        let typed = read("Dorpsstraat 12 a", "8011ab Zwolle");
        assert_eq!(
            typed,
            Address {
                street: Some("Dorpsstraat".into()),
                house_number: Some("12".into()),
                addition: Some("a".into()),
                postcode: Some("8011 AB".into()),
                city: Some("Zwolle".into()),
            }
        );
        assert_eq!(typed.typed(), "Dorpsstraat 12 a, 8011 AB Zwolle");
        assert_eq!(Address::from_line(&typed.typed()).unwrap(), typed);
        let amsterdam = read("2e Oosterparkstraat 12-3", "1091 KX Amsterdam");
        assert_eq!(amsterdam.street.as_deref(), Some("2e Oosterparkstraat"));
        assert_eq!(amsterdam.house_number.as_deref(), Some("12"));
        assert_eq!(amsterdam.addition.as_deref(), Some("3"));
        assert_eq!(
            read("Kerkstraat 7hs", "Zwolle").addition.as_deref(),
            Some("hs")
        );
        assert_eq!(read("Kerkstraat 7hs", "Zwolle").postcode, None);
        assert_eq!(read("", ""), Address::default());
        assert!(matches!(
            Address::from_lines("Kerkstraat 7", "80111 Zwolle"),
            Err(InputError::Postcode(_))
        ));
        assert!(matches!(
            Address::from_lines("Kerkstraat 7", "8011 AB"),
            Err(InputError::Postcode(_))
        ));
    }

    #[test]
    fn postcodes_as_people_write_them() {
        assert_eq!(postcode("8011ab").as_deref(), Some("8011 AB"));
        assert_eq!(postcode(" 8011 AB ").as_deref(), Some("8011 AB"));
        assert_eq!(postcode("0811 AB"), None);
        assert_eq!(postcode("8011"), None);
        let address = Address {
            street: Some("Dorpsstraat".into()),
            house_number: Some("12".into()),
            addition: Some("a".into()),
            postcode: Some("8011 AB".into()),
            city: Some("Zwolle".into()),
        };
        assert_eq!(
            address.lines(),
            Some(["Dorpsstraat 12 a".to_owned(), "8011 AB  ZWOLLE".to_owned()])
        );
    }
}
