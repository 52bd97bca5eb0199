-- Version 6: letters. Every letter made from the dossier (an uitnodiging, a
-- hersteltermijn letter, a herinnering): for which activity, on which day, where its
-- PDF is, and, once the klantmanager confirmed it was sent, the day and the contact
-- (channel `brief`) that registered it.
CREATE TABLE letters (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    activity_id INTEGER NOT NULL REFERENCES activities (id),
    kind        TEXT NOT NULL CHECK (kind IN ('uitnodiging', 'hersteltermijn', 'herinnering')),
    made_on     TEXT NOT NULL CHECK (date(made_on) IS made_on),
    file        TEXT NOT NULL CHECK (length(file) > 0),
    sent_on     TEXT CHECK (sent_on IS NULL OR date(sent_on) IS sent_on),
    contact_id  INTEGER REFERENCES contacts (id),
    created_at  TEXT NOT NULL,
    undone_at   TEXT,
    CHECK ((sent_on IS NULL) = (contact_id IS NULL)),
    CHECK (sent_on IS NULL OR sent_on >= made_on)
);
CREATE INDEX letters_by_client ON letters (client_id, made_on);
CREATE TRIGGER letters_never_deleted BEFORE DELETE ON letters
BEGIN
    SELECT RAISE(ABORT, 'brieven worden nooit verwijderd');
END;
