use chrono::NaiveDate;
use thiserror::Error;

/// Input that inbeeld refuses. Each message is one line of Dutch for the user; the
/// command line exits with code 2 on these, and nothing is stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    #[error("ongeldige datum '{0}': gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01")]
    Date(String),
    #[error("de einddatum {end} ligt vóór de startdatum {start}")]
    EndBeforeStart { start: String, end: String },
    #[error("ongeldig BSN '{0}': {1}")]
    Bsn(String, &'static str),
    #[error("dit BSN is al geregistreerd bij klant {0}")]
    DuplicateBsn(i64),
    /// `what` is the whole phrase ("onbekende categorie"): Dutch inflects the
    /// adjective by the noun's gender.
    #[error("{what} '{code}'; kies uit: {choices}")]
    UnknownCode {
        what: &'static str,
        code: String,
        choices: String,
    },
    #[error("activiteitsoort '{activity_type}' past niet bij categorie '{category}'; toegestaan: {allowed}")]
    TypeNotAllowed {
        activity_type: String,
        category: String,
        allowed: String,
    },
    #[error("afhandeling '{outcome}' past niet bij een werkitem van soort '{kind}'; kies uit: {allowed}")]
    OutcomeNotAllowed {
        outcome: String,
        kind: String,
        allowed: String,
    },
    #[error("{what} {id}")]
    UnknownId { what: &'static str, id: i64 },
    #[error("{0} mag niet leeg zijn")]
    Empty(&'static str),
    #[error("werkitem {id} is al afgehandeld ({outcome})")]
    AlreadyHandled { id: i64, outcome: String },
    #[error("activiteit {id} is al afgesloten ({outcome})")]
    ActivityClosed { id: i64, outcome: String },
    #[error("afhandeling '{outcome}' vraagt een nieuwe datum")]
    NeedsNewDate { outcome: String },
    #[error("afhandeling '{outcome}' neemt geen nieuwe datum; alleen een verlenging of een nieuwe afspraak doet dat")]
    NoNewDate { outcome: String },
    #[error("afhandeling '{outcome}' vraagt een reden")]
    NeedsReason { outcome: String },
    #[error("afhandeling '{outcome}' vraagt het besluit en de dag waarop het is bekendgemaakt")]
    NeedsDecision { outcome: String },
    #[error(
        "afhandeling '{outcome}' neemt geen besluit; alleen 'besloten' en 'bekendgemaakt' doen dat"
    )]
    NoDecision { outcome: String },
    #[error("een vervolgactie in plaats van een nieuwe afspraak hoort bij 'no_show'")]
    FollowUpOnlyForNoShow,
    #[error("afhandeling '{outcome}' neemt geen dag van ontvangst; alleen 'ontvangen' bij een hersteltermijn en het antwoord van het OM doen dat")]
    ReceivedOnlyForDocuments { outcome: String },
    /// An invitation to come to the town hall without the address to come to.
    #[error("geen bezoekadres om de klant op uit te nodigen: vul in de instellingen bij [afzender] bezoekadres in (een postbus is geen plek om heen te gaan), of geef de afspraak een eigen plek")]
    NoVisitingAddress,
    /// A besluit in the municipality's words without its motivering.
    #[error("een besluit heeft een motivering nodig: waarom is zo besloten? (--text, of het veld Motivering)")]
    BesluitWithoutReasons,
    /// A besluit document for an aanvraag not yet decided.
    #[error("aanvraag {id} heeft nog geen besluit; leg het eerst vast (aanvraag decide {id} --decision … --made-known DATUM, of B op de aanvraag), dan volgt de bezwaartermijn die het document noemt")]
    DocumentBeforeDecision { id: i64 },
    /// A besluit buiten behandeling for an aanvraag decided otherwise.
    #[error("aanvraag {id} is niet buiten behandeling gesteld maar {decision}; maak het besluit met de eigen tekst van de gemeente (soort besluit)")]
    NotNotHandled { id: i64, decision: String },
    /// A wait resumed that follows no term.
    #[error("activiteit {id} volgt geen termijn die wacht; er is niets om verder te laten lopen")]
    NothingWaits { id: i64 },
    /// A verlenging that would end the activity sooner.
    #[error("verlengen kan alleen naar een dag na de huidige einddatum ({end}), niet naar {to}")]
    NotLater { end: NaiveDate, to: NaiveDate },
    /// `what` is the whole subject ("de nieuwe einddatum").
    #[error("{what} {date} moet na vandaag ({today}) liggen")]
    NotAfterToday {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("{what} {date} ligt in het verleden (vandaag is {today})")]
    InPast {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("{what} {date} ligt in de toekomst (vandaag is {today})")]
    InFuture {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error("{what} {date} ligt vóór {before_what} ({before})")]
    Before {
        what: &'static str,
        date: NaiveDate,
        before_what: &'static str,
        before: NaiveDate,
    },
    #[error(
        "activiteit {id} is een wettelijke termijn: de einddatum wordt berekend, niet verschoven"
    )]
    ComputedTerm { id: i64 },
    #[error("activiteit {id} had al een cyclus die op {date} eindigde; kies een andere datum")]
    CycleUsed { id: i64, date: NaiveDate },
    #[error("activiteit {id} eindigt al op {date}")]
    SameEnd { id: i64, date: NaiveDate },
    #[error("verlengen gaat met een nieuwe einddatum: verschuif de einddatum van activiteit {id}")]
    ExtendInstead { id: i64 },
    #[error("een wettelijke termijn kan niet worden uitgesteld voorbij zijn einde: {article}, uiterlijk {end}")]
    PastLegalTerm { article: String, end: NaiveDate },
    #[error("de afspraak is pas op {date}: de opkomst kan vanaf die dag worden vastgelegd")]
    AppointmentNotYet { date: NaiveDate },
    #[error("de hersteltermijn loopt nog t/m {end}; 'niet ontvangen' kan vanaf de dag erna")]
    HersteltermijnRunning { end: NaiveDate },
    #[error("wat op tijd is gepost, kan nog binnenkomen t/m {until} (Awb 6:9 lid 2); vastleggen dat er niets kwam kan vanaf de dag erna")]
    MayStillArrive { until: NaiveDate },
    #[error("activiteit {id} hoort niet bij een aanvraag")]
    NoApplication { id: i64 },
    #[error("aanvraag {id} is al besloten ({decision})")]
    ApplicationDecided { id: i64, decision: String },
    #[error("aanvraag {id} is nog niet ontvangen (verwacht op {expected})")]
    ApplicationNotReceived { id: i64, expected: NaiveDate },
    #[error("aanvraag {id} is al ontvangen op {on}")]
    ApplicationReceived { id: i64, on: NaiveDate },
    #[error("de zoektermijn van aanvraag {id} loopt tot {}: de aanvraag kan pas dan worden ingediend (Pw art. 41 lid 4), of zie af van de zoektermijn met een reden", super::date::dutch(*until))]
    ZoektermijnRuns { id: i64, until: NaiveDate },
    #[error("aanvraag {id} heeft geen lopende zoektermijn om van af te zien")]
    NoZoektermijn { id: i64 },
    #[error("een verlaging is 1 tot en met 100 procent gedurende 1 tot en met 12 maanden (niet {percent}% gedurende {months})")]
    SanctionRange { percent: u32, months: u32 },
    #[error("'{outcome}' vraagt de verlaging: het percentage en het aantal maanden{step}")]
    NeedsSanction { outcome: String, step: String },
    #[error("een verlaging hoort alleen bij het opleggen van een maatregel, niet bij '{outcome}'")]
    NoSanction { outcome: String },
    #[error("de verlaging wijkt af van de verordening ({step}): geef in de toelichting de reden (Pw art. 18 lid 2)")]
    SanctionDeviates { step: String },
    #[error("geef de verlaging met --percent en --months samen")]
    SanctionHalf,
    #[error("de termijn voor de zienswijze loopt tot {} (Awb 4:8): besluit eerder alleen met een toelichting, bijvoorbeeld dat de zienswijze al binnen is", super::date::dutch(*until))]
    ZienswijzeRuns { until: NaiveDate },
    #[error("het voornemen bij zienswijze {id} noemt geen reden: geef het signaal een titel die de klant kan lezen (wat er gebeurde), dan zegt de brief die")]
    VoornemenWithoutReason { id: i64 },
    #[error("aanvraag {id} kan alleen buiten behandeling worden gesteld als een hersteltermijn ongebruikt is verstreken (Awb 4:5 lid 1)")]
    NotHandledWithoutHerstel { id: i64 },
    #[error("verdagen kan alleen binnen de beslistermijn; die liep af op {end} (Awb 4:14 lid 3)")]
    AdjournTooLate { end: NaiveDate },
    #[error("de beslistermijn is al verdaagd tot {to}; Awb 4:14 lid 3 kent één verdaging")]
    AlreadyAdjourned { to: NaiveDate },
    #[error("de verdaging moet na het huidige einde van de beslistermijn ({end}) liggen")]
    AdjournNotLater { end: NaiveDate },
    #[error("klant {client} heeft meer dan één open aanvraag ({open}); kies de aanvraag waar de hersteltermijn bij hoort")]
    ChooseApplication { client: i64, open: String },
    #[error("de klant is op {on} {age} jaar; 'jonger dan 27' spreekt de geboortedatum tegen")]
    Under27Contradicts { on: NaiveDate, age: u32 },
    #[error("klant {client} heeft nog geen plan van aanpak")]
    NoPlan { client: i64 },
    #[error("uitstellen kan alleen naar een datum na {due}, de huidige vervaldatum")]
    PostponeNotLater { due: NaiveDate },
    #[error("een {letter} kan niet bij activiteit {id} ({type_code}): {fits}")]
    LetterNotFor {
        letter: String,
        id: i64,
        type_code: String,
        fits: &'static str,
    },
    #[error("activiteit {id} is al afgerond: er hoort geen brief meer bij")]
    LetterForClosed { id: i64 },
    #[error(
        "de datum van activiteit {id} ({date}) is voorbij: een brief die hem noemt komt te laat"
    )]
    LetterTooLate { id: i64, date: String },
    #[error("hersteltermijn {id} hoort bij geen aanvraag: de brief moet de aanvraag noemen")]
    HerstelWithoutApplication { id: i64 },
    #[error("hersteltermijn {id} noemt niet wat er ontbreekt")]
    NothingMissing { id: i64 },
    #[error("brief {id} is al verstuurd, op {on}")]
    LetterAlreadySent { id: i64, on: NaiveDate },
    #[error("een doel heeft een deadline: geen doel zonder einddatum")]
    GoalWithoutDeadline,
    #[error("aanvraag {id} is geen open aanvraag van klant {client}")]
    NotOpenApplication { client: i64, id: i64 },
    #[error("alleen een hersteltermijn hoort bij een aanvraag (aanvraag {id})")]
    OnlyHersteltermijnOnApplication { id: i64 },
    #[error("{date} is al een feestdag: {name}")]
    AlreadyHoliday { date: NaiveDate, name: String },
    #[error("de datum {0} bestaat niet")]
    NoSuchDate(String),
    #[error("'{0}' is geen datum: schrijf 23-11-2026, 23-11, morgen, vrijdag of +2w")]
    WrittenDate(String),
    #[error("een wettelijke termijn kan niet meer worden uitgesteld: {article}, uiterlijk {end}")]
    CannotPostponeLegal { article: String, end: NaiveDate },
    #[error("een besluit buiten behandeling wordt pas bekendgemaakt na het ongebruikt verstrijken van de hersteltermijn (t/m {end}, Awb 4:5 lid 1)")]
    NotHandledTooEarly { end: NaiveDate },
    #[error("ongeldige tijd '{0}': gebruik UU:MM, bijvoorbeeld 09:30")]
    Time(String),
    #[error("'{0}' is geen postcode met woonplaats: schrijf bijvoorbeeld 8011 AB Zwolle, of alleen de woonplaats")]
    Postcode(String),
    #[error("een afspraak van {0} minuten kan niet: 5 tot en met 480 minuten")]
    Duration(i64),
    #[error("activiteit {id} is geen hersteltermijn zonder aanvraag; alleen die gaat verder als informatieverzoek")]
    NotLooseHersteltermijn { id: i64 },
    #[error("een termijn van {0} dagen kan niet: 1 tot en met 3650 dagen")]
    RuleLength(i64),
    #[error("een nieuwe versie van een termijnregel geldt voor zaken die na vandaag ({today}) beginnen, niet al vanaf {from}")]
    RuleVersionNotAhead { from: NaiveDate, today: NaiveDate },
    #[error(
        "termijnregel {rule} heeft al een versie vanaf {latest}; een nieuwe versie begint later"
    )]
    RuleVersionOrder { rule: String, latest: NaiveDate },
    #[error("jaar {0} valt buiten 1900–2200")]
    YearOutOfRange(i32),
    #[error("score {0} kan niet: 1 (grote zorgen) tot en met 5 (op orde)")]
    ScoreOutOfRange(i64),
    #[error("trede {0} bestaat niet: de participatieladder loopt van 1 tot en met 6")]
    StepOutOfRange(i64),
    #[error("een contactritme van {0} dagen kan niet: minstens 1 dag")]
    RhythmTooShort(i64),
    /// `what` says what was to be written ("een bundel", "een reservekopie").
    #[error("{path} bestaat al; {what} overschrijft niets")]
    FileExists { path: String, what: &'static str },
    #[error("kan {path} niet lezen: {reason}")]
    Unreadable { path: String, reason: String },
    /// A caseload file or its mapping profile that cannot be read as asked: nothing
    /// is imported.
    #[error("{0}")]
    Import(String),
    /// An edit of the teamleider's copy of the team: it would never reach the
    /// klantmanager who owns the client.
    #[error("dit bestand is een momentopname van het team (van {at}) en wordt alleen gelezen; wijzig de klant op de laptop van zijn klantmanager")]
    SnapshotReadOnly { at: String },
    #[error("--end schrijft klanten uit na een overdracht: geef de bundel een bestand (--out) en de klanten (--client)")]
    EndNeedsFileAndClients,
    #[error("{path} is geen gewoon bestand (een map, apparaat of pijp); geef het pad van een inbeeld-database")]
    NotAFile { path: String },
    #[error("er staat een cockpit open op {path}; sluit die eerst, dan kan {what}")]
    CockpitOpen { path: String, what: &'static str },
    #[error("{path} bestaat niet; maak een nieuwe caseload met 'inbeeld init {path}' (of probeer 'inbeeld demo'), of controleer het pad")]
    NoDatabase { path: String },
    #[error("{0} is leeg gegeven; laat de optie weg als er niets is")]
    EmptyOption(&'static str),
    #[error("{what} bevat een stuurteken ({code}); typ de tekst zonder")]
    ControlCharacter { what: String, code: String },
    #[error("kan {path} niet schrijven: {reason}")]
    Unwritable { path: String, reason: String },
    #[error("{path} bevat een eigen caseload; de demo schrijft alleen in een leeg bestand of een eerder demobestand")]
    OwnCaseload { path: String },
    #[error("{path} wordt niet teruggezet: {reason}; de huidige database is niet gewijzigd")]
    NotRestored { path: String, reason: String },
    #[error("er is vandaag niets (meer) om ongedaan te maken")]
    NothingToUndo,
    #[error("{what} kan niet ongedaan worden gemaakt: {instead}")]
    CannotUndo {
        what: &'static str,
        instead: &'static str,
    },
    #[error(
        "intussen is er een andere wijziging bewaard; vraag opnieuw wat ongedaan wordt gemaakt"
    )]
    UndoMoved,
    #[error("klant {id} is al uitgestroomd op {on}")]
    ClientEnded { id: i64, on: NaiveDate },
    #[error("klant {id} is niet uitgestroomd")]
    ClientNotEnded { id: i64 },
    #[error("klant {id} heeft nog open werk: {open}; handel het eerst af, of laat het vervallen bij de uitstroom")]
    OpenWork { id: i64, open: String },
    #[error("werkitems van soort '{kind}' hebben geen afhandeling bij uitstroom in de catalogus; voeg die toe (effect 'client_ended')")]
    NoEndedOutcome { kind: String },
    #[error("afhandeling '{outcome}' volgt alleen uit het beëindigen van de klant (uitstroom of overdracht), niet met de hand")]
    OnlyAtUitstroom { outcome: String },
    #[error("de gelijkgestelde dagen van {year} zijn al bekend")]
    YearKnown { year: i32 },
    #[error("afhandeling '{outcome}' geeft het programma zelf, als gevolg van iets anders (een afspraak, een besluit, een andere categorie), niet met de hand")]
    OnlyByTheProgram { outcome: String },
    #[error("de afspraak van {date} is gekomen: registreer eerst de opkomst (gesproken, niet verschenen of geannuleerd); een nieuwe afspraak volgt daaruit")]
    OpkomstFirst { date: NaiveDate },
    #[error("een kanaal hoort alleen bij een gesprek ('gesproken') of de nieuwe afspraak na 'no_show', niet bij '{outcome}'")]
    ChannelOnlyForContact { outcome: String },
    #[error("een tijd hoort alleen bij de nieuwe afspraak na 'no_show', niet bij '{outcome}' of een vervolgactie")]
    TimeOnlyForNewAppointment { outcome: String },
    #[error(
        "de volgende poging valt op {date}, de dag van dit werkitem zelf; kies een andere dag"
    )]
    SameAttempt { date: NaiveDate },
    #[error("aanvraag {id} wacht nog op een besluit; leg eerst het besluit vast")]
    OpenApplication { id: i64 },
    #[error("klant {id} heeft al categorie '{category}'")]
    SameCategory { id: i64, category: String },
    #[error("werkitem {id} is nog open; alleen een afgehandeld werkitem kan worden heropend")]
    ItemStillOpen { id: i64 },
    #[error("activiteit {id} is geen afspraak")]
    NotAnAppointment { id: i64 },
    #[error("er is niets gewijzigd")]
    NothingChanged,
    #[error("werkitem {item} is afgehandeld met '{outcome}', {}", if *by_hand { "dat meer deed dan het werkitem sluiten; maak die afhandeling vandaag ongedaan, of leg vast wat er sindsdien gebeurde" } else { "dat het programma zelf gaf (bij uitstroom, een herinnering die met haar afspraak verliep, een ongedaan gemaakte wijziging); het gaat niet opnieuw open" })]
    ReopenWithEffects {
        item: i64,
        outcome: String,
        by_hand: bool,
    },
    #[error("werkitem {item} is een termijn van aanvraag {application}, die besloten is: het besluit sloot de termijn, niet een afhandeling; hij gaat niet opnieuw open")]
    ReopenDecidedTerm { item: i64, application: i64 },
    #[error("er is al een klant met deze naam en geboortedatum: klant {0}")]
    SameNameAndBirth(i64),
    #[error("een wachtwoordzin van minstens {min} tekens is nodig om de bundel te versleutelen")]
    WeakPassphrase { min: usize },
    #[error("de wachtwoordzin past niet bij {path}; er is niets ingelezen")]
    WrongPassphrase { path: String },
    #[error("de twee wachtwoordzinnen verschillen; er is niets geschreven")]
    PassphrasesDiffer,
    #[error(
        "{what} vraagt een wachtwoordzin: typ die in een terminal of zet INBEELD_PASSPHRASE{plain}"
    )]
    NoPassphrase {
        what: &'static str,
        plain: &'static str,
    },
    #[error("kan de bundel niet versleutelen: {reason}")]
    Unsealable { reason: String },
    /// What would leave this file is refused by the receiver's own check: nothing
    /// leaves.
    #[error("{client}: {reason}; zo weigert de ontvanger het, dus er gaat niets weg")]
    WouldBeRefused { client: String, reason: String },
    /// A handover bundle that is refused whole; `client` names the client it is
    /// about (by name, else by its place in the bundle).
    #[error("bundel geweigerd: {}{reason}", client.as_ref().map(|who| format!("{who}: ")).unwrap_or_default())]
    BundleRefused {
        client: Option<String>,
        reason: String,
    },
}

impl InputError {
    pub fn unknown_code(what: &'static str, code: &str, choices: &[String]) -> Self {
        InputError::UnknownCode {
            what,
            code: code.to_owned(),
            choices: choices.join(", "),
        }
    }
}

/// Trimmed text that must not be empty.
pub fn required_text(field: &'static str, text: &str) -> Result<String, InputError> {
    let trimmed = text.trim();
    if super::text::is_blank(trimmed) {
        return Err(InputError::Empty(field));
    }
    if let Some(c) = super::text::forbidden(trimmed, true) {
        return Err(InputError::ControlCharacter {
            what: field.to_owned(),
            code: super::text::code_point(c),
        });
    }
    Ok(trimmed.to_owned())
}

/// Trimmed optional text; blank counts as absent.
pub fn optional_text(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}
