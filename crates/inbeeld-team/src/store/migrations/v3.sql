-- Version 3: each client's document carries the hash its laptop computed, so that
-- a teamleider's snapshot fetches only the documents that changed since the last.
ALTER TABLE clients ADD COLUMN doc_hash text;

-- A laptop of an older version sends `data` without `doc_hash`: the hash it leaves
-- behind would no longer be the document's, and a snapshot would never fetch the
-- change. Such an update clears it; the snapshot then hashes the document itself.
CREATE FUNCTION inbeeld_doc_hash_follows() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.data IS DISTINCT FROM OLD.data AND NEW.doc_hash IS NOT DISTINCT FROM OLD.doc_hash THEN
        NEW.doc_hash := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER clients_doc_hash_follows BEFORE UPDATE ON clients
    FOR EACH ROW EXECUTE FUNCTION inbeeld_doc_hash_follows();
