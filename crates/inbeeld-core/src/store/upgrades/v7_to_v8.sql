-- Version 8: who owns a shared client, as the team's server said at the last sync
-- or snapshot: a teamleider's snapshot shows the team per klantmanager.
ALTER TABLE team_clients ADD COLUMN owner TEXT;
-- The foreign keys' own lookups when a copy of a client makes way for a newer one.
CREATE INDEX activities_by_follows ON activities (follows_activity_id)
    WHERE follows_activity_id IS NOT NULL;
CREATE INDEX work_items_by_activity ON work_items (source_activity_id)
    WHERE source_activity_id IS NOT NULL;
