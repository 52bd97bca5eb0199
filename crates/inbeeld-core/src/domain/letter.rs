//! Letters: which letter an activity can have, and the facts a letter states, read
//! from the same rows that drive the werkvoorraad (the activity's dates, the
//! aanvraag, what is missing). The letter's text is the template's; the facts are
//! decided here.

use chrono::NaiveDate;
use serde::Serialize;

use super::aanvraag::dated;
use super::aanvraag::Application;
use super::activity::{Activity, ActivityStatus};
use super::date::in_words;
use super::effects::Effect;
use super::InputError;

/// The activity types a letter can be about.
pub const AFSPRAAK: &str = "afspraak";
pub const HERSTELTERMIJN: &str = "hersteltermijn";
pub const INFORMATIEVERZOEK: &str = "informatieverzoek";
/// The zienswijze a voornemen tot een maatregel gives the client (Awb 4:8).
pub const ZIENSWIJZE: &str = "zienswijze";
/// The channel a sent letter is registered with as a contact.
pub const LETTER_CHANNEL: &str = "brief";

/// The letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LetterKind {
    /// An invitation for an afspraak.
    Invitation,
    /// The hersteltermijn of Awb 4:5: what is missing, by when, and what follows.
    Hersteltermijn,
    /// A reminder of an afspraak or of a hersteltermijn that runs out.
    Reminder,
    /// The informatieverzoek of Pw art. 17 for a running uitkering: what is asked,
    /// by when, and what follows when it does not come (Pw art. 54).
    Informatieverzoek,
    /// The voornemen tot een maatregel (Pw art. 18): why, and until when the client
    /// can give a zienswijze (Awb 4:8).
    Voornemen,
    /// The plan van aanpak (Pw art. 44a) of one version, to print and sign.
    Plan,
    /// The besluit buiten behandeling (Awb 4:5) from the aanvraag's own dates.
    BuitenBehandeling,
    /// A besluit on an aanvraag in the municipality's own text.
    Besluit,
    /// The dossier of one client over a period.
    Rapportage,
}

impl LetterKind {
    pub const ALL: [LetterKind; 9] = [
        LetterKind::Invitation,
        LetterKind::Hersteltermijn,
        LetterKind::Reminder,
        LetterKind::Informatieverzoek,
        LetterKind::Voornemen,
        LetterKind::Plan,
        LetterKind::BuitenBehandeling,
        LetterKind::Besluit,
        LetterKind::Rapportage,
    ];

    /// The code used on the command line, in the file and in the letters table.
    pub fn code(self) -> &'static str {
        match self {
            LetterKind::Invitation => "uitnodiging",
            LetterKind::Hersteltermijn => "hersteltermijn",
            LetterKind::Reminder => "herinnering",
            LetterKind::Informatieverzoek => "informatieverzoek",
            LetterKind::Voornemen => "voornemen",
            LetterKind::Plan => "plan",
            LetterKind::BuitenBehandeling => "buiten_behandeling",
            LetterKind::Besluit => "besluit",
            LetterKind::Rapportage => "rapportage",
        }
    }

    pub fn from_code(code: &str) -> Result<LetterKind, InputError> {
        LetterKind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or_else(|| InputError::UnknownCode {
                what: "onbekende soort brief",
                code: code.to_owned(),
                choices: LetterKind::ALL.map(LetterKind::code).join(", "),
            })
    }

    /// The name the klantmanager reads.
    pub fn name(self) -> &'static str {
        match self {
            LetterKind::Invitation => "Uitnodiging",
            LetterKind::Hersteltermijn => "Hersteltermijnbrief",
            LetterKind::Reminder => "Herinnering",
            LetterKind::Informatieverzoek => "Informatieverzoek",
            LetterKind::Voornemen => "Voornemen tot een maatregel",
            LetterKind::Plan => "Plan van aanpak",
            LetterKind::BuitenBehandeling => "Besluit buiten behandeling",
            LetterKind::Besluit => "Besluit",
            LetterKind::Rapportage => "Rapportage",
        }
    }

    /// A letter goes out to the client and is confirmed sent; a plan is signed on
    /// paper and a rapportage is read by colleagues: neither is "sent".
    pub fn is_sent(self) -> bool {
        !matches!(self, LetterKind::Plan | LetterKind::Rapportage)
    }

    /// The letters an activity of `type_code` can have, in the order offered.
    pub fn for_type(type_code: &str) -> &'static [LetterKind] {
        match type_code {
            AFSPRAAK => &[LetterKind::Invitation, LetterKind::Reminder],
            HERSTELTERMIJN => &[LetterKind::Hersteltermijn, LetterKind::Reminder],
            INFORMATIEVERZOEK => &[LetterKind::Informatieverzoek],
            ZIENSWIJZE => &[LetterKind::Voornemen],
            _ => &[],
        }
    }
}

/// Who sends the letter: the `[afzender]` table of the settings. A letter needs
/// every field but the bezoekadres, which only a letter that names a place to come
/// to needs (a postbus is no place).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sender {
    pub gemeente: String,
    pub afdeling: String,
    /// The postal address: where the client sends what is asked.
    pub adres: String,
    /// Where the client comes to: the town hall's street address.
    pub bezoekadres: String,
    pub naam: String,
    pub telefoon: String,
    pub email: String,
}

impl Sender {
    /// The names of the fields left empty, as the settings file writes them.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("gemeente", &self.gemeente),
            ("afdeling", &self.afdeling),
            ("adres", &self.adres),
            ("naam", &self.naam),
            ("telefoon", &self.telefoon),
            ("email", &self.email),
        ]
        .into_iter()
        .filter(|(_, value)| value.trim().is_empty())
        .map(|(name, _)| name)
        .collect()
    }
}

pub use super::effects::Subject;

/// The kenmerk a letter or document carries: the same for every letter about the
/// same thing, and meaningless outside the municipality — no number of the file
/// (a client's, an aanvraag's) reaches the citizen. Eight characters of a hash of
/// the client (with the moment they were registered, which no other file shares)
/// and the subject, in Crockford's base 32 (no I, L, O or U to misread).
pub fn kenmerk(client: i64, client_since: &str, subject: Subject) -> String {
    use sha2::{Digest, Sha256};
    const DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let hash = Sha256::digest(format!("{client}|{client_since}|{}", subject.key()));
    let bits = u64::from_be_bytes(hash[..8].try_into().expect("eight bytes"));
    let code: String = (0..8)
        .map(|i| DIGITS[((bits >> (59 - 5 * i)) & 31) as usize] as char)
        .collect();
    format!("IB-{}-{}", &code[..4], &code[4..])
}

/// Whether `typed` is (the beginning of) `kenmerk` as a client reads it out: case,
/// spaces and dashes aside ("ib 8cx5" finds IB-8CX5-0DXQ). Less than its prefix
/// and four characters finds nothing.
pub fn kenmerk_matches(kenmerk: &str, typed: &str) -> bool {
    let plain = |k: &str| -> String {
        k.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let typed = plain(typed);
    typed.starts_with("IB") && typed.len() >= 6 && plain(kenmerk).starts_with(&typed)
}

/// What a letter is made from: the activity with its client and, for a
/// hersteltermijn, its aanvraag.
#[derive(Debug, Clone)]
pub struct LetterContext {
    pub activity: Activity,
    /// When the client was registered in this file: what makes the kenmerk the
    /// client's alone.
    pub client_since: String,
    pub client_name: String,
    pub client_phone: Option<String>,
    pub client_email: Option<String>,
    pub client_address: super::name::Address,
    /// The catalogue's name of the afspraak's channel.
    pub channel_name: Option<String>,
    /// The afspraak's own place, when not the bezoekadres.
    pub location: Option<String>,
    pub application: Option<Application>,
    /// What planned this activity: the activity whose outcome started it (the
    /// signaal behind a voornemen).
    pub cause: Option<Cause>,
}

/// The activity whose outcome planned another: its title in the klantmanager's
/// words (`activity::own_words`: none when it is only the type's name) and the note
/// of that outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    pub title: Option<String>,
    pub note: Option<String>,
}

/// A date as a letter writes it: `dinsdag 1 december 2026`, and the same without
/// the weekday, and as digits for a template that wants its own form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterDate {
    pub datum: String,
    pub voluit: String,
    pub kort: String,
}

impl LetterDate {
    pub fn of(date: NaiveDate) -> LetterDate {
        let voluit = in_words(date);
        let kort = voluit
            .split_once(' ')
            .map_or(voluit.clone(), |(_, rest)| rest.to_owned());
        LetterDate {
            datum: date.to_string(),
            voluit,
            kort,
        }
    }
}

/// The afspraak a letter invites to or reminds of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppointmentFacts {
    pub onderwerp: String,
    pub dag: LetterDate,
    pub tijd: Option<String>,
    /// The channel's code (`op_locatie`, `telefoon`, …) for a template to choose its
    /// sentence, and its name.
    pub kanaal: String,
    pub kanaal_naam: String,
    /// The afspraak's own place; `none`: the sender's bezoekadres.
    pub plaats: Option<String>,
}

/// The hersteltermijn a letter gives or reminds of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HerstelFacts {
    pub aanvraag_ontvangen: Option<LetterDate>,
    pub gegeven: LetterDate,
    /// The last day to send the documents: the end as inbeeld computed it.
    pub einde: LetterDate,
    pub ontbreekt: Vec<String>,
}

/// What an informatieverzoek asks, and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestFacts {
    pub gevraagd: Vec<String>,
    pub gegeven: LetterDate,
    /// The last day to give the information.
    pub einde: LetterDate,
}

/// The voornemen tot een maatregel: what it is about, and the last day for the
/// zienswijze.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntentFacts {
    /// The signaal (the activity that led to the voornemen) in the klantmanager's
    /// words, as the client reads it.
    pub aanleiding: String,
    /// What the klantmanager noted when the voornemen was sent: their own note,
    /// which the built-in letter leaves out.
    pub toelichting: Option<String>,
    pub einde_zienswijze: LetterDate,
}

/// Every fact a letter states, as the template reads them (`gegevens.json`). Field
/// names are Dutch, for the municipality that writes its own template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LetterFacts {
    pub soort: &'static str,
    /// `afspraak` or `hersteltermijn`: what a herinnering is about.
    pub over: String,
    pub datum: LetterDate,
    pub kenmerk: String,
    pub afzender: Sender,
    pub klant: ClientFacts,
    pub afspraak: Option<AppointmentFacts>,
    pub hersteltermijn: Option<HerstelFacts>,
    pub informatieverzoek: Option<RequestFacts>,
    pub voornemen: Option<IntentFacts>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientFacts {
    pub naam: String,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    /// The lines below the name in the window block ("Dorpsstraat 12 a",
    /// "8011 AB  ZWOLLE"); absent without a street and a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adres: Option<[String; 2]>,
}

/// The missing documents of a hersteltermijn, one per line or `;`: each is named
/// in the letter on its own line. A comma stays within one document
/// ("Bankafschriften van alle rekeningen, laatste 3 maanden").
pub fn missing_documents(text: &str) -> Vec<String> {
    text.split(['\n', ';'])
        .map(|part| part.trim().trim_end_matches('.').trim())
        .filter(|part| !part.is_empty())
        .map(|part| {
            // "Loonstroken" as an item of a list reads better than "loonstroken".
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// The facts of a `kind` letter about the activity of `ctx`, on `today`. Refused:
/// a letter for an activity of another type, a letter about an activity that is
/// already closed, and a letter naming a day that has passed (an afspraak that
/// was, a hersteltermijn that ran out: extend it first).
pub fn facts(
    kind: LetterKind,
    ctx: &LetterContext,
    sender: &Sender,
    today: NaiveDate,
) -> Result<LetterFacts, InputError> {
    let activity = &ctx.activity;
    if !LetterKind::for_type(&activity.type_code).contains(&kind) {
        let fits = match activity.type_code.as_str() {
            AFSPRAAK => "bij een afspraak horen de uitnodiging en de herinnering",
            HERSTELTERMIJN => {
                "bij een hersteltermijn horen de hersteltermijnbrief en de herinnering"
            }
            INFORMATIEVERZOEK => "bij een informatieverzoek hoort de informatieverzoekbrief",
            ZIENSWIJZE => "bij een zienswijze hoort de brief met het voornemen",
            _ => {
                "brieven zijn er voor afspraken, hersteltermijnen, informatieverzoeken en \
                 het voornemen tot een maatregel (bij de zienswijze)"
            }
        };
        return Err(InputError::LetterNotFor {
            letter: kind.name().to_lowercase(),
            id: activity.id,
            type_code: activity.type_code.clone(),
            fits,
        });
    }
    if activity.status == ActivityStatus::Closed {
        return Err(InputError::LetterForClosed { id: activity.id });
    }
    if activity.end_date < today {
        return Err(InputError::LetterTooLate {
            id: activity.id,
            date: in_words(activity.end_date),
        });
    }
    // A letter that asks the client to come names the bezoekadres, never a postbus.
    let comes = activity.type_code == AFSPRAAK
        && ctx.location.is_none()
        && activity
            .channel
            .as_deref()
            .is_none_or(|c| c == "op_locatie");
    if comes && sender.bezoekadres.trim().is_empty() {
        return Err(InputError::NoVisitingAddress);
    }
    let afspraak = (activity.type_code == AFSPRAAK).then(|| AppointmentFacts {
        onderwerp: activity.title.clone(),
        dag: LetterDate::of(activity.end_date),
        tijd: activity.time.clone(),
        kanaal: activity
            .channel
            .clone()
            .unwrap_or_else(|| "op_locatie".into()),
        kanaal_naam: ctx
            .channel_name
            .clone()
            .unwrap_or_else(|| "Op locatie".into()),
        plaats: ctx.location.clone(),
    });
    let hersteltermijn = if activity.type_code == HERSTELTERMIJN {
        let application = ctx
            .application
            .as_ref()
            .ok_or(InputError::HerstelWithoutApplication { id: activity.id })?;
        let ontbreekt = missing_documents(&activity.title);
        if ontbreekt.is_empty() {
            return Err(InputError::NothingMissing { id: activity.id });
        }
        Some(HerstelFacts {
            aanvraag_ontvangen: application.received_on.map(LetterDate::of),
            gegeven: LetterDate::of(activity.start_date),
            einde: LetterDate::of(activity.end_date),
            ontbreekt,
        })
    } else {
        None
    };
    let informatieverzoek = if activity.type_code == INFORMATIEVERZOEK {
        // "Informatieverzoek bankafschriften": the type's word is no part of what is
        // asked.
        let asked = activity.title.trim();
        let asked = ["Informatieverzoek:", "Informatieverzoek"]
            .iter()
            .find_map(|word| asked.strip_prefix(word))
            .unwrap_or(asked);
        let gevraagd = missing_documents(asked);
        if gevraagd.is_empty() {
            return Err(InputError::NothingMissing { id: activity.id });
        }
        Some(RequestFacts {
            gevraagd,
            gegeven: LetterDate::of(activity.start_date),
            einde: LetterDate::of(activity.end_date),
        })
    } else {
        None
    };
    let voornemen = if activity.type_code == ZIENSWIJZE {
        let cause = ctx.cause.clone().unwrap_or(Cause {
            title: None,
            note: None,
        });
        let Some(aanleiding) = cause.title else {
            return Err(InputError::VoornemenWithoutReason { id: activity.id });
        };
        Some(IntentFacts {
            aanleiding,
            toelichting: cause.note,
            einde_zienswijze: LetterDate::of(activity.end_date),
        })
    } else {
        None
    };
    Ok(LetterFacts {
        soort: kind.code(),
        over: activity.type_code.clone(),
        datum: LetterDate::of(today),
        kenmerk: kenmerk(
            activity.client_id,
            &ctx.client_since,
            Subject::Activity(activity.id),
        ),
        afzender: sender.clone(),
        klant: ClientFacts {
            naam: ctx.client_name.clone(),
            telefoon: ctx.client_phone.clone(),
            email: ctx.client_email.clone(),
            adres: ctx.client_address.lines(),
        },
        afspraak,
        hersteltermijn,
        informatieverzoek,
        voornemen,
    })
}

/// A letter as the dossier lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub id: i64,
    pub client_id: i64,
    /// The activity a letter is about; a document may be about something else.
    pub activity_id: Option<i64>,
    pub kind: String,
    pub made_on: NaiveDate,
    pub file: String,
    /// The day it was sent (registered as a contact by `brief`), once confirmed.
    pub sent_on: Option<NaiveDate>,
    /// What the letter is for: the activity's title, the plan's version, the
    /// aanvraag, the period.
    pub about: String,
    /// The kenmerk it carries, by which a client who calls can be found.
    pub kenmerk: String,
}

/// The letter or document made about `subject` of `client`, its PDF at `file`.
pub fn made(client: i64, subject: Subject, kind: LetterKind, file: &str) -> Vec<Effect> {
    vec![Effect::RecordLetter {
        client,
        subject,
        kind: kind.code().to_owned(),
        file: file.to_owned(),
    }]
}

/// The klantmanager confirms `letter` was sent on `on`: a contact by letter on that
/// day, and the letter points to it. Not before it was made, not in the future,
/// not twice.
pub fn sent(letter: &Letter, on: NaiveDate, today: NaiveDate) -> Result<Vec<Effect>, InputError> {
    if let Some(sent_on) = letter.sent_on {
        return Err(InputError::LetterAlreadySent {
            id: letter.id,
            on: sent_on,
        });
    }
    dated(
        "verstuurd op",
        on,
        Some(("de dag waarop de brief is gemaakt", letter.made_on)),
        today,
    )?;
    let kind = LetterKind::from_code(&letter.kind)?;
    Ok(vec![
        Effect::RecordContact {
            client: letter.client_id,
            channel: LETTER_CHANNEL.to_owned(),
            date: on,
            note: Some(format!("{} verstuurd: {}", kind.name(), letter.about)),
        },
        Effect::MarkLetterSent {
            letter: letter.id,
            on,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_documents_are_split_per_line_and_list_mark() {
        assert_eq!(
            missing_documents(
                "Bankafschriften van alle rekeningen, laatste 3 maanden; loonstroken oktober \
                 en november 2026\nhuurcontract.\n"
            ),
            [
                "Bankafschriften van alle rekeningen, laatste 3 maanden",
                "Loonstroken oktober en november 2026",
                "Huurcontract"
            ]
        );
        assert!(missing_documents(" ; \n").is_empty());
    }

    #[test]
    fn a_kenmerk_is_stable_and_names_no_number_of_the_file() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let one = kenmerk(14, "2026-01-05T09:00:00Z", Subject::Activity(61));
        assert_eq!(
            one,
            kenmerk(14, "2026-01-05T09:00:00Z", Subject::Activity(61))
        );
        assert!(one.starts_with("IB-") && one.len() == 12, "{one}");
        assert!(one[3..]
            .chars()
            .all(|c| c == '-' || "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)));
        for other in [
            kenmerk(14, "2026-01-05T09:00:00Z", Subject::Application(61)),
            kenmerk(14, "2026-01-05T09:00:00Z", Subject::Period(day, day)),
            kenmerk(15, "2026-01-05T09:00:00Z", Subject::Activity(61)),
            kenmerk(14, "2026-01-06T09:00:00Z", Subject::Activity(61)),
        ] {
            assert_ne!(one, other);
        }
    }

    #[test]
    fn letter_dates_are_written_out() {
        let d = LetterDate::of(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(d.voluit, "dinsdag 1 december 2026");
        assert_eq!(d.kort, "1 december 2026");
    }

    #[test]
    fn kinds_round_trip_and_fit_their_activity_types() {
        for kind in LetterKind::ALL {
            assert_eq!(LetterKind::from_code(kind.code()).unwrap(), kind);
        }
        assert!(LetterKind::from_code("aanmaning").is_err());
        assert!(LetterKind::for_type(AFSPRAAK).contains(&LetterKind::Invitation));
        assert!(!LetterKind::for_type(AFSPRAAK).contains(&LetterKind::Hersteltermijn));
        assert!(LetterKind::for_type("traject").is_empty());
    }
}
