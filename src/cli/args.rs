//! The command line's grammar (DESIGN.md, "The command line").

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "inbeeld",
    version,
    about = "Caseload-cockpit voor klantmanagers: iedere klant in beeld, geen termijn gemist.",
    long_about = None,
)]
pub struct Cli {
    /// Het databasebestand (standaard in de gegevensmap van dit platform)
    #[arg(long, global = true, env = "INBEELD_DB", value_name = "PAD")]
    pub db: Option<PathBuf>,

    /// Werk alsof het vandaag deze datum is (JJJJ-MM-DD), voor een demo, oefenbestand
    /// of test: wat die dag oplevert wordt bewaard. Vooruitkijken zonder te bewaren:
    /// `worklist --as-of` of `>` in de cockpit
    #[arg(long, global = true, env = "INBEELD_TODAY", value_name = "DATUM")]
    pub today: Option<String>,

    /// Het instellingenbestand (TOML; standaard in de configuratiemap van dit platform)
    #[arg(long, global = true, env = "INBEELD_SETTINGS", value_name = "PAD")]
    pub settings: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vul een demobestand met een realistische caseload en open de cockpit
    Demo(DemoArgs),
    /// Klanten registreren en bekijken
    #[command(subcommand)]
    Client(ClientCommand),
    /// Activiteiten met een start- en einddatum
    #[command(subcommand)]
    Activity(ActivityCommand),
    /// Contactmomenten
    #[command(subcommand)]
    Contact(ContactCommand),
    /// Notities in het dossier
    #[command(subcommand)]
    Note(NoteCommand),
    /// De catalogus: activiteitsoorten, afhandelingen, categorieën, kanalen
    Catalog(CatalogArgs),
    /// De werkvoorraad: open werkitems op vervaldatum
    Worklist(WorklistArgs),
    /// Het overzicht over een periode: afgehandeld werk, in beeld, doorstroom, in- en
    /// uitstroom, aanvragen (standaard deze week)
    Report(ReportArgs),
    /// Brieven: een uitnodiging, hersteltermijnbrief, herinnering, informatieverzoek of
    /// voornemen tot een maatregel als PDF maken
    /// (drukt het pad af), de brieven tonen, of vastleggen dat een brief verstuurd is
    Letter(LetterArgs),
    /// Documenten als PDF: het plan van aanpak om te tekenen, het besluit buiten
    /// behandeling of een besluit met eigen tekst, een rapportage over een periode
    /// (drukt het pad af; vastgelegd bij de brieven van de klant)
    #[command(subcommand)]
    Document(DocumentCommand),
    /// Het team: gedeelde caseloads op PostgreSQL (schema, teamleden)
    #[command(subcommand)]
    Team(TeamCommand),
    /// Stuur de wijzigingen aan eigen klanten naar de teamserver en haal nieuw
    /// toegewezen klanten op
    Sync,
    /// Werkitems afhandelen, uitstellen of zelf aanmaken
    #[command(subcommand)]
    Item(ItemCommand),
    /// Maak werkitems aan voor verlopen activiteiten; drukt het aantal nieuwe af
    Sweep,
    /// De kalender van de Algemene termijnenwet
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Wettelijke termijnen berekenen
    #[command(subcommand)]
    Term(TermCommand),
    /// Aanvragen: beslistermijn, voorschot, hersteltermijnen en besluit
    #[command(subcommand)]
    Aanvraag(AanvraagCommand),
    /// Afspraken: de dag ervoor nabellen, daarna de opkomst registreren
    #[command(subcommand)]
    Appointment(AppointmentCommand),
    /// Het plan van aanpak: doelen met een deadline en een evaluatiedatum
    #[command(subcommand)]
    Plan(PlanCommand),
    /// De situatie per leefgebied (score 1–5) vastleggen
    #[command(subcommand)]
    Situation(SituationCommand),
    /// De trede op de participatieladder (1–6) vastleggen
    #[command(subcommand)]
    Ladder(LadderCommand),
    /// Het klantenbestand uit het gemeentelijk systeem inlezen en bijhouden
    #[command(subcommand)]
    Caseload(CaseloadCommand),
    /// De agenda als iCalendar-bestand (.ics) voor Outlook: afspraken en wettelijke
    /// termijnen, zonder BSN en (standaard) zonder volledige namen
    Agenda {
        /// Naar dit bestand (standaard: de uitvoer)
        #[arg(long, value_name = "PAD")]
        out: Option<std::path::PathBuf>,
    },
    /// Schrijf een reservekopie (een nieuw bestand), ook terwijl de cockpit openstaat
    Backup {
        #[arg(value_name = "PAD")]
        path: std::path::PathBuf,
    },
    /// Controleer het bestand en de regels van inbeeld
    Check(JsonFlag),
    /// Toon waar de instellingen staan en wat er geldt
    Settings,
    /// Schrijf de aanvulling voor een shell naar standaarduitvoer:
    /// `source <(inbeeld completions bash)`, of in het profiel van PowerShell
    /// `inbeeld completions powershell | Out-String | Invoke-Expression`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Schrijf de handleiding-pagina (man, roff) naar standaarduitvoer:
    /// `inbeeld man > inbeeld.1; man -l inbeeld.1`
    Man,
    /// Zet een reservekopie terug; de huidige database wordt eerst bewaard
    Restore {
        #[arg(value_name = "PAD")]
        path: std::path::PathBuf,
    },
    /// Schrijf een overdrachtsbundel (JSON) van klanten, met alles over hen
    Export {
        /// Alleen deze klant(en); zonder: de hele caseload
        #[arg(long = "client", value_name = "ID")]
        clients: Vec<i64>,
        /// Naar dit bestand (standaard: de uitvoer)
        #[arg(long, value_name = "PAD")]
        out: Option<std::path::PathBuf>,
        /// Schrijf de klanten na het wegschrijven uit als 'overgedragen'; hun open
        /// werk vervalt met die reden
        #[arg(long)]
        end: bool,
        /// Onversleuteld (gewone JSON). Zonder deze optie wordt de bundel versleuteld
        /// met een wachtwoordzin: gevraagd in de terminal, of uit INBEELD_PASSPHRASE
        #[arg(long)]
        plain: bool,
    },
    /// Lees een overdrachtsbundel in, in één keer of helemaal niet (een versleutelde
    /// vraagt de wachtwoordzin, of leest INBEELD_PASSPHRASE)
    Import {
        #[arg(value_name = "PAD")]
        path: std::path::PathBuf,
    },
    /// Maak een nieuw, leeg databasebestand voor een eigen caseload
    Init {
        /// Het nieuwe bestand (standaard: --db, of de gegevensmap)
        #[arg(value_name = "PAD")]
        path: Option<std::path::PathBuf>,
    },
    /// Maak de laatste wijziging van vandaag ongedaan (zegt eerst welke)
    Undo {
        /// Zonder vragen: voor scripts
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CaseloadCommand {
    /// Lees een export in (.xlsx, .ods of .csv): toont eerst wat er gebeurt (nieuwe
    /// klanten, wijzigingen, activiteiten, geweigerde regels) en schrijft dan alles
    /// wat kan in één keer
    Import {
        #[arg(value_name = "BESTAND")]
        path: std::path::PathBuf,
        /// Het koppelprofiel (TOML): welke kolom wat bevat. Zonder profiel worden de
        /// gangbare kolomkoppen herkend
        #[arg(long = "profiel", value_name = "PROFIEL")]
        profile: Option<std::path::PathBuf>,
        /// Alleen tonen wat er zou gebeuren; er wordt niets geschreven
        #[arg(long = "proef")]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Maak een koppelprofiel uit de kolomkoppen van een bestand, om aan te vullen
    Profiel {
        #[arg(value_name = "BESTAND")]
        path: std::path::PathBuf,
        /// Naar dit bestand (standaard: de uitvoer)
        #[arg(long, value_name = "PAD")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AppointmentCommand {
    /// Plan een afspraak; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "DATUM")]
        date: String,
        /// Tijd (UU:MM)
        #[arg(long, value_name = "TIJD")]
        time: Option<String>,
        #[arg(long, value_name = "KANAAL")]
        channel: String,
        #[arg(long, value_name = "TEKST")]
        title: Option<String>,
        /// Duur in minuten (standaard die van de soort: 45)
        #[arg(long, value_name = "MINUTEN")]
        duration: Option<i64>,
        /// Waar, als het niet het bezoekadres van de gemeente is (een wijkcentrum,
        /// de werkgever): de uitnodiging noemt het
        #[arg(long, value_name = "PLAATS")]
        location: Option<String>,
    },
    /// Verplaats een afspraak naar een andere dag, tijd of kanaal
    Move {
        id: i64,
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
        /// Tijd (UU:MM of UU.MM; leeg: geen tijd)
        #[arg(long, value_name = "TIJD")]
        time: Option<String>,
        #[arg(long, value_name = "KANAAL")]
        channel: Option<String>,
    },
    /// Annuleer een afspraak, met een reden
    Cancel {
        id: i64,
        #[arg(long, value_name = "TEKST")]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Begin een (nieuwe versie van het) plan van aanpak; drukt het nummer af
    New {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// Startdatum (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        start: Option<String>,
    },
    /// Voeg een doel toe; drukt het nummer af
    Goal {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "TEKST")]
        text: String,
        /// Leefgebied (werk, financien, huisvesting, …)
        #[arg(long, value_name = "CODE")]
        domain: String,
        #[arg(long, value_name = "DATUM")]
        deadline: Option<String>,
    },
    /// Zet of verschuif de evaluatiedatum
    Evaluation {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "DATUM")]
        date: String,
    },
    /// Leg de uitkomst van een doel vast: behaald, bijgesteld (--to) of vervallen (--note)
    Outcome {
        goal: i64,
        #[arg(long, value_name = "CODE")]
        outcome: String,
        #[arg(long, value_name = "DATUM")]
        to: Option<String>,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
    },
    /// Het plan van aanpak van een klant, met eerdere versies
    Show {
        client: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SituationCommand {
    /// Leg vast hoe het gaat op een leefgebied; drukt het nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "CODE")]
        domain: String,
        /// 1 (grote zorgen) tot en met 5 (op orde)
        #[arg(long)]
        score: i64,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
        /// Datum (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum LadderCommand {
    /// Leg de trede op de participatieladder vast; drukt het nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long)]
        step: i64,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
        /// Datum (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CalendarCommand {
    /// De feestdagen en gelijkgestelde dagen van een jaar
    Holidays {
        #[arg(long, value_name = "JAAR")]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Leg een dag vast die een nieuw Koninklijk Besluit gelijkstelt met een feestdag
    Add {
        #[arg(long, value_name = "DATUM")]
        date: String,
        #[arg(long, value_name = "TEKST")]
        name: String,
        /// Het besluit, zoals gepubliceerd in de Staatscourant
        #[arg(long, value_name = "TEKST")]
        source: String,
        /// Het besluit noemt alle gelijkgestelde dagen van dat jaar: het jaar is
        /// daarmee bekend
        #[arg(long)]
        complete: bool,
    },
    /// Leg vast dat alle gelijkgestelde dagen van een jaar bekend zijn (ook als het
    /// er geen zijn): termijnen in dat jaar waarschuwen dan niet meer
    Year {
        #[arg(long, value_name = "JAAR")]
        year: i32,
        /// Het besluit, of waar staat dat er geen is
        #[arg(long, value_name = "TEKST")]
        source: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TermCommand {
    /// Het einde van een termijn, met elke verlenging en waarom (naar de regel van die dag)
    End {
        /// De termijnregel (beslistermijn, voorschot, bezwaartermijn, …)
        #[arg(long, value_name = "CODE")]
        rule: String,
        /// De dag waarna de termijn loopt
        #[arg(long, value_name = "DATUM")]
        from: String,
        #[arg(long)]
        json: bool,
    },
    /// Een wetswijziging: een nieuwe versie van een termijnregel voor zaken die vanaf
    /// een datum beginnen (lopende zaken houden hun regel)
    Version {
        #[arg(long, value_name = "CODE")]
        rule: String,
        /// Geldt voor zaken vanaf deze dag (na vandaag)
        #[arg(long, value_name = "DATUM")]
        from: String,
        /// De nieuwe lengte in dagen
        #[arg(long, value_name = "DAGEN", allow_hyphen_values = true)]
        days: i64,
        /// Het artikel (standaard dat van de regel)
        #[arg(long, value_name = "TEKST")]
        article: Option<String>,
        /// De wet of het besluit dat de termijn wijzigt
        #[arg(long, value_name = "TEKST")]
        source: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AanvraagCommand {
    /// Registreer een aanvraag; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// Datum van ontvangst (jonger dan 27: de datum van de melding)
        #[arg(long, value_name = "DATUM")]
        received: String,
        /// Jonger dan 27, voor een klant zonder geboortedatum: eerst vier weken
        /// zoektermijn (met een geboortedatum volgt dit daaruit)
        #[arg(long)]
        under_27: bool,
    },
    /// Leg vast dat de aanvraag na de zoektermijn is ontvangen (eerder alleen met --waive)
    Received {
        id: i64,
        /// Datum van ontvangst (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        on: Option<String>,
        /// Zie af van de zoektermijn (Pw art. 41 lid 4), voor een jongere van wie
        /// niet kan worden verwacht eerst vier weken te zoeken: de reden
        #[arg(long, value_name = "REDEN")]
        waive: Option<String>,
    },
    /// Verdaag de beslistermijn (Awb 4:14 lid 3), binnen de acht weken
    Adjourn {
        id: i64,
        /// De nieuwe einddatum
        #[arg(long, value_name = "DATUM")]
        to: String,
        /// De reden, zoals aan de aanvrager meegedeeld
        #[arg(long, value_name = "TEKST")]
        reason: String,
    },
    /// Een aanvraag met haar termijnen
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Geef een hersteltermijn; drukt het nummer van de activiteit af
    Herstel {
        id: i64,
        /// Wat er ontbreekt
        #[arg(long, value_name = "TEKST")]
        missing: String,
        /// Gegeven op (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        given: Option<String>,
        /// Einddatum (standaard twee weken, op een werkdag)
        #[arg(long, value_name = "DATUM")]
        end: Option<String>,
    },
    /// Leg het besluit vast; drukt het einde van de bezwaartermijn af
    Decide {
        id: i64,
        /// toegekend, afgewezen, buiten_behandeling of ingetrokken
        #[arg(long, value_name = "CODE")]
        decision: String,
        /// Datum van bekendmaking
        #[arg(long, value_name = "DATUM")]
        made_known: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ItemCommand {
    /// Maak een vervolgactie aan; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "TEKST")]
        title: String,
        #[arg(long, value_name = "DATUM")]
        due: String,
    },
    /// Eén werkitem, met de afhandelingen die het toestaat
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Handel een werkitem af met een afhandeling
    Close {
        id: i64,
        #[arg(long, value_name = "CODE")]
        outcome: String,
        /// Toelichting; verplicht bij een afhandeling die een reden vraagt
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
        /// Nieuwe datum: bij 'verlengd' en 'bijgesteld' de nieuwe einddatum, bij
        /// 'no_show' de nieuwe afspraak (of met --follow-up de vervolgactie), bij
        /// 'niet_bereikt' de volgende poging (standaard over het aantal werkdagen
        /// dat de categorie zegt)
        #[arg(long, value_name = "DATUM")]
        to: Option<String>,
        /// Bij 'no_show': een vervolgactie met deze tekst in plaats van een nieuwe afspraak
        #[arg(long, value_name = "TEKST")]
        follow_up: Option<String>,
        /// Bij 'gesproken': het kanaal van het gesprek (standaard het voorkeurskanaal,
        /// bij een afspraak haar kanaal); bij 'no_show': dat van de nieuwe afspraak
        #[arg(long, value_name = "KANAAL")]
        channel: Option<String>,
        /// Bij 'no_show': de tijd van de nieuwe afspraak (standaard die van de gemiste)
        #[arg(long, value_name = "UU:MM")]
        time: Option<String>,
        #[command(flatten)]
        besluit: BesluitArgs,
    },
    /// Stel een werkitem uit naar een nieuwe datum, met een reden
    Postpone {
        id: i64,
        #[arg(long, value_name = "DATUM")]
        to: String,
        #[arg(long, value_name = "TEKST")]
        reason: String,
    },
    /// Heropen een afgehandeld werkitem (een correctie), met een reden
    Reopen {
        id: i64,
        #[arg(long, value_name = "TEKST")]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct CatalogArgs {
    #[arg(long)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<CatalogCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Wijzig het contactritme van een categorie
    Rhythm {
        #[arg(long, value_name = "CODE")]
        category: String,
        #[arg(long)]
        days: i64,
    },
}

#[derive(Debug, Args)]
pub struct WorklistArgs {
    /// Kijk vooruit: de werkvoorraad zoals die op deze datum (JJJJ-MM-DD) staat als er
    /// tot dan niets gebeurt; er wordt niets bewaard
    #[arg(long, value_name = "DATUM")]
    pub as_of: Option<String>,
    /// Uitvoer als JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct LetterArgs {
    #[command(subcommand)]
    pub command: Option<LetterCommand>,
    /// uitnodiging (afspraak), hersteltermijn, herinnering (afspraak of hersteltermijn),
    /// informatieverzoek of voornemen (bij de zienswijze van een maatregel)
    #[arg(long, value_name = "SOORT", required = true,
          value_parser = ["uitnodiging", "hersteltermijn", "herinnering", "informatieverzoek", "voornemen"])]
    pub kind: Option<String>,
    /// De activiteit waar de brief over gaat (afspraak, hersteltermijn, informatieverzoek of
    /// zienswijze)
    #[arg(long, value_name = "ID", required = true)]
    pub activity: Option<i64>,
    /// Schrijf de PDF hierheen (standaard de map 'brieven' naast de database)
    #[arg(long, value_name = "BESTAND")]
    pub out: Option<std::path::PathBuf>,
    /// Leg meteen vast dat de brief vandaag is verstuurd (een contactmoment per brief)
    #[arg(long)]
    pub sent: bool,
    /// Uitvoer als JSON: id, bestand, aantal pagina's
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Maak het schema op de server of werk het bij (kan vaker: doet alleen wat nog niet
    /// gedaan is)
    Init {
        /// De server, als libpq hem schrijft: postgresql://beheer@db.gemeente.nl/inbeeld
        /// of host=… dbname=… user=…; een wachtwoord uit PGPASSWORD of ~/.pgpass
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
    },
    /// Teamleden: toevoegen (maakt hun PostgreSQL-rol) en tonen
    #[command(subcommand)]
    Member(MemberCommand),
    /// Koppel dit bestand aan een teamlid; bij de eerste sync worden de klanten van dit
    /// bestand de klanten van dat teamlid
    Join {
        /// De server als dit teamlid: postgresql://sanne@db.gemeente.nl/inbeeld
        #[arg(long, value_name = "URL")]
        url: String,
        #[arg(long = "as", value_name = "NAAM")]
        member: String,
    },
    /// Laat het teamlid van dit bestand los, op de server en hier: een ander bestand
    /// (een nieuwe laptop) kan dan als dat teamlid koppelen en neemt de klanten over
    Leave,
    /// Geef een klant aan een ander teamlid (teamleider)
    Assign {
        /// De klant: zijn uuid (client show --json) of BSN
        #[arg(long, value_name = "UUID|BSN")]
        client: String,
        #[arg(long, value_name = "NAAM")]
        to: String,
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
    },
    /// Een vervanging: NAAM werkt van DATUM tot DATUM aan de klanten van een ander
    /// (teamleider)
    StandIn {
        #[arg(long = "for", value_name = "NAAM")]
        for_member: String,
        #[arg(long = "by", value_name = "NAAM")]
        by_member: String,
        #[arg(long, value_name = "DATUM")]
        from: String,
        #[arg(long, value_name = "DATUM")]
        to: String,
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
    },
    /// Alle klanten van het team in een nieuw bestand, om te lezen (teamleider)
    Snapshot {
        #[arg(long, value_name = "BESTAND")]
        out: std::path::PathBuf,
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
    },
    /// Teamlid, klanten, wijzigingen die nog niet verstuurd zijn, laatste sync
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Het team per klantmanager (voor de weekstart, op een momentopname): klanten,
    /// open werk, te laat, in beeld, deze week afgehandeld
    View {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    /// Voeg een klantmanager (of met --teamleider een teamleider) toe
    Add {
        /// Ook de naam van de rol op de server: kleine letters, cijfers en _
        name: String,
        #[arg(long)]
        teamleider: bool,
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
    },
    /// De teamleden met hun aantal klanten
    List {
        #[arg(long, value_name = "URL", env = "INBEELD_TEAM_URL")]
        url: String,
        #[arg(long)]
        json: bool,
    },
}

/// Where a document goes and how it is reported.
#[derive(Debug, Args)]
pub struct DocumentOut {
    /// Schrijf de PDF hierheen (standaard de map 'brieven' naast de database)
    #[arg(long, value_name = "BESTAND")]
    pub out: Option<std::path::PathBuf>,
    /// Uitvoer als JSON: id, soort, bestand, kenmerk, aantal pagina's
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Het plan van aanpak (art. 44a Pw) van de huidige versie, om te tekenen
    Plan {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[command(flatten)]
        out: DocumentOut,
    },
    /// Het besluit op een aanvraag: buiten_behandeling (Awb 4:5, uit de eigen data) of
    /// besluit (de tekst van de gemeente); leg het besluit eerst vast
    Besluit {
        #[arg(long, value_name = "ID")]
        aanvraag: i64,
        #[arg(long, value_name = "SOORT", default_value = "buiten_behandeling",
              value_parser = ["buiten_behandeling", "besluit"])]
        kind: String,
        /// De motivering in eigen woorden (bij soort besluit)
        #[arg(long, value_name = "TEKST")]
        text: Option<String>,
        #[command(flatten)]
        out: DocumentOut,
    },
    /// Het dossier van een klant over een periode, als PDF en als platte tekst
    /// (naast de PDF)
    Rapportage {
        #[arg(long, value_name = "ID")]
        client: i64,
        /// Eerste dag (JJJJ-MM-DD of -3m); standaard drie maanden terug
        #[arg(long, value_name = "DATUM", allow_hyphen_values = true)]
        from: Option<String>,
        /// Laatste dag (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        to: Option<String>,
        #[command(flatten)]
        out: DocumentOut,
    },
}

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// De gemaakte brieven, nieuwste eerst
    List {
        /// Alleen de brieven van deze klant
        #[arg(long, value_name = "ID")]
        client: Option<i64>,
        /// Alleen de brieven met dit kenmerk (of het begin ervan), zoals een klant het
        /// noemt
        #[arg(long, value_name = "KENMERK")]
        kenmerk: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Leg vast dat een brief is verstuurd: een contactmoment met kanaal brief
    Sent {
        id: i64,
        /// Verstuurd op (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        on: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Eerste dag (JJJJ-MM-DD); zonder --to loopt de periode tot vandaag
    #[arg(long, value_name = "DATUM")]
    pub from: Option<String>,
    /// Laatste dag (JJJJ-MM-DD)
    #[arg(long, value_name = "DATUM")]
    pub to: Option<String>,
    /// De week, maand, het kwartaal of jaar van --to (of van vandaag)
    #[arg(long, value_name = "SPAN", value_parser = ["week", "month", "quarter", "year"],
          conflicts_with = "from")]
    pub period: Option<String>,
    /// Uitvoer als JSON
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Uitvoer als CSV: from, to, figure, key, value
    #[arg(long)]
    pub csv: bool,
    /// Scheidingsteken van de CSV: ',' of ';' (';' schrijft ook decimalen met een komma,
    /// voor Nederlandse Excel)
    #[arg(long, value_name = "TEKEN", default_value = ",", requires = "csv",
          value_parser = [",", ";"])]
    pub separator: String,
    /// Begin de CSV met een BOM, zodat Excel hem als UTF-8 leest
    #[arg(long, requires = "csv")]
    pub bom: bool,
    /// Alleen aantallen, geen namen: voor de teamleider
    #[arg(long)]
    pub aggregate: bool,
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Uitvoer als JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Aantal klanten
    #[arg(long, default_value_t = 60)]
    pub clients: u32,
    /// Jaren geschiedenis per klant
    #[arg(long, default_value_t = 1)]
    pub years: u32,
    /// Startgetal: dezelfde waarde geeft dezelfde caseload
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// Alleen het bestand vullen, de cockpit niet openen
    #[arg(long)]
    pub no_open: bool,
}

#[derive(Debug, Subcommand)]
pub enum ClientCommand {
    /// Registreer een klant; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "TEKST")]
        name: String,
        #[arg(long)]
        bsn: Option<String>,
        #[arg(long, value_name = "DATUM")]
        birth_date: Option<String>,
        /// Categorie (afstand tot de arbeidsmarkt)
        #[arg(long, value_name = "CODE", default_value = "job_ready")]
        category: String,
        #[arg(long, value_name = "TEKST")]
        phone: Option<String>,
        #[arg(long, value_name = "TEKST")]
        email: Option<String>,
        /// Voorkeurskanaal voor contact
        #[arg(long, value_name = "KANAAL")]
        contact_preference: Option<String>,
        /// Postadres op één regel: "Dorpsstraat 12 a, 8011 AB Zwolle"
        #[arg(long, value_name = "TEKST")]
        address: Option<String>,
    },
    /// De caseload
    List {
        /// Uitgestroomde klanten in plaats van de caseload
        #[arg(long)]
        ended: bool,
        #[arg(long)]
        json: bool,
    },
    /// Het dossier van één klant
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Wijzig de gegevens van een klant (een lege tekst wist een veld)
    Edit {
        id: i64,
        #[arg(long, value_name = "TEKST")]
        name: Option<String>,
        #[arg(long, value_name = "TEKST")]
        phone: Option<String>,
        #[arg(long, value_name = "TEKST")]
        email: Option<String>,
        #[arg(long, value_name = "KANAAL")]
        contact_preference: Option<String>,
        #[arg(long, value_name = "DATUM")]
        birth_date: Option<String>,
        #[arg(long)]
        bsn: Option<String>,
        /// Postadres op één regel: "Dorpsstraat 12 a, 8011 AB Zwolle"
        #[arg(long, value_name = "TEKST")]
        address: Option<String>,
    },
    /// Het risicoprofiel (handhavingsplan): om de hoeveel maanden het heronderzoek
    /// komt; plant het eerste, of verschuift het lopende vanaf zijn begin
    RiskProfile {
        id: i64,
        /// laag, gemiddeld, verhoogd of hoog (zie 'inbeeld catalog')
        profile: String,
    },
    /// Doorstroom: een andere categorie, vanaf een datum, met een reden
    Category {
        id: i64,
        #[arg(long, value_name = "CODE")]
        to: String,
        #[arg(long, value_name = "TEKST")]
        reason: String,
        /// Vanaf (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
    },
    /// Uitstroom: de klant verlaat de caseload
    End {
        id: i64,
        /// werk, opleiding, verhuisd, andere_uitkering, partner, detentie,
        /// overleden, overgedragen of overig
        #[arg(long, value_name = "CODE")]
        reason: String,
        /// Datum van uitstroom (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
        /// Sluit open activiteiten en werkitems af met 'Vervallen door uitstroom',
        /// met de uitstroom als reden
        #[arg(long)]
        settle: bool,
    },
    /// Heraanmelding: een uitgestroomde klant komt terug, met de geschiedenis
    Reopen { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    /// Leg een activiteit vast; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long = "type", value_name = "CODE")]
        type_code: String,
        #[arg(long, value_name = "DATUM")]
        start: String,
        #[arg(long, value_name = "DATUM")]
        end: String,
        #[arg(long, value_name = "TEKST")]
        title: Option<String>,
        /// Bij een hersteltermijn: de aanvraag waar hij bij hoort (nodig als de klant
        /// er meer dan één open heeft)
        #[arg(long, value_name = "ID")]
        aanvraag: Option<i64>,
    },
    /// Activiteiten, van één klant of van de hele caseload
    List {
        #[arg(long, value_name = "ID")]
        client: Option<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Sluit een activiteit af met een afhandeling
    Close {
        id: i64,
        #[arg(long, value_name = "CODE")]
        outcome: String,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
        #[command(flatten)]
        besluit: BesluitArgs,
    },
    /// Verplaats de einddatum (een nieuwe cyclus)
    Extend {
        id: i64,
        #[arg(long, value_name = "DATUM")]
        to: String,
    },
    /// Een hersteltermijn zonder aanvraag gaat verder als informatieverzoek (art. 17 Pw)
    Informatieverzoek { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Registreer een contactmoment; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "KANAAL")]
        channel: String,
        /// Datum van het contact (standaard vandaag)
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
    },
    /// Corrigeer een contactmoment; het origineel blijft in de geschiedenis
    Correct {
        id: i64,
        #[arg(long, value_name = "DATUM")]
        date: Option<String>,
        #[arg(long, value_name = "KANAAL")]
        channel: Option<String>,
        #[arg(long, value_name = "TEKST")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Schrijf een notitie in het dossier; drukt het nieuwe nummer af
    Add {
        #[arg(long, value_name = "ID")]
        client: i64,
        #[arg(long, value_name = "TEKST")]
        text: String,
    },
    /// Corrigeer een notitie; het origineel blijft in de geschiedenis
    Correct {
        id: i64,
        #[arg(long, value_name = "TEKST")]
        text: String,
    },
}

/// The besluit that `besloten` and `bekendgemaakt` record.
#[derive(Debug, Args)]
pub struct BesluitArgs {
    /// Bij 'besloten' en 'bekendgemaakt': toegekend, afgewezen, buiten_behandeling
    /// of ingetrokken
    #[arg(long, value_name = "CODE")]
    pub decision: Option<String>,
    /// Bij 'besloten' en 'bekendgemaakt': de dag van bekendmaking
    #[arg(long, value_name = "DATUM")]
    pub made_known: Option<String>,
    /// Bij 'ontvangen' (hersteltermijn): de dag waarop de stukken binnenkwamen
    /// (standaard vandaag); de beslistermijn loopt vanaf die dag weer. Bij
    /// 'om_antwoord': de dag waarop het antwoord van het OM kwam; de boete loopt
    /// vanaf die dag verder
    #[arg(long, value_name = "DATUM")]
    pub received: Option<String>,
    /// Bij 'maatregel_opgelegd': de verlaging in procent van de norm (1–100)
    #[arg(long, value_name = "PROCENT")]
    pub percent: Option<u32>,
    /// Bij 'maatregel_opgelegd': hoeveel maanden de verlaging duurt (1–12)
    #[arg(long, value_name = "MAANDEN")]
    pub months: Option<u32>,
}
