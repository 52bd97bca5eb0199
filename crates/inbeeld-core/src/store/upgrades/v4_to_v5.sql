-- Version 5: the facts the Overzicht counts from. The day a work item was handled
-- (`closed_on`) and the day it was postponed (`postponed_on`), kept as days beside
-- their UTC moments; every uitstroom as history (`client_ends`), so that a client
-- who was taken back still counts in the period they left in; and indexes for the
-- questions of a period.
ALTER TABLE work_items ADD COLUMN
    closed_on TEXT CHECK (closed_on IS NULL OR date(closed_on) IS closed_on);
ALTER TABLE postponements ADD COLUMN
    postponed_on TEXT CHECK (postponed_on IS NULL OR date(postponed_on) IS postponed_on);

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

-- Ends a heraanmelding took back before this version: the heraanmelding's audit row
-- holds the end it undid (structured, not text), unless that edit was undone itself.
INSERT INTO client_ends (client_id, ended_on, reason, returned_on, created_at)
    SELECT a.entity_id, json_extract(a.detail, '$.old.ended_on'),
        json_extract(a.detail, '$.old.reason'), json_extract(a.detail, '$.on'), a.at
    FROM audit_log a
    WHERE a.action = 'client.reopen'
      AND date(json_extract(a.detail, '$.old.ended_on')) IS NOT NULL
      AND json_extract(a.detail, '$.old.reason') IN (SELECT code FROM end_reasons)
      AND date(json_extract(a.detail, '$.on')) >= json_extract(a.detail, '$.old.ended_on')
      AND (a.edit_id IS NULL OR NOT EXISTS (SELECT 1 FROM edits u WHERE u.undoes = a.edit_id))
    ORDER BY a.id;

CREATE INDEX clients_by_registration ON clients (registered_on);
CREATE INDEX category_changes_by_day ON category_changes (changed_on);
CREATE INDEX applications_by_received ON applications (received_on);
CREATE INDEX applications_by_decided ON applications (decided_on, decision, decided_late)
    WHERE decided_on IS NOT NULL;
CREATE INDEX activities_by_type_start ON activities (type_code, start_date, outcome_code);
CREATE INDEX work_items_by_closed_on ON work_items (closed_on, kind_code, outcome_code, due_date)
    WHERE closed_on IS NOT NULL;
CREATE INDEX work_items_by_kind_due ON work_items (kind_code, due_date, closed_on, outcome_code);
CREATE INDEX contacts_by_day ON contacts (contact_date, no_show, channel_code, client_id)
    WHERE undone_at IS NULL;
CREATE INDEX situations_by_day ON situations (assessed_on, client_id, domain_code, score);
CREATE INDEX ladder_by_day ON ladder_steps (assessed_on, client_id);
CREATE INDEX situations_by_domain ON situations (client_id, domain_code, assessed_on, id, score);
DROP INDEX ladder_by_client;
CREATE INDEX ladder_by_client ON ladder_steps (client_id, assessed_on, id, step);
