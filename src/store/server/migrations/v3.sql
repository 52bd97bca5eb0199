-- Version 3: each client's document carries the hash its laptop computed, so that
-- a teamleider's snapshot fetches only the documents that changed since the last.
ALTER TABLE clients ADD COLUMN doc_hash text;
