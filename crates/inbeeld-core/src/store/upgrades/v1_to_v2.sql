-- Schema version 1 → 2: what an outcome does is catalogue data; the suspension of
-- the beslistermijn is stored as periods of days; an aanvraag can be expected before
-- it is received, adjourned, withdrawn and decided late; a goal's status is stored;
-- the years whose gelijkgestelde dagen are known are recorded. Runs with foreign
-- keys off (the applications table is rebuilt); the program checks them after.

ALTER TABLE kind_outcomes ADD COLUMN effect TEXT NOT NULL DEFAULT 'finish' CHECK (effect IN ('finish',
    'new_cycle', 'contact', 'called', 'no_show', 'received', 'not_received', 'decision', 'repeat'));
UPDATE kind_outcomes SET effect = CASE outcome_code
    WHEN 'verlengd' THEN 'new_cycle' WHEN 'bijgesteld' THEN 'new_cycle'
    WHEN 'gesproken' THEN 'contact' WHEN 'gebeld' THEN 'called' WHEN 'no_show' THEN 'no_show'
    WHEN 'ontvangen' THEN 'received' WHEN 'niet_ontvangen' THEN 'not_received'
    WHEN 'besloten' THEN 'decision' WHEN 'bekendgemaakt' THEN 'decision'
    WHEN 'verstrekt' THEN 'repeat' ELSE 'finish' END;
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'hersteltermijn', 'vervallen', 'finish'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'hersteltermijn')
      AND EXISTS (SELECT 1 FROM outcomes WHERE code = 'vervallen');

-- § marks only statutory terms; the bezwaar item falls due a week after the term
-- (Awb 6:9); "stukken ontvangen?" the day after the hersteltermijn.
UPDATE work_item_kinds SET legal = 0 WHERE code IN ('hersteltermijn', 'zoektermijn');
UPDATE activity_types SET due_offset_days = 7 WHERE code = 'bezwaartermijn' AND due_offset_days = 0;
UPDATE activity_types SET due_offset_days = 1 WHERE code = 'hersteltermijn' AND due_offset_days = 0;

CREATE TABLE declared_years (
    year   INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (length(trim(source)) > 0)
);
INSERT INTO declared_years (year, source)
    SELECT DISTINCT CAST(strftime('%Y', date) AS INTEGER), source FROM declared_holidays
    WHERE true ON CONFLICT (year) DO NOTHING;
INSERT OR IGNORE INTO declared_years (year, source) VALUES
    (2025, 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
    (2026, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    (2027, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
    (2028, 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag');

CREATE TABLE applications_v2 (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    reported_on TEXT CHECK (reported_on IS NULL OR date(reported_on) IS reported_on),
    received_on TEXT CHECK (received_on IS NULL OR date(received_on) IS received_on),
    expected_on TEXT CHECK (expected_on IS NULL OR date(expected_on) IS expected_on),
    under_27    INTEGER NOT NULL DEFAULT 0 CHECK (under_27 IN (0, 1)),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    decision    TEXT CHECK (decision IN ('toegekend', 'afgewezen', 'buiten_behandeling', 'ingetrokken')),
    decided_on  TEXT CHECK (decided_on IS NULL OR date(decided_on) IS decided_on),
    decided_late INTEGER NOT NULL DEFAULT 0 CHECK (decided_late IN (0, 1)),
    adjourned_on TEXT CHECK (adjourned_on IS NULL OR date(adjourned_on) IS adjourned_on),
    adjourned_to TEXT CHECK (adjourned_to IS NULL OR date(adjourned_to) IS adjourned_to),
    adjournment_reason TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((status = 'decided') = (decision IS NOT NULL AND decided_on IS NOT NULL)),
    CHECK (received_on IS NOT NULL OR reported_on IS NOT NULL),
    CHECK ((adjourned_on IS NULL) = (adjourned_to IS NULL))
);
INSERT INTO applications_v2 (id, client_id, reported_on, received_on, under_27, status,
        decision, decided_on, created_at)
    SELECT id, client_id, reported_on, received_on, under_27, status, decision, decided_on,
        created_at FROM applications;
DROP TABLE applications;
ALTER TABLE applications_v2 RENAME TO applications;
CREATE INDEX applications_by_client ON applications (client_id);

ALTER TABLE activities ADD COLUMN term_from TEXT
    CHECK (term_from IS NULL OR date(term_from) IS term_from);
ALTER TABLE activities ADD COLUMN follows_activity_id INTEGER REFERENCES activities (id);
-- The voorschot's current cycle: four weeks on for every cycle already provided.
UPDATE activities SET term_from = date(start_date, '+' || ((SELECT r.length_days FROM term_rules r
        WHERE r.code = activities.term_rule) * (SELECT count(*) FROM work_items w
        WHERE w.source = 'activity' AND w.source_activity_id = activities.id
          AND w.outcome_code = 'verstrekt')) || ' days')
    WHERE term_rule IS NOT NULL;

CREATE TABLE suspensions (
    id             INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications (id),
    activity_id    INTEGER NOT NULL REFERENCES activities (id),
    from_date      TEXT NOT NULL CHECK (date(from_date) IS from_date),
    to_date        TEXT NOT NULL CHECK (date(to_date) IS to_date),
    created_at     TEXT NOT NULL,
    CHECK (to_date >= date(from_date, '-1 day'))
);
CREATE INDEX suspensions_by_application ON suspensions (application_id);
INSERT INTO suspensions (application_id, activity_id, from_date, to_date, created_at)
    SELECT application_id, id, date(start_date, '+1 day'),
        CASE WHEN status = 'closed' AND outcome_code = 'ontvangen' AND closed_on <= end_date
             THEN max(date(closed_on, '-1 day'), start_date) ELSE end_date END,
        created_at
    FROM activities WHERE application_id IS NOT NULL AND type_code = 'hersteltermijn';

ALTER TABLE goals ADD COLUMN status TEXT NOT NULL DEFAULT 'loopt' CHECK (length(trim(status)) > 0);
UPDATE goals SET status = coalesce(
    (SELECT a.outcome_code FROM activities a WHERE a.id = goals.activity_id),
    CASE WHEN EXISTS (SELECT 1 FROM audit_log WHERE entity = 'activity'
            AND entity_id = goals.activity_id AND action = 'activity.extend')
         THEN 'bijgesteld' ELSE 'loopt' END);

CREATE INDEX work_items_open_reminders ON work_items (source_end_date)
    WHERE source = 'nabellen' AND status = 'open';
CREATE INDEX work_items_open_by_activity ON work_items (source_activity_id)
    WHERE status = 'open' AND source_activity_id IS NOT NULL;
CREATE INDEX goals_by_activity ON goals (activity_id);
