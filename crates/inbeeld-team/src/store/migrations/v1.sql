-- Version 1 of the team schema: who is in the team, who owns which client, who
-- stands in for whom, and the clients' rows; row-level security decides who may
-- read and write them. PostgreSQL is the server: its roles are the klantmanagers.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inbeeld_klantmanager') THEN
        CREATE ROLE inbeeld_klantmanager NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inbeeld_teamleider') THEN
        CREATE ROLE inbeeld_teamleider NOLOGIN;
    END IF;
END
$$;

-- A klantmanager or teamleider: `name` is also the PostgreSQL role they log in as.
CREATE TABLE members (
    name       text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,62}$'),
    teamleider boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Every client has one owner at a time; only the teamleider moves ownership.
CREATE TABLE clients (
    uuid       uuid PRIMARY KEY,
    owner      text NOT NULL REFERENCES members (name),
    name       text NOT NULL CHECK (length(btrim(name)) > 0),
    bsn        text UNIQUE CHECK (bsn IS NULL OR bsn ~ '^[0-9]{9}$'),
    data       jsonb NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_by_owner ON clients (owner);

-- A vervanging: `by_member` works on the clients of `for_member` for a period.
CREATE TABLE stand_ins (
    id         bigserial PRIMARY KEY,
    for_member text NOT NULL REFERENCES members (name),
    by_member  text NOT NULL REFERENCES members (name),
    from_date  date NOT NULL,
    to_date    date NOT NULL,
    CHECK (to_date >= from_date),
    CHECK (for_member <> by_member)
);

-- A client's rows (activities, work items, contacts, notes …) by their global ids.
-- The invariants of the laptop's schema hold here too, as a second line of
-- defence: one expiry work item per activity, end date and kind.
CREATE TABLE client_rows (
    uuid        uuid PRIMARY KEY,
    client_uuid uuid NOT NULL REFERENCES clients (uuid),
    kind        text NOT NULL,
    data        jsonb NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_rows_by_client ON client_rows (client_uuid);
CREATE UNIQUE INDEX one_work_item_per_cycle ON client_rows
    ((data ->> 'source_activity'), (data ->> 'source_end_date'), (data ->> 'kind_code'))
    WHERE kind = 'work_item' AND data ->> 'source' = 'activity';
ALTER TABLE client_rows ADD CONSTRAINT activity_has_end CHECK (
    kind <> 'activity' OR (data ? 'end_date' AND data ->> 'end_date' >= data ->> 'start_date'));

-- Whether the session's role may work on a client of `owner` today: its owner, or
-- standing in for the owner.
CREATE FUNCTION inbeeld_works_on(owner text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT owner = session_user
        OR EXISTS (SELECT 1 FROM public.stand_ins s
                   WHERE s.for_member = owner AND s.by_member = session_user
                     AND current_date BETWEEN s.from_date AND s.to_date)
$$;

CREATE FUNCTION inbeeld_client_worked_on(client uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM public.clients c
                   WHERE c.uuid = client AND public.inbeeld_works_on(c.owner))
$$;

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE client_rows ENABLE ROW LEVEL SECURITY;

-- A klantmanager reads and writes the clients they own or stand in for, and
-- cannot give a client to someone else (the check holds after an update too).
CREATE POLICY klantmanager_clients ON clients FOR ALL TO inbeeld_klantmanager
    USING (inbeeld_works_on(owner)) WITH CHECK (inbeeld_works_on(owner));
CREATE POLICY klantmanager_rows ON client_rows FOR ALL TO inbeeld_klantmanager
    USING (inbeeld_client_worked_on(client_uuid)) WITH CHECK (inbeeld_client_worked_on(client_uuid));
-- The teamleider reads everything and writes only ownership.
CREATE POLICY teamleider_reads_clients ON clients FOR SELECT TO inbeeld_teamleider USING (true);
CREATE POLICY teamleider_assigns ON clients FOR UPDATE TO inbeeld_teamleider
    USING (true) WITH CHECK (true);
CREATE POLICY teamleider_reads_rows ON client_rows FOR SELECT TO inbeeld_teamleider USING (true);

REVOKE ALL ON members, clients, stand_ins, client_rows FROM PUBLIC;
GRANT SELECT ON members, stand_ins TO inbeeld_klantmanager, inbeeld_teamleider;
GRANT SELECT, INSERT, UPDATE ON clients, client_rows TO inbeeld_klantmanager;
GRANT SELECT ON clients, client_rows TO inbeeld_teamleider;
GRANT UPDATE (owner, updated_at) ON clients TO inbeeld_teamleider;
GRANT INSERT, UPDATE, DELETE ON stand_ins TO inbeeld_teamleider;
GRANT USAGE ON SEQUENCE stand_ins_id_seq TO inbeeld_teamleider;
