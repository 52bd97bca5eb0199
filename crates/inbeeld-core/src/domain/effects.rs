//! What an edit does, as data. The rules in `domain` return a list of effects; the
//! store turns each into its rows and one audit row; the workflow returns them so
//! the cockpit and the command line can say what happened.

use chrono::NaiveDate;
use serde::Serialize;

/// What handling an item with an outcome sets in motion: catalogue data (the
/// `effect` column of `kind_outcomes`), so that a municipality's own outcome gets
/// the behaviour of the effect it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeEffect {
    /// The activity is finished with this outcome.
    Finish,
    /// The activity gets a new cycle with a new end date.
    NewCycle,
    /// A conversation took place: a contact is recorded and the activity finished.
    Contact,
    /// The client was reached by telephone: a telephone contact is recorded.
    Called,
    /// The client did not come: a no-show is recorded and a new afspraak (or a
    /// vervolgactie) follows.
    NoShow,
    /// The missing information arrived: the suspension of the beslistermijn ends.
    Received,
    /// The hersteltermijn ran out unused: the buitenbehandeling term starts.
    NotReceived,
    /// The besluit on the aanvraag is recorded, with its day of bekendmaking.
    Decision,
    /// A repeating term comes back (the voorschot, every four weeks).
    Repeat,
    /// The client was not reached: the next attempt is planned, so that a client out
    /// of view is never without an open item.
    NotReached,
    /// The client left the caseload (uitstroom, handover): what each kind's open
    /// items are closed with. Never chosen by hand.
    ClientEnded,
    /// A reminder whose afspraak came, moved or was settled: it lapses. Never
    /// chosen by hand.
    Lapsed,
    /// A term or hersteltermijn the besluit on its aanvraag ended. Never chosen by
    /// hand.
    Settled,
    /// The term waits while another decides (a boete while the Openbaar Ministerie
    /// weighs prosecution, Awb 5:51 lid 3): the activity is finished and the wait,
    /// its `next`, follows it, so that the waiting too has a date.
    Suspend,
    /// The wait is over: the term it followed comes back, its end later by the days
    /// it waited.
    Resume,
}

impl OutcomeEffect {
    pub const ALL: [OutcomeEffect; 15] = [
        OutcomeEffect::Finish,
        OutcomeEffect::NewCycle,
        OutcomeEffect::Contact,
        OutcomeEffect::Called,
        OutcomeEffect::NoShow,
        OutcomeEffect::Received,
        OutcomeEffect::NotReceived,
        OutcomeEffect::Decision,
        OutcomeEffect::Repeat,
        OutcomeEffect::NotReached,
        OutcomeEffect::ClientEnded,
        OutcomeEffect::Lapsed,
        OutcomeEffect::Settled,
        OutcomeEffect::Suspend,
        OutcomeEffect::Resume,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeEffect::Finish => "finish",
            OutcomeEffect::NewCycle => "new_cycle",
            OutcomeEffect::Contact => "contact",
            OutcomeEffect::Called => "called",
            OutcomeEffect::NoShow => "no_show",
            OutcomeEffect::Received => "received",
            OutcomeEffect::NotReceived => "not_received",
            OutcomeEffect::Decision => "decision",
            OutcomeEffect::Repeat => "repeat",
            OutcomeEffect::NotReached => "not_reached",
            OutcomeEffect::ClientEnded => "client_ended",
            OutcomeEffect::Lapsed => "lapsed",
            OutcomeEffect::Settled => "settled",
            OutcomeEffect::Suspend => "suspend",
            OutcomeEffect::Resume => "resume",
        }
    }

    /// Whether a klantmanager may choose an outcome with this effect; the others
    /// are the program's (uitstroom, a reminder that lapsed, what the besluit ended)
    /// and no handling.
    pub fn by_hand(self) -> bool {
        !matches!(
            self,
            OutcomeEffect::ClientEnded | OutcomeEffect::Lapsed | OutcomeEffect::Settled
        )
    }

    /// The effect a catalogue row names; `None` for a name no version wrote (the
    /// schema's CHECK keeps them out of a whole file).
    pub fn from_code(code: &str) -> Option<OutcomeEffect> {
        OutcomeEffect::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// The besluit on an aanvraag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Granted,
    Refused,
    NotHandled,
    Withdrawn,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Granted,
        Decision::Refused,
        Decision::NotHandled,
        Decision::Withdrawn,
    ];

    pub fn parse(code: &str) -> Result<Decision, super::InputError> {
        Decision::ALL
            .into_iter()
            .find(|d| d.code() == code)
            .ok_or_else(|| {
                let choices: Vec<String> =
                    Decision::ALL.iter().map(|d| d.code().to_owned()).collect();
                super::InputError::unknown_code("onbekend besluit", code, &choices)
            })
    }

    pub fn code(self) -> &'static str {
        match self {
            Decision::Granted => "toegekend",
            Decision::Refused => "afgewezen",
            Decision::NotHandled => "buiten_behandeling",
            Decision::Withdrawn => "ingetrokken",
        }
    }

    /// The besluit as the klantmanager reads it.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Granted => "Toegekend",
            Decision::Refused => "Afgewezen",
            Decision::NotHandled => "Buiten behandeling gesteld",
            Decision::Withdrawn => "Ingetrokken door de aanvrager",
        }
    }
}

/// One change an edit makes. Ids refer to stored rows; an effect that adds a row
/// says everything the row needs.
// A client's details (name parts, address) make two variants large; an edit holds a
// handful of effects, so the size is not worth a box at every use.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Effect {
    /// A work item leaves the werkvoorraad with an outcome.
    CloseItem {
        item: i64,
        outcome: String,
        note: Option<String>,
    },
    /// A work item moves to a later date, with a reason.
    Postpone {
        item: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: String,
    },
    /// An activity ends with an outcome.
    FinishActivity {
        activity: i64,
        outcome: String,
        note: Option<String>,
    },
    /// An activity goes on as another type (a hersteltermijn given without an aanvraag
    /// as the informatieverzoek it was): its open items become the new type's, with
    /// its title.
    Retype {
        activity: i64,
        from: String,
        to: String,
        item_title: String,
    },
    /// An activity's end date moves: a new cycle. A computed term also records the
    /// start of its new cycle and how the end was computed.
    NewCycle {
        activity: i64,
        from: NaiveDate,
        to: NaiveDate,
        term_from: Option<NaiveDate>,
        explanation: Option<String>,
    },
    /// A computed term's end moved (a suspension, a verdaging, a new feestdag): the
    /// open item of the cycle moves with it, to fall due on `due`.
    SetTermEnd {
        activity: i64,
        from: NaiveDate,
        to: NaiveDate,
        due: NaiveDate,
        explanation: String,
    },
    RecordContact {
        client: i64,
        channel: String,
        date: NaiveDate,
        note: Option<String>,
    },
    RecordNoShow {
        client: i64,
        channel: String,
        date: NaiveDate,
        note: Option<String>,
    },
    /// A klantmanager's own follow-up (vervolgactie).
    AddFollowUp {
        client: i64,
        title: String,
        due: NaiveDate,
    },
    /// The client's next "contact opnemen" item, after an attempt that did not
    /// reach them.
    AddRhythmItem {
        client: i64,
        title: String,
        due: NaiveDate,
    },
    /// The item an activity's end date raises: one per cycle (the activity and its
    /// end date name it, so a second sweep adds nothing).
    RaiseExpiry {
        activity: i64,
        client: i64,
        kind: String,
        title: String,
        due: NaiveDate,
        cycle_end: NaiveDate,
    },
    /// The "nabellen" item before the afspraak on `appointment`: one per afspraak day.
    RaiseReminder {
        activity: i64,
        client: i64,
        appointment: NaiveDate,
        title: String,
        due: NaiveDate,
    },
    /// A "contact opnemen" item for a client out of view: one per client and day.
    RaiseRhythmItem {
        client: i64,
        title: String,
        due: NaiveDate,
    },
    /// A new afspraak; `follows` is the missed one it replaces.
    AddAppointment {
        client: i64,
        date: NaiveDate,
        time: Option<String>,
        channel: String,
        title: String,
        follows: Option<i64>,
        /// Minutes, where not the catalogue's length for an afspraak.
        duration: Option<i64>,
        /// Where, when not the bezoekadres.
        location: Option<String>,
    },
    /// An activity with a start and an end date; a hersteltermijn may belong to an
    /// aanvraag; what a finished step plans `follows` it.
    AddActivity {
        client: i64,
        type_code: String,
        title: String,
        start: NaiveDate,
        end: NaiveDate,
        application: Option<i64>,
        follows: Option<i64>,
    },
    /// The beslistermijn of an aanvraag does not run on these days (Awb 4:15), on
    /// account of the hersteltermijn `activity` (`None`: the one this edit adds).
    Suspend {
        application: i64,
        activity: Option<i64>,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The running suspension of a hersteltermijn now ends on `to` (the day before
    /// the information arrived, or the hersteltermijn's new end).
    SetSuspensionEnd {
        application: i64,
        activity: i64,
        to: NaiveDate,
    },
    /// An earlier suspension period of a hersteltermijn (the one from `from`) ends
    /// on `to` after all: the information arrived before the hersteltermijn was
    /// given again (Awb 4:15 lid 1 onder a: up to the day it was supplied).
    ClipSuspension {
        application: i64,
        activity: i64,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Awb 4:14 lid 3: the beslistermijn is extended to `to`, with a reason.
    Adjourn {
        application: i64,
        on: NaiveDate,
        to: NaiveDate,
        reason: String,
    },
    /// The aanvraag is received (after the zoektermijn).
    ReceiveApplication { application: i64, on: NaiveDate },
    RecordDecision {
        application: i64,
        decision: Decision,
        made_known: NaiveDate,
        late: bool,
    },
    /// A computed term starts for an aanvraag.
    StartTerm {
        application: i64,
        client: i64,
        rule: String,
        type_code: String,
        title: String,
        from: NaiveDate,
        end: NaiveDate,
        explanation: String,
    },
    /// A goal's status: `loopt`, `bijgesteld`, `behaald` or `vervallen`.
    SetGoalStatus { goal: i64, status: String },
    /// The client's risk profile: the interval of the heronderzoek cycle.
    SetRiskProfile {
        client: i64,
        from: Option<String>,
        to: String,
    },
    /// The client's own details, as they were and as they are now.
    UpdateClient {
        client: i64,
        old: ClientDetails,
        new: ClientDetails,
    },
    /// Doorstroom: a dated change of category, with its reason.
    ChangeCategory {
        client: i64,
        from: String,
        to: String,
        on: NaiveDate,
        reason: String,
    },
    /// Uitstroom: the client leaves the caseload.
    EndClient {
        client: i64,
        on: NaiveDate,
        reason: String,
    },
    /// Uitstroom planned for a later day: the client stays until `on`.
    PlanEnd {
        client: i64,
        on: NaiveDate,
        reason: String,
        settle: bool,
    },
    /// A planned uitstroom dropped (by the klantmanager, or on its day when the rule
    /// refused it and a work item took its place).
    CancelPlannedEnd {
        client: i64,
        on: NaiveDate,
        reason: String,
    },
    /// Heraanmelding: an ended client comes back, history and all.
    ReopenClient {
        client: i64,
        ended_on: NaiveDate,
        reason: String,
    },
    /// An afspraak moves to another day, time or channel.
    MoveAppointment {
        activity: i64,
        from: NaiveDate,
        to: NaiveDate,
        time: Option<String>,
        channel: String,
    },
    /// A handled work item comes back into the werkvoorraad; its handling is kept.
    ReopenItem { item: i64, reason: String },
    /// The activity a reopened item finished comes back too.
    ReopenActivity { activity: i64 },
    /// A note's text corrected; the original stays beside it.
    CorrectNote { note: i64, from: String, to: String },
    /// A contact corrected; the original stays beside it.
    CorrectContact {
        contact: i64,
        old: ContactDetails,
        new: ContactDetails,
    },
    /// A client registered on `registered_on` (which starts the contact rhythm).
    AddClient {
        details: ClientDetails,
        category: String,
        registered_on: NaiveDate,
    },
    /// An aanvraag (or, under 27, a melding) as the rules set it up.
    AddApplication { application: NewApplication },
    /// A day declared equal to a feestdag (Atw art. 3 lid 3), by a besluit.
    DeclareHoliday {
        date: NaiveDate,
        name: String,
        source: String,
    },
    /// A rule changed by law from a day on, for the cases that start from then.
    AddRuleVersion {
        rule: String,
        valid_from: NaiveDate,
        length_days: i64,
        article: String,
        source: String,
    },
    /// Every gelijkgestelde dag of a year is known.
    DeclareYear { year: i32, source: String },
    /// A first plan van aanpak, starting on `start`.
    StartPlan { client: i64, start: NaiveDate },
    /// The evaluation date of the plan `plan`, which has none running: an activity
    /// of `type_code` ending on `end`.
    AddEvaluation {
        client: i64,
        plan: i64,
        type_code: String,
        title: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A goal on the client's current plan; its deadline is an activity that
    /// expires into "doel evalueren".
    AddGoal {
        client: i64,
        text: String,
        domain: String,
        deadline: NaiveDate,
    },
    /// A note in the dossier's journal.
    AddNote {
        client: i64,
        date: NaiveDate,
        text: String,
    },
    /// A score for a life domain, seen on `date`.
    AddSituation {
        client: i64,
        domain: String,
        score: i64,
        note: Option<String>,
        date: NaiveDate,
    },
    /// A step on the participatieladder, seen on `date`.
    AddLadderStep {
        client: i64,
        step: i64,
        note: Option<String>,
        date: NaiveDate,
    },
    /// A category's contact rhythm, from `from` to `to` days (a catalogue row).
    SetRhythm {
        category: String,
        from: i64,
        to: i64,
    },
    /// A letter or document made about `subject`, its PDF at `file`.
    RecordLetter {
        client: i64,
        subject: Subject,
        kind: String,
        file: String,
    },
    /// A letter sent on `on`: it points to the contact (channel `brief`) that the
    /// edit's `RecordContact` registered.
    MarkLetterSent { letter: i64, on: NaiveDate },
}

/// A client's details that the klantmanager edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientDetails {
    pub name: String,
    pub parts: super::name::NameParts,
    pub address: super::name::Address,
    /// The whole BSN (the audit log keeps it masked).
    pub bsn: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_preference: Option<String>,
}

/// What a contact moment records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactDetails {
    pub date: NaiveDate,
    pub channel: String,
    pub note: Option<String>,
}

/// A new aanvraag as the rules set it up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewApplication {
    pub client_id: i64,
    pub reported_on: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
    pub expected_on: Option<NaiveDate>,
    pub under_27: bool,
}

/// What a letter or document is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Activity(i64),
    /// A version of the plan van aanpak.
    Plan(i64),
    /// An aanvraag and its besluit.
    Application(i64),
    /// A period of the dossier, both days included.
    Period(NaiveDate, NaiveDate),
}

impl Subject {
    /// The subject in a kenmerk's hash and a file's name.
    pub fn key(self) -> String {
        match self {
            Subject::Activity(id) => format!("activity:{id}"),
            Subject::Plan(id) => format!("plan:{id}"),
            Subject::Application(id) => format!("application:{id}"),
            Subject::Period(from, to) => format!("period:{from}:{to}"),
        }
    }
}
