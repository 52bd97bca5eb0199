//! The words a demo caseload is made of: names, and the titles and notes that
//! klantmanagers write.

pub const FIRST_NAMES: &[&str] = &[
    "Anouk", "Bram", "Chantal", "Daan", "Esra", "Fatima", "Gert", "Hanna", "Ilse", "Jeroen",
    "Kevin", "Latifa", "Mohammed", "Naima", "Olga", "Priya", "Quinten", "Rachid", "Sanne", "Tom",
    "Ugur", "Vera", "Wilma", "Yasmina", "Zeynep", "Ahmed", "Bianca", "Coen", "Dewi", "Emre",
    "Femke", "Gökhan", "Henk", "Ingrid", "Jamal", "Kim", "Lotte", "Marco", "Nadia", "Omar",
    "Petra", "Ricardo", "Samira", "Thijs", "Ayoub", "Marloes", "Sevda", "Dirk", "Monique", "Said",
    "Joyce", "Youssef", "Gerda", "Tarik", "Ellen", "Hüseyin", "Wendy", "Mustafa", "Kees", "Nicole",
];

pub const LAST_NAMES: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "El Amrani",
    "Yilmaz",
    "Kaya",
    "Bouzid",
    "Öztürk",
    "Ramdin",
    "Martina",
    "Haddou",
    "Kramer",
    "van der Meer",
    "Koster",
    "Prins",
    "Huisman",
    "Boumediane",
    "Şahin",
    "Postma",
    "Kuipers",
    "Veenstra",
    "Ait Taleb",
    "Wijnaldum",
    "Doğan",
    "Mohan",
];

/// Titles per activity type, as a klantmanager would write them.
pub fn titles(type_code: &str) -> &'static [&'static str] {
    match type_code {
        "traject" => &[
            "Traject Werkfit",
            "Traject naar werk: sollicitatietraining",
            "Jobcoaching bij uitzendbureau",
            "Traject Perspectief op Werk",
            "Arbeidsfitcheck en matching",
        ],
        "scholing" => &[
            "Taalcursus NT2 niveau A2",
            "Opleiding orderpicker met certificaat",
            "VCA-basiscursus",
            "Cursus digitale vaardigheden",
            "Mbo-2 Zorg en welzijn (BBL)",
        ],
        "werkervaringsplaats" => &[
            "WEP magazijnmedewerker",
            "WEP kringloopwinkel",
            "WEP groenvoorziening",
            "WEP schoonmaak gemeentehuis",
        ],
        "heronderzoek" => &[
            "Heronderzoek (administratief)",
            "Heronderzoek (gesprek)",
            "Heronderzoek (huisbezoek)",
        ],
        "maatregel" => &[
            "Niet verschenen op het sollicitatiegesprek",
            "Vacature niet gereageerd",
            "Afspraak bij het werkbedrijf twee keer gemist",
        ],
        "taaleis" => &["Taaleis: informatiemoment en taaltoets"],
        "onderzoek" => &[
            "Onderzoek rechtmatigheid: woonsituatie",
            "Onderzoek inkomsten uit werk",
            "Heronderzoek recht op bijstand",
            "Onderzoek vermogen en bankrekeningen",
        ],
        "hersteltermijn" => &[
            "Bankafschriften laatste 3 maanden",
            "Huurcontract en huurspecificatie",
            "Loonstroken augustus tot en met oktober",
            "Kopie identiteitsbewijs",
            "Bewijs van uitschrijving vorige gemeente",
        ],
        "informatieverzoek" => &[
            "Informatieverzoek bankafschriften oktober en november",
            "Informatieverzoek: opgave inkomsten uit parttime werk",
            "Informatieverzoek: huurverhoging 2027",
            "Informatieverzoek: wijziging woonsituatie",
        ],
        "afspraak" => &[
            "Voortgangsgesprek",
            "Klant-in-beeldgesprek",
            "Opstellen plan van aanpak",
            "Huisbezoek",
        ],
        "vrijwilligerswerk" => &[
            "Vrijwilligerswerk buurthuis",
            "Vrijwilligerswerk voedselbank",
            "Vrijwilligerswerk dierenasiel",
        ],
        "hulpverlening" => &[
            "Schuldhulpverlening",
            "Begeleiding GGZ",
            "Maatschappelijk werk: thuissituatie",
        ],
        _ => &["Activiteit"],
    }
}

pub const CONTACT_NOTES: &[&str] = &[
    "Voortgang besproken, gaat goed.",
    "Klant had vragen over de uitkering van deze maand.",
    "Sollicitaties doorgenomen.",
    "Klant geeft aan dat de gezondheid tegenzit.",
    "Afspraken uit het plan van aanpak nagelopen.",
    "Klant is gestart met vrijwilligerswerk.",
    "Terugbelverzoek afgehandeld.",
    "Klant meldt wijziging in de woonsituatie.",
];

pub const NOTES: &[&str] = &[
    "Klant is gemotiveerd en zoekt actief naar werk in de logistiek.",
    "Schulden in beeld gebracht; aanmelding schuldhulpverlening besproken.",
    "Taal is een belemmering; NT2-traject kan helpen.",
    "Klant mantelzorger voor moeder; beschikbaarheid beperkt tot ochtenden.",
    "Gesprek met jobcoach: werkhouding goed, tempo nog laag.",
    "Klant heeft een nieuw telefoonnummer doorgegeven.",
    "Rapportage: doorstroom naar trede 3 lijkt haalbaar binnen een half jaar.",
    "Signaal van de woningcorporatie over huurachterstand; contact opgenomen.",
    "Klant wil graag een opleiding in de zorg volgen.",
    "Geen bijzonderheden; klant houdt zich aan de afspraken.",
];

pub const FOLLOW_UPS: &[&str] = &[
    "Terugbellen over de uitkering van december",
    "Werkgever bellen over proefplaatsing",
    "Toestemming schuldhulpverlening nagaan",
    "Huisbezoek inplannen",
    "Verslag jobcoach opvragen",
    "Klant nabellen: niet gereageerd op brief",
    "Overleg met wijkteam over thuissituatie",
    "Inschrijving UWV werk.nl controleren",
];

/// Plan van aanpak goals: (text, life domain).
pub const GOALS: &[(&str, &str)] = &[
    ("Solliciteert elke week op twee vacatures", "werk"),
    ("Rondt de VCA-cursus af", "werk"),
    (
        "Heeft een stabiel budget met hulp van de budgetcoach",
        "financien",
    ),
    (
        "Schulden zijn in beeld en aangemeld bij schuldhulpverlening",
        "financien",
    ),
    ("Huurachterstand is opgelost", "huisvesting"),
    (
        "Heeft een vaste dagstructuur met vrijwilligerswerk",
        "dagbesteding",
    ),
    ("Gaat wekelijks naar de taalles", "taal"),
    (
        "Is onder behandeling bij de huisarts voor rugklachten",
        "gezondheid",
    ),
    (
        "Heeft contact met een maatje via het buurtteam",
        "sociaal_netwerk",
    ),
];

pub const DOMAINS: &[&str] = &[
    "werk",
    "financien",
    "huisvesting",
    "gezondheid",
    "sociaal_netwerk",
    "dagbesteding",
    "taal",
];

pub const TIMES: &[&str] = &[
    "09:00", "09:30", "10:00", "10:30", "11:00", "13:30", "14:00", "15:00",
];

/// Streets of Zwolle, for the demo's addresses.
pub const STREETS: &[&str] = &[
    "Assendorperstraat",
    "Diezerstraat",
    "Thomas a Kempisstraat",
    "Van Karnebeekstraat",
    "Rhijnvis Feithlaan",
    "Dobbe",
    "Wipstrik",
    "Veerallee",
    "Hortensiastraat",
    "Palestrinastraat",
    "Holtenbroekerweg",
    "Aa-landen",
    "Stadshagenallee",
    "Kamperpoort",
];
