-- Version 7: the team. A client shared through the team's server has a global id
-- (`uuid`); the rows of its dossier get theirs from it and their place in the
-- client's document, so every laptop derives the same. `pushed_hash` is the
-- document as last sent, `released_on` the day the client went to another owner.
CREATE TABLE team_clients (
    client_id   INTEGER PRIMARY KEY REFERENCES clients (id),
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    pushed_hash TEXT,
    released_on TEXT CHECK (released_on IS NULL OR date(released_on) IS released_on)
);
