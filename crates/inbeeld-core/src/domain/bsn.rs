//! The burgerservicenummer: nine digits that pass the elfproef, shown masked.

use std::fmt;

use super::InputError;

/// A BSN that passed the elfproef.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bsn(String);

impl Bsn {
    /// Accepts nine digits (spaces, dots and dashes are ignored, as people type them
    /// from letters) whose weighted sum 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by
    /// 11 and not zero.
    pub fn parse(input: &str) -> Result<Bsn, InputError> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InputError::Bsn(input.to_owned(), "een BSN heeft 9 cijfers"));
        }
        if !passes_elfproef(&digits) {
            return Err(InputError::Bsn(
                input.to_owned(),
                "het nummer voldoet niet aan de elfproef",
            ));
        }
        Ok(Bsn(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Only the last three digits are shown: enough to tell two clients apart on the
    /// screen, too little to be of use to someone looking over a shoulder.
    pub fn masked(&self) -> String {
        format!("******{}", &self.0[6..])
    }
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

fn passes_elfproef(digits: &str) -> bool {
    let sum: i64 = digits
        .bytes()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(b, w)| i64::from(b - b'0') * w)
        .sum();
    sum != 0 && sum % 11 == 0
}

/// Completes eight digits to a valid BSN, or `None` when no ninth digit works
/// (the check digit would have to be 10). Used to make demo data.
pub fn complete(first_eight: u32) -> Option<Bsn> {
    let base = format!("{:08}", first_eight % 100_000_000);
    (0..=9)
        .map(|d| format!("{base}{d}"))
        .find(|candidate| passes_elfproef(candidate))
        .filter(|candidate| !candidate.starts_with("00"))
        .map(Bsn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_known_valid_numbers() {
        // 111222333 and 123456782 are the examples used in government test sets.
        for valid in ["111222333", "123456782", "1112.22.333", "111 222 333"] {
            assert!(Bsn::parse(valid).is_ok(), "{valid} should be valid");
        }
    }

    #[test]
    fn refuses_wrong_length_letters_and_failed_check() {
        assert!(Bsn::parse("12345678").is_err());
        assert!(Bsn::parse("1234567890").is_err());
        assert!(Bsn::parse("12345678a").is_err());
        assert!(Bsn::parse("123456789").is_err());
        assert!(Bsn::parse("000000000").is_err(), "sum zero is no BSN");
    }

    #[test]
    fn masks_all_but_last_three() {
        let bsn = Bsn::parse("123456782").unwrap();
        assert_eq!(bsn.masked(), "******782");
        assert_eq!(bsn.to_string(), "******782");
    }

    proptest! {
        #[test]
        fn completed_numbers_pass(first in 10_000_000u32..100_000_000) {
            if let Some(bsn) = complete(first) {
                prop_assert!(Bsn::parse(bsn.as_str()).is_ok());
            }
        }

        #[test]
        fn changing_one_digit_breaks_the_check(first in 10_000_000u32..100_000_000, pos in 0usize..9, delta in 1u8..10) {
            if let Some(bsn) = complete(first) {
                let mut bytes = bsn.as_str().as_bytes().to_vec();
                bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
                let changed = String::from_utf8(bytes).unwrap();
                prop_assert!(Bsn::parse(&changed).is_err(), "{} should fail", changed);
            }
        }
    }
}
