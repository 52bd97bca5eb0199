-- Schema version 2 → 3: the klantmanager's whole day. A client can end (uitstroom)
-- and come back, changes category with a dated history, and a note or a contact can
-- be corrected beside its original. Every edit is journaled row by row (`edits`,
-- `edit_rows`), so that the last one can be undone without deleting anything: what
-- an undone edit added is marked `undone_at` (or closed as `ongedaan`).

CREATE TABLE end_reasons (
    code       TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    name       TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);
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

ALTER TABLE clients ADD COLUMN ended_on TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on);
ALTER TABLE clients ADD COLUMN end_reason TEXT REFERENCES end_reasons (code);
DROP INDEX clients_rhythm;
CREATE INDEX clients_rhythm ON clients (category_code, last_contact_on, registered_on)
    WHERE ended_on IS NULL;

CREATE TABLE category_changes (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients (id),
    from_code  TEXT NOT NULL REFERENCES categories (code),
    to_code    TEXT NOT NULL REFERENCES categories (code),
    changed_on TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
    reason     TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at TEXT NOT NULL,
    undone_at  TEXT
);
CREATE INDEX category_changes_by_client ON category_changes (client_id, changed_on);

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

ALTER TABLE contacts ADD COLUMN undone_at TEXT;
ALTER TABLE notes ADD COLUMN undone_at TEXT;
ALTER TABLE postponements ADD COLUMN undone_at TEXT;

DROP INDEX contacts_held_by_client;
CREATE INDEX contacts_held_by_client ON contacts (client_id, contact_date)
    WHERE no_show = 0 AND undone_at IS NULL;
DROP TRIGGER contacts_keep_last_after_update;
CREATE TRIGGER contacts_keep_last_after_update AFTER UPDATE ON contacts
BEGIN
    UPDATE clients SET last_contact_on = (SELECT max(contact_date) FROM contacts
        WHERE client_id = clients.id AND no_show = 0 AND undone_at IS NULL)
    WHERE id IN (OLD.client_id, NEW.client_id);
END;
DROP TRIGGER contacts_keep_last_after_delete;
CREATE TRIGGER contacts_never_deleted BEFORE DELETE ON contacts
BEGIN
    SELECT RAISE(ABORT, 'contactmomenten worden nooit verwijderd, alleen gecorrigeerd');
END;
CREATE TRIGGER notes_never_deleted BEFORE DELETE ON notes
BEGIN
    SELECT RAISE(ABORT, 'notities worden nooit verwijderd, alleen gecorrigeerd');
END;

INSERT OR IGNORE INTO outcomes (code, name, requires) VALUES
    ('geannuleerd', 'Geannuleerd',      'reason'),
    ('ongedaan',    'Ongedaan gemaakt', 'none');
INSERT OR IGNORE INTO kind_outcomes (kind_code, outcome_code, effect)
    SELECT 'afspraak', 'geannuleerd', 'finish'
    WHERE EXISTS (SELECT 1 FROM work_item_kinds WHERE code = 'afspraak');

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

ALTER TABLE audit_log ADD COLUMN edit_id INTEGER REFERENCES edits (id);
