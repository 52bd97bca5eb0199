//! A handover bundle holds full BSNs and notes: it is sealed with a passphrase
//! (age's scrypt recipient) unless an unsealed one is asked for explicitly. Reading
//! one tells a sealed bundle from a plain one by age's own header.

use std::io::Write;

use age::secrecy::SecretString;

use crate::domain::InputError;

/// The shortest passphrase a bundle is sealed with, in characters.
pub const MIN_PASSPHRASE: usize = 8;

/// How a bundle is written.
#[derive(Clone, PartialEq, Eq)]
pub enum Protection {
    /// Sealed with this passphrase.
    Passphrase(String),
    /// As plain JSON: only on an explicit request (`--plain`).
    Plain,
}

impl std::fmt::Debug for Protection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the passphrase itself, not even in a test's failure message.
        f.write_str(match self {
            Protection::Passphrase(_) => "Passphrase(…)",
            Protection::Plain => "Plain",
        })
    }
}

/// Refuses a passphrase that is too short (or only spaces).
pub fn check_passphrase(passphrase: &str) -> Result<(), InputError> {
    if passphrase.trim().chars().count() < MIN_PASSPHRASE {
        return Err(InputError::WeakPassphrase {
            min: MIN_PASSPHRASE,
        });
    }
    Ok(())
}

/// scrypt's work factor (log₂ N) a bundle is sealed with: about 256 MiB and a
/// second or less on a laptop.
const WORK_FACTOR: u8 = 18;

/// The most work a bundle may ask for to be opened (1 GiB): a header that asks for
/// more is refused before any memory is taken (2²² would take 4 GiB).
const MAX_WORK_FACTOR: u8 = 20;

const BINARY_HEADER: &[u8] = b"age-encryption.org/v1\n";
const ARMOR_HEADER: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// Whether `bytes` are a sealed bundle (binary or armored), by age's header.
pub fn is_sealed(bytes: &[u8]) -> bool {
    let start = bytes.trim_ascii_start();
    start.starts_with(BINARY_HEADER) || start.starts_with(ARMOR_HEADER)
}

/// Seals `plain` with `passphrase`; `armored` gives text (for a terminal or a
/// pipe), otherwise age's binary form (for a file).
pub fn seal(plain: &[u8], passphrase: &str, armored: bool) -> Result<Vec<u8>, InputError> {
    check_passphrase(passphrase)?;
    let failed = |e: &dyn std::fmt::Display| InputError::Unsealable {
        reason: e.to_string(),
    };
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(|e| failed(&e))?;
    let mut sealed = Vec::new();
    let format = if armored {
        age::armor::Format::AsciiArmor
    } else {
        age::armor::Format::Binary
    };
    let armor =
        age::armor::ArmoredWriter::wrap_output(&mut sealed, format).map_err(|e| failed(&e))?;
    let mut writer = encryptor.wrap_output(armor).map_err(|e| failed(&e))?;
    writer.write_all(plain).map_err(|e| failed(&e))?;
    writer
        .finish()
        .and_then(age::armor::ArmoredWriter::finish)
        .map_err(|e| failed(&e))?;
    Ok(sealed)
}

/// Opens a sealed bundle read from `path` with `passphrase`: the bundle's text.
pub fn unseal(bytes: &[u8], passphrase: &str, path: &str) -> Result<String, InputError> {
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = age::decrypt(&identity, bytes).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
            InputError::WrongPassphrase {
                path: path.to_owned(),
            }
        }
        age::DecryptError::ExcessiveWork { required, .. } => InputError::Unreadable {
            path: path.to_owned(),
            reason: format!(
                "de bundel vraagt 2^{required} rekenwerk om te openen, meer dan inbeeld toestaat \
                 (2^{MAX_WORK_FACTOR}); inbeeld maakt zulke bundels niet"
            ),
        },
        other => InputError::Unreadable {
            path: path.to_owned(),
            reason: format!("de versleutelde bundel is niet te openen ({other})"),
        },
    })?;
    String::from_utf8(plain).map_err(|_| InputError::Unreadable {
        path: path.to_owned(),
        reason: "de geopende bundel is geen tekst".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_bundle_opens_only_with_its_passphrase() {
        let text = "{\"clients\": [\"123456782\"]}";
        for armored in [false, true] {
            let sealed = seal(text.as_bytes(), "geheim genoeg", armored).unwrap();
            assert!(is_sealed(&sealed));
            assert!(
                !sealed.windows(9).any(|w| w == b"123456782"),
                "no BSN readable in the sealed bytes"
            );
            assert_eq!(unseal(&sealed, "geheim genoeg", "b").unwrap(), text);
            assert!(matches!(
                unseal(&sealed, "iets anders", "b"),
                Err(InputError::WrongPassphrase { .. })
            ));
        }
        assert!(!is_sealed(text.as_bytes()));
        // A header that asks for 2^22 is refused before the work is done.
        let sealed = seal(text.as_bytes(), "geheim genoeg", false).unwrap();
        let header_end = sealed.windows(4).position(|w| w == b"\n---").unwrap();
        let header = String::from_utf8(sealed[..header_end].to_vec()).unwrap();
        assert!(
            header.contains(" 18\n") || header.ends_with(" 18"),
            "{header}"
        );
        let mut forged = header.replacen(" 18", " 22", 1).into_bytes();
        forged.extend_from_slice(&sealed[header_end..]);
        let sealed = forged;
        let refused = unseal(&sealed, "geheim genoeg", "b").unwrap_err();
        assert!(refused.to_string().contains("2^22"), "{refused}");
        assert!(matches!(
            seal(b"x", "kort", false),
            Err(InputError::WeakPassphrase { .. })
        ));
    }
}
