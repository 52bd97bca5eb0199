-- Version 13: a term that waits while another decides (the boete with the Openbaar
-- Ministerie, Awb 5:51 lid 3). The CHECK of `kind_outcomes` learns the effects
-- `suspend` and `resume`; the table is rebuilt (the order of a kind's outcomes is
-- the order the cockpit offers them).
CREATE TABLE kind_outcomes_v13 (
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
-- An older file offered a buitenbehandeling's outcomes in another order than a new
-- one (what the besluit and the uitstroom give came first): now in the same.
INSERT INTO kind_outcomes_v13 (kind_code, outcome_code, effect, next_type, next_days, next_title)
    SELECT kind_code, outcome_code, effect, next_type, next_days, next_title
    FROM kind_outcomes
    ORDER BY kind_code = 'buitenbehandeling' AND outcome_code IN ('door_besluit', 'uitstroom'),
        rowid;
DROP TABLE kind_outcomes;
ALTER TABLE kind_outcomes_v13 RENAME TO kind_outcomes;

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

-- Documents beside the letters: the plan van aanpak (a version of the plan), the
-- besluit buiten behandeling and a besluit of the municipality's own text (an
-- aanvraag), and a rapportage (a period of the dossier). A document need not be
-- about an activity.
CREATE TABLE letters_v13 (
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
INSERT INTO letters_v13 (id, client_id, activity_id, kind, made_on, file, sent_on, contact_id,
        created_at, undone_at)
    SELECT id, client_id, activity_id, kind, made_on, file, sent_on, contact_id, created_at,
        undone_at FROM letters;
DROP TABLE letters;
ALTER TABLE letters_v13 RENAME TO letters;
CREATE INDEX letters_by_client ON letters (client_id, made_on);
CREATE TRIGGER letters_never_deleted BEFORE DELETE ON letters
BEGIN
    SELECT RAISE(ABORT, 'brieven worden nooit verwijderd');
END;

-- An afspraak may name its own place (a wijkcentrum, the employer): its invitation
-- says it instead of the town hall's bezoekadres.
ALTER TABLE activities ADD COLUMN location TEXT
    CHECK (location IS NULL OR length(trim(location)) > 0);
