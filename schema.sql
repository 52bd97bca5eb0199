-- inbeeld: the whole schema of one caseload database.
--
-- Applied by the program to a new file; `PRAGMA user_version` records the schema
-- version and later versions upgrade it step by step. Dates are ISO `YYYY-MM-DD`
-- text, moments UTC ISO 8601 text. Catalogues are tables with seed rows, so a
-- municipality can adapt them without a rebuild. The rules that must never be broken
-- (an end date on every activity, one expiry work item per end date, an outcome on
-- every closed item, an append-only audit log) are enforced here, not only in code.

-- Who this file belongs to. `application` tells an inbeeld database from any other
-- SQLite file; `database_id` distinguishes copies in a handover.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE case_managers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
);

-- ---------------------------------------------------------------- catalogues

-- Distance to the labour market; the contact rhythm says how many days may pass
-- without a conversation before the client is "niet in beeld".
CREATE TABLE categories (
    code                TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name                TEXT NOT NULL,
    description         TEXT NOT NULL,
    sort_order          INTEGER NOT NULL,
    contact_rhythm_days INTEGER NOT NULL CHECK (contact_rhythm_days > 0),
    -- After "niet bereikt" the next attempt is suggested this many working days on.
    retry_days          INTEGER NOT NULL DEFAULT 2 CHECK (retry_days > 0)
);

-- Why a client left the caseload (uitstroom).
CREATE TABLE end_reasons (
    code       TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- `counts_as_contact`: whether a contact by this channel keeps the client in view
-- (a conversation does; a letter sent does not).
CREATE TABLE channels (
    code       TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    counts_as_contact INTEGER NOT NULL DEFAULT 1 CHECK (counts_as_contact IN (0, 1))
);

-- What a work item is about; decides its title and which outcomes may close it.
CREATE TABLE work_item_kinds (
    code    TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name    TEXT NOT NULL,
    -- Higher is more urgent; sorts items that are due on the same day.
    urgency INTEGER NOT NULL DEFAULT 0,
    -- Legal deadlines are marked in the cockpit and sorted first on their day.
    legal   INTEGER NOT NULL DEFAULT 0 CHECK (legal IN (0, 1))
);

-- How a work item or an activity was handled. `requires` names what the outcome
-- cannot go without: a new date (the activity gets a new cycle) or a reason.
CREATE TABLE outcomes (
    code     TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name     TEXT NOT NULL,
    requires TEXT NOT NULL DEFAULT 'none' CHECK (requires IN ('none', 'new_date', 'reason', 'sanction'))
);

-- Which outcomes may close an item of a kind, and what each then does (`effect`):
-- finish the activity, give it a new cycle, register a conversation (contact) or a
-- telephone call (called), register a no-show and plan anew, end the suspension of
-- the beslistermijn (received), open the buiten-behandeling term (not_received),
-- record the besluit (decision), start the next cycle of a repeating term
-- (repeat), or plan the next attempt to reach the client (not_reached). Two effects
-- are the program's, never chosen by hand and no handling in the Overzicht: the
-- outcome with `client_ended` is what an open item of the kind gets when its client
-- leaves the caseload (uitstroom, handover), the one with `lapsed` what a reminder
-- gets when its afspraak came, moved or was settled, the one with `settled` what an
-- item gets that another edit ended (a term or hersteltermijn the besluit on its
-- aanvraag ended; "contact opnemen" when a category change brought the client back
-- in view). A term that waits while another decides (`suspend`: a boete with the
-- Openbaar Ministerie) is finished and its wait follows it; the wait's `resume`
-- brings the term back, its end later by the days waited. A
-- municipality's own outcome gets the behaviour of the effect it names.
CREATE TABLE kind_outcomes (
    kind_code    TEXT NOT NULL REFERENCES work_item_kinds (code),
    outcome_code TEXT NOT NULL REFERENCES outcomes (code),
    effect       TEXT NOT NULL DEFAULT 'finish' CHECK (effect IN ('finish', 'new_cycle',
        'contact', 'called', 'no_show', 'received', 'not_received', 'decision', 'repeat',
        'not_reached', 'client_ended', 'lapsed', 'settled', 'suspend', 'resume')),
    -- What follows a finished activity, so that no process ends in nothing: an
    -- activity of `next_type` from the day it was handled, lasting `next_days` (NULL:
    -- as long as the cycle just finished; a heronderzoek comes back at its interval),
    -- titled `next_title` (NULL: the finished one's title).
    next_type    TEXT REFERENCES activity_types (code),
    next_days    INTEGER CHECK (next_days IS NULL OR next_days > 0),
    next_title   TEXT CHECK (next_title IS NULL OR length(trim(next_title)) > 0),
    CHECK (next_type IS NOT NULL OR (next_days IS NULL AND next_title IS NULL)),
    -- A term that waits has a wait with a date: no escape while the OM decides.
    CHECK (effect <> 'suspend' OR next_type IS NOT NULL),
    PRIMARY KEY (kind_code, outcome_code)
);

-- `default_days` suggests the end date from the start date; `expiry_kind` is the kind
-- of work item created when an activity of this type reaches its end date, due
-- `due_offset_days` after it.
CREATE TABLE activity_types (
    code            TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name            TEXT NOT NULL,
    default_days    INTEGER NOT NULL CHECK (default_days >= 0),
    expiry_kind     TEXT NOT NULL REFERENCES work_item_kinds (code),
    expiry_title    TEXT NOT NULL,
    due_offset_days INTEGER NOT NULL DEFAULT 0 CHECK (due_offset_days >= 0),
    -- Legal deadlines are signalled before they pass: the work item appears this
    -- many days before the end date (and is due on it).
    lead_days       INTEGER NOT NULL DEFAULT 0 CHECK (lead_days >= 0),
    -- An afspraak raises a "nabellen" item this many days before it (calling the
    -- client the day before raised attendance above 90% in one municipality).
    reminder_days   INTEGER CHECK (reminder_days IS NULL OR reminder_days > 0),
    sort_order      INTEGER NOT NULL,
    -- An afspraak of this type lasts this many minutes unless it says otherwise.
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0)
);

-- Few, fitting choices: the activity types offered for a client follow the category.
CREATE TABLE category_activity_types (
    category_code      TEXT NOT NULL REFERENCES categories (code),
    activity_type_code TEXT NOT NULL REFERENCES activity_types (code),
    PRIMARY KEY (category_code, activity_type_code)
);

-- The Algemene termijnenwet: days a Koninklijk Besluit declared equal to an algemeen
-- erkende feestdag (art. 3 lid 3). The feestdagen of art. 3 lid 1 and 2 are computed.
CREATE TABLE declared_holidays (
    date   TEXT PRIMARY KEY CHECK (date(date) IS date),
    name   TEXT NOT NULL CHECK (length(trim(name)) > 0),
    source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);

-- The years whose gelijkgestelde dagen are known (a besluit was published and
-- recorded); for other years a term end says it may still move.
CREATE TABLE declared_years (
    year   INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);

-- Legal terms, each naming its article. A term starts the day after its start date
-- and ends `length_days` later; where `atw` is set the Algemene termijnenwet moves
-- the end. A municipality can switch a rule off (`enabled`) or add its own.
CREATE TABLE term_rules (
    code          TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name          TEXT NOT NULL,
    article       TEXT NOT NULL,
    description   TEXT NOT NULL,
    length_days   INTEGER NOT NULL CHECK (length_days > 0),
    atw           INTEGER NOT NULL DEFAULT 1 CHECK (atw IN (0, 1)),
    enabled       INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    activity_type TEXT NOT NULL REFERENCES activity_types (code)
);

-- ---------------------------------------------------------------- caseload

CREATE TABLE clients (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
    -- Nine digits that pass the elfproef; checked by the program, shape checked here.
    bsn                TEXT UNIQUE CHECK (bsn IS NULL OR (length(bsn) = 9 AND bsn NOT GLOB '*[^0-9]*')),
    birth_date         TEXT CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
    category_code      TEXT NOT NULL REFERENCES categories (code),
    phone              TEXT,
    email              TEXT,
    contact_preference TEXT REFERENCES channels (code),
    case_manager_id    INTEGER NOT NULL REFERENCES case_managers (id),
    -- The program's "today" when the client was registered: the start of the contact
    -- rhythm for a client who has not been spoken to yet.
    registered_on      TEXT NOT NULL CHECK (date(registered_on) IS registered_on),
    -- The latest contact that took place (no-shows and letters excluded), kept by the triggers on
    -- `contacts`, so the contact rhythm needs no search per client.
    last_contact_on    TEXT CHECK (last_contact_on IS NULL OR date(last_contact_on) IS last_contact_on),
    created_at         TEXT NOT NULL,
    -- Uitstroom: the client left the caseload on this day, for this reason; a
    -- heraanmelding clears both (the audit log keeps the history).
    ended_on           TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
    end_reason         TEXT REFERENCES end_reasons (code),
    -- Uitstroom planned for a later day ("per 1 januari"): the client stays until
    -- then, and the sweep of that day ends them; with `ending_settles` their open
    -- work closes with it, as with `--settle`.
    ending_on          TEXT CHECK (ending_on IS NULL OR date(ending_on) IS ending_on),
    ending_reason      TEXT REFERENCES end_reasons (code),
    ending_settles     INTEGER NOT NULL DEFAULT 0 CHECK (ending_settles IN (0, 1)),
    -- The name in its parts (voornaam or voorletters, voorvoegsel, achternaam), beside
    -- the display name `name`: the caseload sorts on the achternaam without voorvoegsel.
    -- Unknown for a client registered by display name only.
    given_name         TEXT,
    name_prefix        TEXT,
    surname            TEXT,
    -- The postal address (a letter's window block), as the municipal system holds it.
    street             TEXT,
    house_number       TEXT,
    house_number_addition TEXT,
    postcode           TEXT CHECK (postcode IS NULL OR postcode GLOB '[1-9][0-9][0-9][0-9] [A-Z][A-Z]'),
    city               TEXT
);
CREATE INDEX clients_by_name ON clients (name);
-- Instroom: who was registered in a period.
CREATE INDEX clients_by_registration ON clients (registered_on);
-- The contact rhythm of every client in the caseload, read from the index rather
-- than the rows.
CREATE INDEX clients_rhythm ON clients (category_code, last_contact_on, registered_on)
    WHERE ended_on IS NULL;
-- The sweep's question: whose planned uitstroom day has come?
CREATE INDEX clients_ending ON clients (ending_on) WHERE ending_on IS NOT NULL;

-- Doorstroom: a dated change of category with its reason, kept as history.
CREATE TABLE category_changes (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    from_code  TEXT NOT NULL REFERENCES categories (code),
    to_code    TEXT NOT NULL REFERENCES categories (code),
    changed_on TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    -- Set when the edit that made the row was undone: nothing is deleted.
    undone_at  TEXT
);
CREATE INDEX category_changes_by_client ON category_changes (client_id, changed_on);
CREATE INDEX category_changes_by_day ON category_changes (changed_on);

-- Uitstroom as history: every time a client left the caseload (on which day, why),
-- and the day a heraanmelding took them back. `clients.ended_on` is only the
-- current state; the Overzicht counts from these rows.
CREATE TABLE client_ends (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    ended_on    TEXT NOT NULL CHECK (date(ended_on) IS ended_on),
    reason      TEXT NOT NULL REFERENCES end_reasons (code),
    returned_on TEXT CHECK (returned_on IS NULL OR date(returned_on) IS returned_on),
    created_at  TEXT NOT NULL,
    undone_at   TEXT,
    CHECK (returned_on IS NULL OR returned_on >= ended_on)
);
CREATE INDEX client_ends_by_client ON client_ends (client_id, ended_on);
CREATE INDEX client_ends_by_day ON client_ends (ended_on, reason) WHERE undone_at IS NULL;
CREATE INDEX client_ends_by_return ON client_ends (returned_on) WHERE undone_at IS NULL;

-- An aanvraag (application for bijstand): its beslistermijn and voorschot run from
-- `received_on`; for a person under 27 a zoektermijn runs from the melding first,
-- and the aanvraag is expected (`expected_on`) until it is received.
CREATE TABLE applications (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    reported_on TEXT CHECK (reported_on IS NULL OR date(reported_on) IS reported_on),
    received_on TEXT CHECK (received_on IS NULL OR date(received_on) IS received_on),
    expected_on TEXT CHECK (expected_on IS NULL OR date(expected_on) IS expected_on),
    under_27    INTEGER NOT NULL DEFAULT 0 CHECK (under_27 IN (0, 1)),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    decision    TEXT CHECK (decision IN ('toegekend', 'afgewezen', 'buiten_behandeling', 'ingetrokken')),
    -- The day the decision was made known (bekendmaking); the bezwaartermijn runs from it.
    decided_on  TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
    -- Made known after the beslistermijn had ended.
    decided_late INTEGER NOT NULL DEFAULT 0 CHECK (decided_late IN (0, 1)),
    -- A verdaging (Awb 4:14 lid 3): on which day, to which date, and why.
    adjourned_on TEXT CHECK (adjourned_on IS NULL OR date(adjourned_on) IS adjourned_on),
    adjourned_to TEXT CHECK (adjourned_to IS NULL OR date(adjourned_to) IS adjourned_to),
    adjournment_reason TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((status = 'decided') = (decision IS NOT NULL AND decided_on IS NOT NULL)),
    CHECK (received_on IS NOT NULL OR reported_on IS NOT NULL),
    CHECK ((adjourned_on IS NULL) = (adjourned_to IS NULL))
);
CREATE INDEX applications_by_client ON applications (client_id);
CREATE INDEX applications_by_received ON applications (received_on);
CREATE INDEX applications_by_decided ON applications (decided_on, decision, decided_late)
    WHERE decided_on IS NOT NULL;

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    type_code   TEXT NOT NULL REFERENCES activity_types (code),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    start_date  TEXT NOT NULL CHECK (date(start_date) IS start_date),
    end_date    TEXT NOT NULL CHECK (date(end_date) IS end_date),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome_code TEXT REFERENCES outcomes (code),
    outcome_note TEXT,
    closed_on   TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    -- A legal term of an aanvraag: which aanvraag, which rule, and how its end date
    -- was computed (shown in the dossier).
    application_id INTEGER REFERENCES applications (id),
    term_rule   TEXT REFERENCES term_rules (code),
    term_note   TEXT,
    -- The day after which the current cycle of a computed term runs (the voorschot
    -- comes back every four weeks).
    term_from   TEXT CHECK (term_from IS NULL OR date(term_from) IS term_from),
    -- The activity this one follows: the missed afspraak a new one replaces, the
    -- step a next step was planned by, the term a wait holds.
    follows_activity_id INTEGER REFERENCES activities (id),
    -- The end date for which the sweep made this activity's work item: an activity
    -- whose end date moved on is pending again. A shortcut only; the unique key on
    -- work_items is what guarantees one item per cycle.
    expired_end_date TEXT,
    -- An afspraak: its time (HH:MM) and channel.
    appointment_time TEXT CHECK (appointment_time IS NULL OR
        (length(appointment_time) = 5 AND time(appointment_time || ':00') IS appointment_time || ':00')),
    channel_code TEXT REFERENCES channels (code),
    created_at  TEXT NOT NULL,
    -- An afspraak moved: the day it was last moved. A reminder that was due before
    -- that day would be late at birth and is not made.
    planned_on  TEXT CHECK (planned_on IS NULL OR date(planned_on) IS planned_on),
    -- An afspraak's length in minutes (the agenda's end time).
    duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    CHECK (end_date >= start_date),
    -- Closed only with an outcome; never an outcome while open.
    CHECK ((status = 'closed') = (outcome_code IS NOT NULL AND closed_on IS NOT NULL))
);
CREATE INDEX activities_by_client ON activities (client_id, end_date);
CREATE INDEX activities_by_application ON activities (application_id) WHERE application_id IS NOT NULL;
-- The activity a follow-up follows, and (below) the items of an activity, open or
-- closed: the foreign keys' own lookups, when a copy of a client makes way for a
-- newer one (`Store::forget_copies`), read these instead of the whole table.
CREATE INDEX activities_by_follows ON activities (follows_activity_id)
    WHERE follows_activity_id IS NOT NULL;
-- The sweep's question: which open activities, not yet expired for their current end
-- date, have reached it? Only pending activities are in this index; the type is in
-- it so that the lead days are checked without reading the row.
CREATE INDEX activities_pending ON activities (end_date, type_code)
    WHERE status = 'open' AND expired_end_date IS NOT end_date;
-- Open activities by type: the legal terms within their lead days, and the
-- appointments within their reminder days.
CREATE INDEX activities_open_by_type ON activities (type_code, end_date, status) WHERE status = 'open';
-- The caseload's question: a client's nearest open end date.
-- (`status` is in these partial indexes so that they cover the query: SQLite checks
-- the condition again and would otherwise read the row for it.)
CREATE INDEX activities_open_by_client ON activities (client_id, status, end_date) WHERE status = 'open';
-- The Overzicht: afspraken held and hersteltermijnen given in a period.
CREATE INDEX activities_by_type_start ON activities (type_code, start_date, outcome_code);

CREATE TABLE work_items (
    id                 INTEGER PRIMARY KEY,
    client_id          INTEGER NOT NULL REFERENCES clients (id),
    kind_code          TEXT NOT NULL REFERENCES work_item_kinds (code),
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    due_date           TEXT NOT NULL CHECK (date(due_date) IS due_date),
    -- Where the item came from: an expired activity, the reminder before an
    -- appointment (nabellen), a lapsed contact rhythm, or a klantmanager's own
    -- follow-up (vervolgactie).
    source             TEXT NOT NULL CHECK (source IN ('activity', 'nabellen', 'rhythm', 'manual')),
    source_activity_id INTEGER REFERENCES activities (id),
    -- The end date of the activity cycle this item belongs to.
    source_end_date    TEXT CHECK (source_end_date IS NULL OR date(source_end_date) IS source_end_date),
    status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome_code       TEXT REFERENCES outcomes (code),
    outcome_note       TEXT,
    closed_at          TEXT,
    created_at         TEXT NOT NULL,
    -- The day the item was handled on (the program's today, as the due date is one):
    -- on time or late is a comparison of two days, not of a moment in UTC.
    closed_on          TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on),
    CHECK ((status = 'closed') = (outcome_code IS NOT NULL AND closed_at IS NOT NULL)),
    CHECK ((source IN ('activity', 'nabellen')) = (source_activity_id IS NOT NULL AND source_end_date IS NOT NULL))
);
-- Exactly one work item per activity cycle (and one reminder before it): a repeated,
-- crashed or concurrent sweep cannot create a second one.
CREATE UNIQUE INDEX work_items_one_per_cycle ON work_items (source_activity_id, source_end_date)
    WHERE source = 'activity';
CREATE UNIQUE INDEX work_items_one_reminder ON work_items (source_activity_id, source_end_date)
    WHERE source = 'nabellen';
-- The open items of one activity, for every edit of it.
CREATE INDEX work_items_open_by_activity ON work_items (source_activity_id)
    WHERE status = 'open' AND source_activity_id IS NOT NULL;
CREATE INDEX work_items_by_activity ON work_items (source_activity_id)
    WHERE source_activity_id IS NOT NULL;
-- Open reminders by the day of their afspraak: the sweep lets them lapse on it.
CREATE INDEX work_items_open_reminders ON work_items (source_end_date)
    WHERE source = 'nabellen' AND status = 'open';
-- One contact-rhythm item per client per overdue period.
CREATE UNIQUE INDEX work_items_one_per_rhythm ON work_items (client_id, due_date)
    WHERE source = 'rhythm';
-- The werkvoorraad from this index alone: a few open items among many handled ones
-- would otherwise cost a page read each.
CREATE INDEX work_items_open_by_due ON work_items
    (due_date, status, client_id, kind_code, source, source_activity_id, title) WHERE status = 'open';
CREATE INDEX work_items_by_client ON work_items (client_id, status);
-- Does a client have an open contact-rhythm item? From the index alone.
CREATE INDEX work_items_open_rhythm ON work_items (client_id) WHERE source = 'rhythm' AND status = 'open';
-- A client's nearest open due date and count of open items, from the index alone.
CREATE INDEX work_items_open_by_client ON work_items (client_id, status, due_date) WHERE status = 'open';
-- The Overzicht: what was handled in a period, and the statutory terms due in one.
CREATE INDEX work_items_by_closed_on ON work_items (closed_on, kind_code, outcome_code, due_date)
    WHERE closed_on IS NOT NULL;
CREATE INDEX work_items_by_kind_due ON work_items (kind_code, due_date, closed_on, outcome_code);

-- No escape: a work item leaves the werkvoorraad with an outcome, never by deletion.
CREATE TRIGGER work_items_never_deleted BEFORE DELETE ON work_items
BEGIN
    SELECT RAISE(ABORT, 'werkitems worden nooit verwijderd, alleen afgehandeld');
END;

-- Postponing stays visible in the history.
CREATE TABLE postponements (
    id           INTEGER PRIMARY KEY,
    work_item_id INTEGER NOT NULL REFERENCES work_items (id),
    from_date    TEXT NOT NULL CHECK (date(from_date) IS from_date),
    to_date      TEXT NOT NULL CHECK (date(to_date) IS to_date),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at           TEXT NOT NULL,
    undone_at    TEXT,
    -- The day it was postponed on: until then the item was due on `from_date`.
    postponed_on TEXT CHECK (postponed_on IS NULL OR date(postponed_on) IS postponed_on)
);
CREATE INDEX postponements_by_item ON postponements (work_item_id);

-- A handled work item taken back into the werkvoorraad (a correction): its earlier
-- handling is kept here.
CREATE TABLE reopenings (
    id           INTEGER PRIMARY KEY,
    work_item_id INTEGER NOT NULL REFERENCES work_items (id),
    outcome_code TEXT NOT NULL REFERENCES outcomes (code),
    outcome_note TEXT,
    closed_at    TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at           TEXT NOT NULL,
    undone_at    TEXT
);
CREATE INDEX reopenings_by_item ON reopenings (work_item_id);

CREATE TABLE contacts (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients (id),
    channel_code TEXT NOT NULL REFERENCES channels (code),
    contact_date TEXT NOT NULL CHECK (date(contact_date) IS contact_date),
    note         TEXT,
    -- A registered no-show counts for the client's history, not as a contact.
    no_show      INTEGER NOT NULL DEFAULT 0 CHECK (no_show IN (0, 1)),
    created_at   TEXT NOT NULL,
    undone_at    TEXT
);
CREATE INDEX contacts_by_client ON contacts (client_id, contact_date);
-- The last contact that took place (no-shows do not count), for the contact rhythm.
CREATE INDEX contacts_held_by_client ON contacts (client_id, contact_date)
    WHERE no_show = 0 AND undone_at IS NULL;
-- Contacts by day, for the Overzicht's periods and weeks.
CREATE INDEX contacts_by_day ON contacts (contact_date, no_show, channel_code, client_id)
    WHERE undone_at IS NULL;

-- Only a contact by a channel that counts (not a letter) keeps the client in view.
CREATE TRIGGER contacts_keep_last_after_insert AFTER INSERT ON contacts
    WHEN NEW.no_show = 0
     AND (SELECT counts_as_contact FROM channels WHERE code = NEW.channel_code) = 1
BEGIN
    UPDATE clients SET last_contact_on = NEW.contact_date
    WHERE id = NEW.client_id AND (last_contact_on IS NULL OR last_contact_on < NEW.contact_date);
END;
CREATE TRIGGER contacts_keep_last_after_update AFTER UPDATE ON contacts
BEGIN
    UPDATE clients SET last_contact_on = (SELECT max(contact_date) FROM contacts
        WHERE client_id = clients.id AND no_show = 0 AND undone_at IS NULL
          AND channel_code IN (SELECT code FROM channels WHERE counts_as_contact = 1))
    WHERE id IN (OLD.client_id, NEW.client_id);
END;
CREATE TRIGGER contacts_never_deleted BEFORE DELETE ON contacts
BEGIN
    SELECT RAISE(ABORT, 'contactmomenten worden nooit verwijderd, alleen gecorrigeerd');
END;

-- Days on which the beslistermijn of an aanvraag does not run (Awb 4:15 lid 1
-- onder a): from the day after a hersteltermijn was given up to the day before the
-- information arrived, or to its end. A hersteltermijn extended after it ran out
-- gets a second period from the day after the new invitation. Overlapping periods
-- count each day once.
CREATE TABLE suspensions (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    activity_id    INTEGER NOT NULL REFERENCES activities (id),
    from_date      TEXT NOT NULL CHECK (date(from_date) IS from_date),
    -- The last suspended day; the day before `from_date` when none was.
    to_date        TEXT NOT NULL CHECK (date(to_date) IS to_date),
    created_at     TEXT NOT NULL,
    CHECK (to_date >= date(from_date, '-1 day'))
);
CREATE INDEX suspensions_by_application ON suspensions (application_id);

-- Letters and documents made from the dossier: for which activity (or plan version,
-- aanvraag, period), on which day, where the PDF is, and once confirmed sent, the
-- day and the contact (channel `brief`) that registered it.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    activity_id INTEGER REFERENCES activities (id),
    kind        TEXT NOT NULL CHECK (kind IN ('uitnodiging', 'hersteltermijn', 'herinnering',
                                              'informatieverzoek', 'voornemen', 'plan',
                                              'buiten_behandeling', 'besluit', 'rapportage')),
    made_on     TEXT NOT NULL CHECK (date(made_on) IS made_on),
    file        TEXT NOT NULL CHECK (length(file) > 0),
    sent_on     TEXT CHECK (sent_on IS NULL OR date(sent_on) IS sent_on),
    contact_id  INTEGER REFERENCES contacts (id),
    created_at  TEXT NOT NULL,
    undone_at   TEXT,
    -- What a document is about besides an activity: a version of the plan van
    -- aanpak, an aanvraag's besluit, a period of the dossier (a rapportage).
    plan_id        INTEGER REFERENCES plans (id),
    application_id INTEGER REFERENCES applications (id),
    period_from    TEXT CHECK (period_from IS NULL OR date(period_from) IS period_from),
    period_to      TEXT CHECK (period_to IS NULL OR date(period_to) IS period_to),
    CHECK ((sent_on IS NULL) = (contact_id IS NULL)),
    CHECK (sent_on IS NULL OR sent_on >= made_on),
    CHECK (CASE kind
        WHEN 'plan' THEN plan_id IS NOT NULL
        WHEN 'buiten_behandeling' THEN application_id IS NOT NULL
        WHEN 'besluit' THEN application_id IS NOT NULL
        WHEN 'rapportage' THEN period_from IS NOT NULL AND period_to >= period_from
        ELSE activity_id IS NOT NULL END)
);
CREATE INDEX letters_by_client ON letters (client_id, made_on);
CREATE TRIGGER letters_never_deleted BEFORE DELETE ON letters
BEGIN
    SELECT RAISE(ABORT, 'brieven worden nooit verwijderd');
END;

-- The team: a client shared through the team's server has a global id; the rows
-- of its dossier derive theirs from it. `pushed_hash` is the document as last
-- sent, `released_on` the day the client went to another owner, `owner` the
-- klantmanager the server named at the last sync or snapshot.
CREATE TABLE team_clients (
    client_id   INTEGER PRIMARY KEY REFERENCES clients (id),
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    pushed_hash TEXT,
    released_on TEXT CHECK (released_on IS NULL OR date(released_on) IS released_on),
    owner       TEXT
);

CREATE TABLE notes (
    id        INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id),
    note_date TEXT NOT NULL CHECK (date(note_date) IS note_date),
    text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created_at TEXT NOT NULL,
    undone_at TEXT
);
CREATE INDEX notes_by_client ON notes (client_id, note_date);
CREATE TRIGGER notes_never_deleted BEFORE DELETE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notities worden nooit verwijderd, alleen gecorrigeerd');
END;

-- A note or a contact corrected: the row holds the current text, these tables what
-- it said before and what it was corrected to, and when.
CREATE TABLE note_corrections (
    id         INTEGER PRIMARY KEY,
    note_id    INTEGER NOT NULL REFERENCES notes (id),
    original   TEXT NOT NULL CHECK (json_valid(original)),
    corrected  TEXT NOT NULL CHECK (json_valid(corrected)),
    created_at TEXT NOT NULL,
    undone_at  TEXT
);
CREATE INDEX note_corrections_by_note ON note_corrections (note_id);
CREATE TABLE contact_corrections (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id),
    original   TEXT NOT NULL CHECK (json_valid(original)),
    corrected  TEXT NOT NULL CHECK (json_valid(corrected)),
    created_at TEXT NOT NULL,
    undone_at  TEXT
);
CREATE INDEX contact_corrections_by_contact ON contact_corrections (contact_id);

-- Finding a client by what their notes and contacts say: full-text indexes over the
-- rows themselves (external content), accents removed, kept by triggers.
CREATE VIRTUAL TABLE notes_fts USING fts5 (
    text, content = 'notes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes
BEGIN
    INSERT INTO notes_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF text ON notes
BEGIN
    INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', OLD.id, OLD.text);
    INSERT INTO notes_fts (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    note, content = 'contacts', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER contacts_fts_after_insert AFTER INSERT ON contacts
BEGIN
    INSERT INTO contacts_fts (rowid, note) VALUES (NEW.id, NEW.note);
END;
CREATE TRIGGER contacts_fts_after_update AFTER UPDATE OF note ON contacts
BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, note) VALUES ('delete', OLD.id, OLD.note);
    INSERT INTO contacts_fts (rowid, note) VALUES (NEW.id, NEW.note);
END;

-- ---------------------------------------------------------------- klant in beeld

-- The plan van aanpak: one current version per client; a new version keeps the old
-- one readable. The evaluation date is an activity in the engine's sense.
CREATE TABLE plans (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    version    INTEGER NOT NULL CHECK (version > 0),
    start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
    status     TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'replaced')),
    evaluation_activity_id INTEGER REFERENCES activities (id),
    created_at TEXT NOT NULL,
    UNIQUE (client_id, version)
);
CREATE UNIQUE INDEX plans_one_current ON plans (client_id) WHERE status = 'current';

-- A goal: a short text in a life domain, with a deadline that is an activity, and
-- its status.
CREATE TABLE goals (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    domain_code TEXT NOT NULL REFERENCES life_domains (code),
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    -- loopt, bijgesteld (running with a new deadline), behaald, vervallen.
    status      TEXT NOT NULL DEFAULT 'loopt' CHECK (length(trim(status)) > 0),
    created_at  TEXT NOT NULL
);
CREATE INDEX goals_by_plan ON goals (plan_id);
CREATE INDEX goals_by_activity ON goals (activity_id);

CREATE TABLE life_domains (
    code       TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- How a client is doing per life domain (1 = grote zorgen … 5 = op orde), and the
-- participatieladder step, with a date: movement (doorstroom) over time.
CREATE TABLE situations (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    domain_code TEXT NOT NULL REFERENCES life_domains (code),
    assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    note        TEXT,
    created_at  TEXT NOT NULL
);
CREATE INDEX situations_by_client ON situations (client_id, assessed_on);
CREATE INDEX situations_by_day ON situations (assessed_on, client_id, domain_code, score);
-- A client's course per life domain, from the index alone (the Overzicht).
CREATE INDEX situations_by_domain ON situations (client_id, domain_code, assessed_on, id, score);

CREATE TABLE ladder_steps (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
    step        INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6),
    note        TEXT,
    created_at  TEXT NOT NULL
);
-- The step is in it, so that a client's course is read from the index alone.
CREATE INDEX ladder_by_client ON ladder_steps (client_id, assessed_on, id, step);
CREATE INDEX ladder_by_day ON ladder_steps (assessed_on, client_id);

-- ---------------------------------------------------------------- audit

-- Who changed what and when. `detail` is JSON with the new values and, for changes,
-- the old ones. Rows are only ever added.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    detail    TEXT NOT NULL CHECK (json_valid(detail)),
    -- The edit the row belongs to (NULL for the sweep, an import and the demo).
    edit_id   INTEGER REFERENCES edits (id)
);
CREATE INDEX audit_by_entity ON audit_log (entity, entity_id);

-- Every edit of a klantmanager, and per edit the rows it added and the rows it
-- changed with what they held before (`edit_rows`, written by the connection's
-- journal triggers). Undoing an edit restores those rows and marks what it added as
-- undone: nothing is deleted. `undoes` names the edit an undo reversed.
CREATE TABLE edits (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    day     TEXT NOT NULL CHECK (date(day) IS day),
    actor   TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    undoes  INTEGER UNIQUE REFERENCES edits (id)
);
CREATE INDEX edits_by_day ON edits (day);

CREATE TABLE edit_rows (
    id      INTEGER PRIMARY KEY,
    edit_id INTEGER NOT NULL REFERENCES edits (id),
    tbl     TEXT NOT NULL,
    row_id  INTEGER NOT NULL,
    op      TEXT NOT NULL CHECK (op IN ('insert', 'update')),
    before  TEXT CHECK (before IS NULL OR json_valid(before))
);
CREATE INDEX edit_rows_by_edit ON edit_rows (edit_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'het auditlog kan niet worden gewijzigd');
END;

-- ---------------------------------------------------------------- seed rows

INSERT INTO categories (code, name, description, sort_order, contact_rhythm_days) VALUES
    ('job_ready',          'Job ready',          'Bemiddelbaar naar werk binnen 0 tot 13 weken', 1, 28),
    ('bijna_job_ready',    'Bijna job ready',    'Bemiddelbaar binnen 6 maanden, met extra intensieve begeleiding', 2, 42),
    ('nog_niet_job_ready', 'Nog niet job ready', 'Groeipotentie naar betaald werk binnen 6 tot 12 maanden', 3, 56),
    ('niet_job_ready',     'Niet job ready',     'Opwaartse beweging mogelijk, maar langer dan een jaar', 4, 91),
    ('beheer',             'Beheer',             'Geen opwaartse beweging binnen 3 jaar verwacht', 5, 182);

INSERT INTO end_reasons (code, name, sort_order) VALUES
    ('werk',              'Werk',              1),
    ('opleiding',         'Opleiding',         2),
    ('verhuisd',          'Verhuisd',          3),
    ('andere_uitkering',  'Andere uitkering',  4),
    ('partner',           'Partner',           5),
    ('detentie',          'Detentie',          6),
    ('overleden',         'Overleden',         7),
    ('overgedragen',      'Overgedragen',      8),
    ('overig',            'Overig',            9);

INSERT INTO channels (code, name, sort_order) VALUES
    ('telefoon',    'Telefoon',    1),
    ('whatsapp',    'WhatsApp',    2),
    ('beeldbellen', 'Beeldbellen', 3),
    ('op_locatie',  'Op locatie',  4),
    ('huisbezoek',  'Huisbezoek',  5),
    ('brief',       'Brief',       6),
    ('email',       'E-mail',      7);
-- A letter sent is no conversation: it does not keep the client in view.
UPDATE channels SET counts_as_contact = 0 WHERE code = 'brief';

INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('hersteltermijn', 'Hersteltermijn', 30, 0),
    ('traject',        'Traject',        20, 0),
    ('onderzoek',      'Onderzoek',      20, 0),
    ('afspraak',       'Afspraak',       15, 0),
    ('contact',        'Contact',        10, 0),
    ('vervolgactie',   'Vervolgactie',    5, 0),
    ('beslistermijn',  'Beslistermijn',  40, 1),
    ('voorschot',      'Voorschot',      35, 1),
    ('buitenbehandeling', 'Buiten behandeling', 35, 1),
    -- The bezwaartermijn is the client's term, not the klantmanager's deadline.
    ('bezwaartermijn', 'Bezwaartermijn', 25, 0),
    ('zoektermijn',    'Zoektermijn',    25, 0),
    ('nabellen',       'Nabellen',       18, 0),
    ('doel',           'Doel',           12, 0),
    ('plan',           'Plan',           14, 0);

INSERT INTO outcomes (code, name, requires) VALUES
    ('afgerond',        'Afgerond',                  'none'),
    ('verlengd',        'Verlengd',                  'new_date'),
    ('afgebroken',      'Afgebroken',                'reason'),
    ('ontvangen',       'Stukken ontvangen',         'none'),
    ('niet_ontvangen',  'Stukken niet ontvangen',    'none'),
    ('gesproken',       'Gesproken',                 'none'),
    ('niet_bereikt',    'Niet bereikt',              'reason'),
    ('no_show',         'Niet verschenen',           'new_date'),
    ('uitgevoerd',      'Uitgevoerd',                'none'),
    ('vervallen',       'Vervallen',                 'reason'),
    ('besloten',        'Besloten',                  'none'),
    ('verstrekt',       'Voorschot verstrekt',       'none'),
    ('niet_nodig',      'Niet nodig',                'reason'),
    ('bekendgemaakt',   'Besluit bekendgemaakt',     'none'),
    ('geen_bezwaar',    'Geen bezwaar ontvangen',    'none'),
    ('bezwaar',         'Bezwaar ontvangen',         'none'),
    ('gebeld',          'Gebeld',                    'none'),
    ('behaald',         'Behaald',                   'none'),
    ('bijgesteld',      'Bijgesteld',                'new_date'),
    ('geannuleerd',     'Geannuleerd',               'reason'),
    ('ongedaan',        'Ongedaan gemaakt',          'none'),
    ('uitstroom',       'Vervallen door uitstroom',  'none'),
    ('verlopen',        'Verlopen met de afspraak',  'none'),
    ('door_besluit',    'Afgesloten door het besluit', 'none'),
    ('weer_in_beeld',   'Weer in beeld door de categorie', 'none');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect) VALUES
    ('traject',           'afgerond',        'finish'),
    ('traject',           'verlengd',        'new_cycle'),
    ('traject',           'afgebroken',      'finish'),
    ('onderzoek',         'afgerond',        'finish'),
    ('onderzoek',         'verlengd',        'new_cycle'),
    ('onderzoek',         'afgebroken',      'finish'),
    ('hersteltermijn',    'ontvangen',       'received'),
    ('hersteltermijn',    'niet_ontvangen',  'not_received'),
    ('hersteltermijn',    'verlengd',        'new_cycle'),
    ('hersteltermijn',    'vervallen',       'finish'),
    ('hersteltermijn',    'door_besluit',    'settled'),
    ('afspraak',          'gesproken',       'contact'),
    ('afspraak',          'no_show',         'no_show'),
    ('afspraak',          'afgebroken',      'finish'),
    ('afspraak',          'geannuleerd',     'finish'),
    ('contact',           'gesproken',       'contact'),
    ('contact',           'niet_bereikt',    'not_reached'),
    ('contact',           'weer_in_beeld',   'settled'),
    ('vervolgactie',      'uitgevoerd',      'finish'),
    ('vervolgactie',      'vervallen',       'finish'),
    ('beslistermijn',     'besloten',        'decision'),
    ('voorschot',         'verstrekt',       'repeat'),
    ('voorschot',         'niet_nodig',      'finish'),
    ('voorschot',         'door_besluit',    'settled'),
    ('buitenbehandeling', 'bekendgemaakt',   'decision'),
    -- The documents arrived after all, or the hersteltermijn was given again.
    ('buitenbehandeling', 'ontvangen',       'received'),
    ('buitenbehandeling', 'vervallen',       'finish'),
    ('buitenbehandeling', 'door_besluit',    'settled'),
    -- Known only after the week of Awb 6:9 lid 2: refused before the item's due day.
    ('bezwaartermijn',    'geen_bezwaar',    'not_received'),
    ('bezwaartermijn',    'bezwaar',         'finish'),
    ('zoektermijn',       'afgerond',        'finish'),
    ('nabellen',          'gebeld',          'called'),
    ('nabellen',          'niet_bereikt',    'finish'),
    ('nabellen',          'vervallen',       'finish'),
    ('nabellen',          'verlopen',        'lapsed'),
    ('doel',              'behaald',         'finish'),
    ('doel',              'bijgesteld',      'new_cycle'),
    ('doel',              'vervallen',       'finish'),
    ('plan',              'behaald',         'finish'),
    ('plan',              'bijgesteld',      'new_cycle'),
    ('plan',              'vervallen',       'finish');

-- Uitstroom and handover: every kind names the outcome its open items get.
INSERT INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT code, 'uitstroom', 'client_ended' FROM work_item_kinds ORDER BY rowid;

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days) VALUES
    ('traject',             'Traject',             182, 'traject',        'Traject evalueren',                          0, 1, 0, NULL),
    ('scholing',            'Scholing',            91,  'traject',        'Scholing evalueren',                         0, 2, 0, NULL),
    ('werkervaringsplaats', 'Werkervaringsplaats', 182, 'traject',        'Werkervaringsplaats evalueren',              0, 3, 0, NULL),
    ('onderzoek',           'Onderzoek',           28,  'onderzoek',      'Onderzoek afronden',                         0, 4, 0, NULL),
    ('hersteltermijn',      'Hersteltermijn',      14,  'hersteltermijn', 'Stukken ontvangen?',                         1, 5, 0, NULL),
    ('afspraak',            'Afspraak',            0,   'afspraak',       'Opkomst registreren',                        0, 6, 0, 1),
    ('vrijwilligerswerk',   'Vrijwilligerswerk',   182, 'traject',        'Vrijwilligerswerk evalueren',                0, 7, 0, NULL),
    ('hulpverlening',       'Hulpverlening',       91,  'traject',        'Hulpverlening evalueren',                    0, 8, 0, NULL),
    -- Legal terms: computed from an aanvraag or a besluit, never typed, so no category
    -- offers them.
    ('beslistermijn',       'Beslistermijn',       56,  'beslistermijn',  'Beslissen op de aanvraag',                   0, 20, 14, NULL),
    ('voorschot',           'Voorschot',           28,  'voorschot',      'Voorschot verstrekken',                      0, 21, 7, NULL),
    -- The four weeks of Awb 4:5 lid 4 are in view from their first day: the lead
    -- covers the term and the longest shift the Atw can add to it.
    ('buitenbehandeling',   'Buiten behandeling',  28,  'buitenbehandeling', 'Besluit buiten behandeling bekendmaken',  0, 22, 35, NULL),
    ('bezwaartermijn',      'Bezwaartermijn',      42,  'bezwaartermijn', 'Bezwaartermijn voorbij: besluit onherroepelijk?', 7, 23, 0, NULL),
    ('zoektermijn',         'Zoektermijn',         28,  'zoektermijn',    'Zoektermijn voorbij: aanvraag kan worden ingediend', 0, 24, 0, NULL),
    -- The plan van aanpak: goal deadlines and the evaluation date, set through `plan`.
    ('doel',                'Doel',                91,  'doel',           'Doel evalueren',                             0, 30, 0, NULL),
    ('planevaluatie',       'Planevaluatie',       182, 'plan',           'Plan evalueren',                             0, 31, 0, NULL);
UPDATE activity_types SET duration_minutes = 45 WHERE code = 'afspraak';

INSERT INTO life_domains (code, name, sort_order) VALUES
    ('werk',            'Werk',                  1),
    ('financien',       'Financiën',             2),
    ('huisvesting',     'Huisvesting',           3),
    ('gezondheid',      'Gezondheid',            4),
    ('sociaal_netwerk', 'Sociaal netwerk',       5),
    ('dagbesteding',    'Dagbesteding',          6),
    ('taal',            'Taal',                  7),
    ('zelfzorg',        'Zelfzorg',              8);

INSERT INTO term_rules (code, name, article, description, length_days, atw, enabled, activity_type) VALUES
    ('beslistermijn', 'Beslistermijn', 'Awb 4:13 lid 2',
        'Beslissen binnen 8 weken na ontvangst van de aanvraag, plus de opschorting van Awb 4:15', 56, 1, 1, 'beslistermijn'),
    ('voorschot', 'Voorschot', 'Participatiewet art. 52',
        'Voorschot binnen 4 weken na de aanvraag, en daarna elke 4 weken zolang het recht niet is vastgesteld', 28, 1, 1, 'voorschot'),
    ('buitenbehandeling', 'Buiten behandeling', 'Awb 4:5 lid 4',
        'Het besluit de aanvraag niet te behandelen binnen 4 weken na het ongebruikt verstrijken van de hersteltermijn bekendmaken', 28, 1, 1, 'buitenbehandeling'),
    ('bezwaartermijn', 'Bezwaartermijn', 'Awb 6:7 en 6:8',
        'Zes weken voor bezwaar, vanaf de dag na de bekendmaking van het besluit', 42, 1, 1, 'bezwaartermijn'),
    ('zoektermijn', 'Zoektermijn', 'Participatiewet art. 41 lid 4',
        'Vier weken zoeken naar werk na de melding, voordat iemand onder de 27 een aanvraag kan indienen', 28, 1, 1, 'zoektermijn');

-- Days declared equal to a feestdag, as published in the Staatscourant.
INSERT INTO declared_holidays (date, name, source) VALUES
    ('2023-04-28', 'Vrijdag na Koningsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    ('2023-05-19', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    ('2024-05-10', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    ('2024-12-27', 'Vrijdag na Tweede Kerstdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    ('2025-05-30', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    ('2026-01-02', 'Vrijdag na Nieuwjaarsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    ('2026-05-15', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    ('2027-05-07', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    ('2028-04-28', 'Vrijdag na Koningsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    ('2028-05-26', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag');

INSERT INTO declared_years (year, source) VALUES
    (2023, 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    (2024, 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    (2025, 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    (2026, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    (2027, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    (2028, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag');

-- Which activity types fit each category (principle 5).
INSERT INTO category_activity_types (category_code, activity_type_code) VALUES
    ('job_ready',          'traject'),
    ('job_ready',          'scholing'),
    ('job_ready',          'onderzoek'),
    ('job_ready',          'hersteltermijn'),
    ('job_ready',          'afspraak'),
    ('bijna_job_ready',    'traject'),
    ('bijna_job_ready',    'scholing'),
    ('bijna_job_ready',    'werkervaringsplaats'),
    ('bijna_job_ready',    'onderzoek'),
    ('bijna_job_ready',    'hersteltermijn'),
    ('bijna_job_ready',    'afspraak'),
    ('nog_niet_job_ready', 'traject'),
    ('nog_niet_job_ready', 'scholing'),
    ('nog_niet_job_ready', 'werkervaringsplaats'),
    ('nog_niet_job_ready', 'onderzoek'),
    ('nog_niet_job_ready', 'hersteltermijn'),
    ('nog_niet_job_ready', 'afspraak'),
    ('nog_niet_job_ready', 'vrijwilligerswerk'),
    ('niet_job_ready',     'werkervaringsplaats'),
    ('niet_job_ready',     'onderzoek'),
    ('niet_job_ready',     'hersteltermijn'),
    ('niet_job_ready',     'afspraak'),
    ('niet_job_ready',     'vrijwilligerswerk'),
    ('niet_job_ready',     'hulpverlening'),
    ('beheer',             'onderzoek'),
    ('beheer',             'hersteltermijn'),
    ('beheer',             'afspraak'),
    ('beheer',             'vrijwilligerswerk'),
    ('beheer',             'hulpverlening');

-- The rest of the klantmanager's clock, after the toekenning. Each keeps its client
-- in view by a date, and none ends in nothing: handled, it plans what follows
-- (`next_type` in kind_outcomes).
-- * Heronderzoek (rechtmatigheidsonderzoek): no statutory frequency; the interval
--   follows the risk profile the municipality sets (3, 6, 12 or 18 months, Pw art.
--   53a lid 1 and the municipality's handhavingsplan). Done, the next one is planned
--   at the same interval from that day (done early restarts the cycle); another
--   interval is a verlenging to another date.
-- * Informatieverzoek (Pw art. 17, inlichtingen- en medewerkingsplicht) for a running
--   uitkering, with the term the municipality sets: not Awb 4:5, which is for an
--   aanvraag. Nothing received: an onderzoek into opschorting or intrekking (Pw art.
--   54).
-- * Tijdelijke ontheffing of the arbeidsverplichtingen (Pw art. 9 lid 2): dated, and
--   reviewed four weeks before it ends.
INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('heronderzoek',      'Heronderzoek',      22, 0),
    ('informatieverzoek', 'Informatieverzoek', 30, 0),
    ('ontheffing',        'Ontheffing',        20, 0);

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days) VALUES
    ('heronderzoek',      'Heronderzoek',      182, 'heronderzoek',      'Heronderzoek uitvoeren (rechtmatigheid, Pw art. 53a)',        0, 9,  14, NULL),
    ('informatieverzoek', 'Informatieverzoek', 14,  'informatieverzoek', 'Gegevens ontvangen? (inlichtingenplicht, Pw art. 17)',       1, 10, 0,  NULL),
    ('ontheffing',        'Ontheffing',        182, 'ontheffing',        'Ontheffing loopt af: opnieuw beoordelen (Pw art. 9 lid 2)',   0, 11, 28, NULL);

INSERT INTO outcomes (code, name, requires) VALUES
    ('niet_geleverd',   'Gegevens niet geleverd',    'none'),
    ('ontheffing_af',   'Ontheffing beëindigd',      'none');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect, next_type, next_days, next_title) VALUES
    ('heronderzoek',      'uitgevoerd',     'finish',    'heronderzoek', NULL, NULL),
    ('heronderzoek',      'verlengd',       'new_cycle', NULL, NULL, NULL),
    ('informatieverzoek', 'ontvangen',      'finish',    NULL, NULL, NULL),
    ('informatieverzoek', 'niet_geleverd',  'finish',    'onderzoek', 28,
        'Gegevens niet geleverd: opschorten of intrekken? (Pw art. 54)'),
    ('informatieverzoek', 'verlengd',       'new_cycle', NULL, NULL, NULL),
    ('informatieverzoek', 'vervallen',      'finish',    NULL, NULL, NULL),
    ('ontheffing',        'verlengd',       'new_cycle', NULL, NULL, NULL),
    ('ontheffing',        'ontheffing_af',  'finish',    NULL, NULL, NULL),
    ('heronderzoek',      'uitstroom',      'client_ended', NULL, NULL, NULL),
    ('informatieverzoek', 'uitstroom',      'client_ended', NULL, NULL, NULL),
    ('ontheffing',        'uitstroom',      'client_ended', NULL, NULL, NULL);

INSERT INTO category_activity_types (category_code, activity_type_code)
    SELECT c.code, t.code FROM categories c, activity_types t
    WHERE t.code IN ('heronderzoek', 'informatieverzoek', 'ontheffing')
    ORDER BY c.sort_order, t.sort_order;

-- * Maatregel (Pw art. 18 lid 2 and the municipality's verordening): a signaal is
--   weighed; a voornemen gives the client a zienswijze (Awb 4:8, the term the
--   municipality sets: 14 days); the besluit starts the bezwaartermijn (Awb 6:7, the
--   Atw applied). The verlaging (percentage, months) is written in the outcome's note.
INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('maatregel',         'Maatregel',         28, 0),
    ('zienswijze',        'Zienswijze',        29, 0);

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days) VALUES
    ('maatregel',         'Maatregel: signaal', 14, 'maatregel',  'Signaal wegen: voornemen tot een maatregel? (Pw art. 18)',  0, 12, 0, NULL),
    ('zienswijze',        'Zienswijze',         14, 'zienswijze', 'Zienswijze gehoord: besluiten over de maatregel (Awb 4:8)', 1, 13, 0, NULL);

INSERT INTO outcomes (code, name, requires) VALUES
    ('voornemen',         'Voornemen verstuurd',       'none'),
    ('maatregel_opgelegd', 'Maatregel opgelegd',       'sanction'),
    ('geen_maatregel',    'Geen maatregel',            'reason');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect, next_type, next_days, next_title) VALUES
    ('maatregel',  'voornemen',          'finish', 'zienswijze', 14,
        'Zienswijze op het voornemen tot een maatregel (Awb 4:8)'),
    ('maatregel',  'geen_maatregel',     'finish', NULL, NULL, NULL),
    ('maatregel',  'verlengd',           'new_cycle', NULL, NULL, NULL),
    ('zienswijze', 'maatregel_opgelegd', 'finish', 'bezwaartermijn', 42,
        'Bezwaartermijn besluit maatregel (Awb 6:7)'),
    ('zienswijze', 'geen_maatregel',     'finish', NULL, NULL, NULL),
    ('zienswijze', 'verlengd',           'new_cycle', NULL, NULL, NULL),
    ('maatregel',  'uitstroom',          'client_ended', NULL, NULL, NULL),
    ('zienswijze', 'uitstroom',          'client_ended', NULL, NULL, NULL);

INSERT INTO category_activity_types (category_code, activity_type_code)
    SELECT code, 'maatregel' FROM categories ORDER BY sort_order;

-- Rules carry their dates: the law changes on fixed days. A version of a rule holds
-- for cases that start on or after `valid_from` (and before `valid_to`); a case keeps
-- the version of the day it started (an aanvraag: its melding, else its receipt), and
-- `term end --from` answers per date. Without a version the rule's own row holds.
CREATE TABLE term_rule_versions (
    rule        TEXT NOT NULL REFERENCES term_rules (code),
    valid_from  TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_to    TEXT CHECK (valid_to IS NULL OR (date(valid_to) IS valid_to AND valid_to > valid_from)),
    length_days INTEGER NOT NULL CHECK (length_days > 0),
    article     TEXT NOT NULL CHECK (length(trim(article)) > 0),
    source      TEXT NOT NULL CHECK (length(trim(source)) > 0),
    PRIMARY KEY (rule, valid_from)
);

-- * Bestuurlijke boete (Pw art. 18a): the besluit within 13 weeks of the rapport (Awb
--   5:51 lid 1, a termijn van orde: late is shown as late, never refused); while the
--   case is with the Openbaar Ministerie the term waits (a verlenging to the new day).
--   The besluit starts the bezwaartermijn.
INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('boete', 'Bestuurlijke boete', 27, 0);

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days) VALUES
    ('boete', 'Boete: rapport', 91, 'boete', 'Besluiten over de boete (Awb 5:51: 13 weken na het rapport, termijn van orde)', 0, 14, 14, NULL);

INSERT INTO outcomes (code, name, requires) VALUES
    ('boete_opgelegd', 'Boete opgelegd', 'reason'),
    ('geen_boete',     'Geen boete',     'reason');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect, next_type, next_days, next_title) VALUES
    ('boete', 'boete_opgelegd', 'finish', 'bezwaartermijn', 42,
        'Bezwaartermijn besluit bestuurlijke boete (Awb 6:7)'),
    ('boete', 'geen_boete',     'finish', NULL, NULL, NULL),
    ('boete', 'verlengd',       'new_cycle', NULL, NULL, NULL),
    ('boete', 'uitstroom',      'client_ended', NULL, NULL, NULL);

INSERT INTO category_activity_types (category_code, activity_type_code)
    SELECT code, 'boete' FROM categories ORDER BY sort_order;

-- * Taaleis (Pw art. 18b): at the informatiemoment the client hears of the taaleis
--   and the toets; within the term the municipality sets the client shows Dutch at
--   level 1F or signs the bereidverklaring; an inspanning is reviewed every half year
--   (again and again, until the taaleis is met); no inspanning is a signaal to weigh
--   a maatregel.
INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('taaleis',       'Taaleis',       21, 0),
    ('taalvoortgang', 'Taalvoortgang', 16, 0);

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days) VALUES
    ('taaleis',       'Taaleis',                   56,  'taaleis',       'Taaleis: toets gehaald of bereidverklaring getekend? (Pw art. 18b)', 0, 15, 7,  NULL),
    ('taalvoortgang', 'Taaleis: voortgang',        182, 'taalvoortgang', 'Voortgang van de taalinspanning beoordelen (Pw art. 18b)',          0, 16, 14, NULL);

INSERT INTO outcomes (code, name, requires) VALUES
    ('taal_voldaan',         'Voldoet aan de taaleis',    'none'),
    ('taal_bereid',          'Bereidverklaring getekend', 'none'),
    ('taal_geen_inspanning', 'Geen taalinspanning',       'reason');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect, next_type, next_days, next_title) VALUES
    ('taaleis',       'taal_voldaan',         'finish',    NULL, NULL, NULL),
    ('taaleis',       'taal_bereid',          'finish',    'taalvoortgang', 182,
        'Voortgang van de taalinspanning beoordelen (Pw art. 18b)'),
    ('taaleis',       'taal_geen_inspanning', 'finish',    'maatregel', 14,
        'Taaleis: geen inspanning, maatregel wegen (Pw art. 18b)'),
    ('taaleis',       'verlengd',             'new_cycle', NULL, NULL, NULL),
    ('taalvoortgang', 'uitgevoerd',           'finish',    'taalvoortgang', NULL, NULL),
    ('taalvoortgang', 'taal_voldaan',         'finish',    NULL, NULL, NULL),
    ('taalvoortgang', 'taal_geen_inspanning', 'finish',    'maatregel', 14,
        'Taaleis: geen inspanning, maatregel wegen (Pw art. 18b)'),
    ('taalvoortgang', 'verlengd',             'new_cycle', NULL, NULL, NULL),
    ('taaleis',       'uitstroom',            'client_ended', NULL, NULL, NULL),
    ('taalvoortgang', 'uitstroom',            'client_ended', NULL, NULL, NULL);

INSERT INTO category_activity_types (category_code, activity_type_code)
    SELECT c.code, t.code FROM categories c, activity_types t
    WHERE t.code IN ('taaleis', 'taalvoortgang')
    ORDER BY c.sort_order, t.sort_order;

-- * Zoektermijn afgezien (Pw art. 41 lid 4, as the Participatiewet in balans
--   changed it): for a young person who cannot be expected to search four weeks
--   first, the municipality may waive the zoektermijn, with a reason. Only the
--   program writes it, together with the receipt of the aanvraag.
INSERT INTO outcomes (code, name, requires) VALUES
    ('afgezien', 'Afgezien', 'reason');
INSERT INTO kind_outcomes (kind_code, outcome_code, effect) VALUES
    ('zoektermijn', 'afgezien', 'settled');

-- Every rule names its source: the article of the law, or the municipality's own
-- document where the law leaves the term to it. NULL: the municipality's practice.
ALTER TABLE activity_types ADD COLUMN source TEXT
    CHECK (source IS NULL OR length(trim(source)) > 0);
UPDATE activity_types SET source = CASE code
    WHEN 'hersteltermijn'    THEN 'Awb 4:5 lid 1 (bij een aanvraag); de gemeente stelt de termijn'
    WHEN 'beslistermijn'     THEN 'Awb 4:13 lid 2, 4:14 lid 3 en 4:15'
    WHEN 'voorschot'         THEN 'Participatiewet art. 52'
    WHEN 'buitenbehandeling' THEN 'Awb 4:5 lid 4'
    WHEN 'bezwaartermijn'    THEN 'Awb 6:7, 6:8 en 6:9'
    WHEN 'zoektermijn'       THEN 'Participatiewet art. 41 lid 4'
    WHEN 'doel'              THEN 'Participatiewet art. 44a (plan van aanpak)'
    WHEN 'planevaluatie'     THEN 'Participatiewet art. 44a (plan van aanpak)'
    WHEN 'heronderzoek'      THEN 'Participatiewet art. 53a lid 1; het handhavingsplan van de gemeente (risicoprofiel)'
    WHEN 'informatieverzoek' THEN 'Participatiewet art. 17 (niets ontvangen: art. 54); de gemeente stelt de termijn'
    WHEN 'ontheffing'        THEN 'Participatiewet art. 9 lid 2'
    WHEN 'maatregel'         THEN 'Participatiewet art. 18 lid 2; de verordening van de gemeente'
    WHEN 'zienswijze'        THEN 'Awb 4:8; de gemeente stelt de termijn'
    WHEN 'boete'             THEN 'Participatiewet art. 18a; Awb 5:51 lid 1 (termijn van orde)'
    WHEN 'taaleis'           THEN 'Participatiewet art. 18b'
    WHEN 'taalvoortgang'     THEN 'Participatiewet art. 18b'
    END;

-- Risk profiles for the heronderzoek (Pw art. 53a lid 1 leaves the frequency to the
-- municipality's handhavingsplan): a client's profile sets the interval of the
-- heronderzoek cycle; changing it re-plans the running one.
CREATE TABLE risk_profiles (
    code       TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    months     INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
    sort_order INTEGER NOT NULL
);
INSERT INTO risk_profiles (code, name, months, sort_order) VALUES
    ('laag',     'Laag risico',       18, 1),
    ('gemiddeld', 'Gemiddeld risico', 12, 2),
    ('verhoogd', 'Verhoogd risico',    6, 3),
    ('hoog',     'Hoog risico',        3, 4);
ALTER TABLE clients ADD COLUMN risk_profile TEXT REFERENCES risk_profiles (code);
-- A profile changed moves the running heronderzoek: its open item makes way for
-- the new date, settled by the program, not handled.
INSERT INTO outcomes (code, name, requires) VALUES
    ('ander_profiel', 'Verschoven door het risicoprofiel', 'none');
INSERT INTO kind_outcomes (kind_code, outcome_code, effect) VALUES
    ('heronderzoek', 'ander_profiel', 'settled');

-- One contact-rhythm item per client per overdue period — an item closed at an
-- uitstroom holds no period: after a heraanmelding the period gets its item again.
DROP INDEX work_items_one_per_rhythm;
CREATE UNIQUE INDEX work_items_one_per_rhythm ON work_items (client_id, due_date)
    WHERE source = 'rhythm' AND coalesce(outcome_code, '') <> 'uitstroom';

-- * Bestuurlijke boete with the Openbaar Ministerie (Awb 5:51 lid 3): while the OM
--   weighs prosecution the 13 weeks wait. "Voorgelegd aan het OM" finishes the boete's
--   step and starts the wait, asked after every eight weeks; the OM's answer brings
--   the boete back with its end later by the days waited (from the day the answer
--   came); prosecution ends the boete (geen boete, with the reason).
INSERT INTO work_item_kinds (code, name, urgency, legal) VALUES
    ('boete_om', 'Boete bij het OM', 26, 0);

INSERT INTO activity_types (code, name, default_days, expiry_kind, expiry_title, due_offset_days, sort_order, lead_days, reminder_days, source) VALUES
    ('boete_om', 'Boete: bij het OM', 56, 'boete_om', 'Boete bij het OM: is er antwoord? (de termijn van Awb 5:51 wacht)', 0, 17, 0, NULL,
        'Awb 5:51 lid 3 (de termijn wacht zolang het OM beslist)');

INSERT INTO outcomes (code, name, requires) VALUES
    ('naar_om',     'Voorgelegd aan het OM', 'none'),
    ('om_antwoord', 'Antwoord van het OM',   'none');

INSERT INTO kind_outcomes (kind_code, outcome_code, effect, next_type, next_days, next_title) VALUES
    ('boete',    'naar_om',     'suspend', 'boete_om', 56, NULL),
    ('boete_om', 'om_antwoord', 'resume',  NULL, NULL, NULL),
    ('boete_om', 'geen_boete',  'finish',  NULL, NULL, NULL),
    ('boete_om', 'verlengd',    'new_cycle', NULL, NULL, NULL),
    ('boete_om', 'uitstroom',   'client_ended', NULL, NULL, NULL);

-- An afspraak may name its own place (a wijkcentrum, the employer): its invitation
-- says it instead of the town hall's bezoekadres.
ALTER TABLE activities ADD COLUMN location TEXT
    CHECK (location IS NULL OR length(trim(location)) > 0);
