-- Version 11: the rest of the klantmanager's clock (heronderzoek, informatieverzoek,
-- ontheffing, maatregel), and outcomes that plan what follows.

ALTER TABLE kind_outcomes ADD COLUMN next_type TEXT REFERENCES activity_types (code);
ALTER TABLE kind_outcomes ADD COLUMN next_days INTEGER CHECK (next_days IS NULL OR next_days > 0);
ALTER TABLE kind_outcomes ADD COLUMN next_title TEXT
    CHECK (next_title IS NULL OR length(trim(next_title)) > 0);

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
    ('maatregel_opgelegd', 'Maatregel opgelegd',       'reason'),
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
