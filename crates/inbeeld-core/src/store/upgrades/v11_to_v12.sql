-- Version 12: the taaleis, a zoektermijn afgezien, and the letters of the
-- informatieverzoek and the voornemen.

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

-- Letters for the rest of the clock: the informatieverzoek (Pw art. 17) and the
-- voornemen tot een maatregel with its zienswijze (Awb 4:8).
CREATE TABLE letters_v12 (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    kind        TEXT NOT NULL CHECK (kind IN ('uitnodiging', 'hersteltermijn', 'herinnering',
                                              'informatieverzoek', 'voornemen')),
    made_on     TEXT NOT NULL CHECK (date(made_on) IS made_on),
    file        TEXT NOT NULL CHECK (length(file) > 0),
    sent_on     TEXT CHECK (sent_on IS NULL OR date(sent_on) IS sent_on),
    contact_id  INTEGER REFERENCES contacts (id),
    created_at  TEXT NOT NULL,
    undone_at   TEXT,
    CHECK ((sent_on IS NULL) = (contact_id IS NULL)),
    CHECK (sent_on IS NULL OR sent_on >= made_on)
);
INSERT INTO letters_v12 SELECT id, client_id, activity_id, kind, made_on, file, sent_on,
    contact_id, created_at, undone_at FROM letters;
DROP TABLE letters;
ALTER TABLE letters_v12 RENAME TO letters;
CREATE INDEX letters_by_client ON letters (client_id, made_on);
CREATE TRIGGER letters_never_deleted BEFORE DELETE ON letters
BEGIN
    SELECT RAISE(ABORT, 'brieven worden nooit verwijderd');
END;

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

-- A maatregel opgelegd asks its verlaging (percentage and months, Pw art. 18 lid 2)
-- as fields: a requirement of its own, which the CHECK of `outcomes` did not know.
CREATE TABLE outcomes_v12 (
    code     TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name     TEXT NOT NULL,
    requires TEXT NOT NULL DEFAULT 'none' CHECK (requires IN ('none', 'new_date', 'reason', 'sanction'))
);
INSERT INTO outcomes_v12 (code, name, requires) SELECT code, name, requires FROM outcomes ORDER BY rowid;
DROP TABLE outcomes;
ALTER TABLE outcomes_v12 RENAME TO outcomes;
UPDATE outcomes SET requires = 'sanction' WHERE code = 'maatregel_opgelegd';

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
