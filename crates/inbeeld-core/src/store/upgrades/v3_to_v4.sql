-- Version 4: full-text search over notes and contacts.
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

INSERT INTO notes_fts (notes_fts) VALUES ('rebuild');
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
