-- Version 8: who owns a shared client, as the team's server said at the last sync
-- or snapshot: a teamleider's snapshot shows the team per klantmanager.
ALTER TABLE team_clients ADD COLUMN owner TEXT;
