-- Version 9: the edges of a case.
-- * Uitstroom and handover close each open item with the outcome its kind names for
--   it (`client_ended`), not with `vervallen` that most kinds do not allow.
-- * A reminder whose afspraak came, moved or was settled lapses (`lapsed`): no
--   handling.
-- * "Niet bereikt" on a "contact opnemen" item plans the next attempt
--   (`not_reached`), suggested `retry_days` working days on per category.
-- * A letter sent is no conversation: a channel says whether it counts as contact.
-- * Uitstroom can be planned for a later day.
-- * Awb 4:5 lid 4 runs by itself; the bezwaartermijn is the client's term.

CREATE TABLE kind_outcomes_v9 (
    kind_code    TEXT NOT NULL REFERENCES work_item_kinds (code),
    outcome_code TEXT NOT NULL REFERENCES outcomes (code),
    effect       TEXT NOT NULL DEFAULT 'finish' CHECK (effect IN ('finish', 'new_cycle',
        'contact', 'called', 'no_show', 'received', 'not_received', 'decision', 'repeat',
        'not_reached', 'client_ended', 'lapsed', 'settled')),
    PRIMARY KEY (kind_code, outcome_code)
);
-- The catalogue is read in rowid order: keep it.
INSERT INTO kind_outcomes_v9 (kind_code, outcome_code, effect)
    SELECT kind_code, outcome_code, effect FROM kind_outcomes ORDER BY rowid;
DROP TABLE kind_outcomes;
ALTER TABLE kind_outcomes_v9 RENAME TO kind_outcomes;

INSERT OR IGNORE INTO outcomes (code, name, requires)
    VALUES ('uitstroom', 'Vervallen door uitstroom', 'none'), ('verlopen', 'Verlopen met de afspraak', 'none'),
        ('door_besluit', 'Afgesloten door het besluit', 'none'),
        ('weer_in_beeld', 'Weer in beeld door de categorie', 'none');
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'contact', 'weer_in_beeld', 'settled'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'contact');
-- What the besluit ended is recorded as such (not as `niet_nodig` or `bekendgemaakt`).
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT code, 'door_besluit', 'settled' FROM work_item_kinds
    WHERE code IN ('hersteltermijn', 'voorschot', 'buitenbehandeling') ORDER BY rowid;
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'nabellen', 'verlopen', 'lapsed'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'nabellen');
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT code, 'uitstroom', 'client_ended' FROM work_item_kinds ORDER BY rowid;
-- Reminders an earlier version let lapse as 'vervallen' lapsed: no handling.
UPDATE work_items SET outcome_code = 'verlopen'
    WHERE kind_code = 'nabellen' AND status = 'closed' AND outcome_code = 'vervallen'
      AND (outcome_note = 'afspraak is vandaag' OR outcome_note LIKE 'afspraak afgesloten: %'
           OR outcome_note LIKE 'afspraak verplaatst naar %');
UPDATE kind_outcomes SET effect = 'not_reached'
    WHERE kind_code = 'contact' AND outcome_code = 'niet_bereikt' AND effect = 'finish';

-- Awb 4:5 lid 4: the four weeks are in view from their first day; documents that
-- arrive after all, or a hersteltermijn given again, settle them.
UPDATE activity_types SET lead_days = 35 WHERE code = 'buitenbehandeling' AND lead_days = 7;
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'buitenbehandeling', 'ontvangen', 'received'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'buitenbehandeling');
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'buitenbehandeling', 'vervallen', 'finish'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'buitenbehandeling');

-- The bezwaartermijn is the client's term: no §, and its item asks whether the
-- besluit has become final.
UPDATE work_item_kinds SET legal = 0 WHERE code = 'bezwaartermijn';
-- "Geen bezwaar" is known only after the week of Awb 6:9 lid 2.
UPDATE kind_outcomes SET effect = 'not_received'
    WHERE kind_code = 'bezwaartermijn' AND outcome_code = 'geen_bezwaar' AND effect = 'finish';
UPDATE activity_types SET expiry_title = 'Bezwaartermijn voorbij: besluit onherroepelijk?'
    WHERE code = 'bezwaartermijn' AND expiry_title = 'Bezwaartermijn verstreken: bezwaar ontvangen?';

-- What an earlier version wrote at uitstroom where the kind forbids it.
UPDATE work_items SET outcome_code = 'uitstroom'
    WHERE status = 'closed' AND outcome_code = 'vervallen' AND outcome_note LIKE 'Uitstroom:%'
      AND NOT EXISTS (SELECT 1 FROM kind_outcomes k
          WHERE k.kind_code = work_items.kind_code AND k.outcome_code = 'vervallen');

-- An afspraak moved: the day it was last moved (no reminder that is late at birth).
ALTER TABLE activities ADD COLUMN planned_on TEXT
    CHECK (planned_on IS NULL OR date(planned_on) IS planned_on);

-- Uitstroom per a later day.
ALTER TABLE clients ADD COLUMN ending_on TEXT
    CHECK (ending_on IS NULL OR date(ending_on) IS ending_on);
ALTER TABLE clients ADD COLUMN ending_reason TEXT REFERENCES end_reasons (code);
ALTER TABLE clients ADD COLUMN ending_settles INTEGER NOT NULL DEFAULT 0
    CHECK (ending_settles IN (0, 1));
CREATE INDEX clients_ending ON clients (ending_on) WHERE ending_on IS NOT NULL;

ALTER TABLE categories ADD COLUMN retry_days INTEGER NOT NULL DEFAULT 2 CHECK (retry_days > 0);

ALTER TABLE channels ADD COLUMN counts_as_contact INTEGER NOT NULL DEFAULT 1
    CHECK (counts_as_contact IN (0, 1));
UPDATE channels SET counts_as_contact = 0 WHERE code = 'brief';

DROP TRIGGER contacts_keep_last_after_insert;
DROP TRIGGER contacts_keep_last_after_update;
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
UPDATE clients SET last_contact_on = (SELECT max(contact_date) FROM contacts
    WHERE client_id = clients.id AND no_show = 0 AND undone_at IS NULL
      AND channel_code IN (SELECT code FROM channels WHERE counts_as_contact = 1));
