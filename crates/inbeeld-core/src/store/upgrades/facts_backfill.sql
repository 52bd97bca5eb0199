-- Facts that a file or a bundle from before version 5 did not keep as days, from
-- what it does hold. Run by the upgrade to version 5 and after importing an older
-- bundle; touches only rows without them.

-- The day of the moment an item was closed on: with `--today` that moment falls on
-- the pinned day; otherwise it is UTC, which is the local day except just after
-- midnight.
UPDATE work_items SET closed_on = substr(closed_at, 1, 10)
    WHERE closed_on IS NULL AND closed_at IS NOT NULL
      AND date(substr(closed_at, 1, 10)) IS substr(closed_at, 1, 10);
UPDATE postponements SET postponed_on = substr(at, 1, 10)
    WHERE postponed_on IS NULL AND date(substr(at, 1, 10)) IS substr(at, 1, 10);
-- A client who is out of the caseload now, without the row that says since when.
INSERT INTO client_ends (client_id, ended_on, reason, created_at)
    SELECT c.id, c.ended_on, c.end_reason, c.created_at FROM clients c
    WHERE c.ended_on IS NOT NULL AND c.end_reason IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM client_ends e WHERE e.client_id = c.id
                      AND e.returned_on IS NULL AND e.undone_at IS NULL);
