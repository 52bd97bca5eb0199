-- Version 4: access that holds with a stand-in. Only the teamleider moves a
-- client's owner; only the server writes who left a notice, and only for a client
-- the sender works on, leads or once owned; a member learns nothing of a client
-- they do not work on; one file per member.

-- Who has owned each client, so that a laptop that once held a client may still
-- learn who has it now (and tell them a change did not get through).
CREATE TABLE client_owners (
    client_uuid uuid NOT NULL,
    member      text NOT NULL,
    PRIMARY KEY (client_uuid, member)
);
INSERT INTO client_owners SELECT uuid, owner FROM clients ON CONFLICT DO NOTHING;
REVOKE ALL ON client_owners FROM PUBLIC;

CREATE FUNCTION inbeeld_is_teamleider() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT EXISTS (SELECT 1 FROM public.members m
                   WHERE m.name = session_user AND m.teamleider)
$$;

-- An owner changes only by the teamleider's hand (or the schema's owner, who runs
-- `team init`); every owner a client has had is remembered.
CREATE FUNCTION inbeeld_owner_guarded() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.owner IS DISTINCT FROM OLD.owner
       AND NOT public.inbeeld_is_teamleider()
       AND NOT pg_has_role(session_user, (SELECT tableowner FROM pg_tables
                                          WHERE schemaname = 'public' AND tablename = 'clients'), 'MEMBER') THEN
        RAISE EXCEPTION 'alleen de teamleider geeft een klant aan een ander'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER clients_owner_guarded BEFORE UPDATE OF owner ON clients
    FOR EACH ROW EXECUTE FUNCTION inbeeld_owner_guarded();

CREATE FUNCTION inbeeld_owner_remembered() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO public.client_owners VALUES (NEW.uuid, NEW.owner) ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
CREATE TRIGGER clients_owner_remembered AFTER INSERT OR UPDATE OF owner ON clients
    FOR EACH ROW EXECUTE FUNCTION inbeeld_owner_remembered();

-- A new client is the sender's own: a stand-in does not register clients in a
-- colleague's name.
DROP POLICY klantmanager_clients ON clients;
CREATE POLICY klantmanager_reads_clients ON clients FOR SELECT TO inbeeld_klantmanager
    USING (inbeeld_works_on(owner));
CREATE POLICY klantmanager_adds_clients ON clients FOR INSERT TO inbeeld_klantmanager
    WITH CHECK (owner = session_user);
CREATE POLICY klantmanager_updates_clients ON clients FOR UPDATE TO inbeeld_klantmanager
    USING (inbeeld_works_on(owner)) WITH CHECK (inbeeld_works_on(owner));

-- The owner of a client, only for who works on it, leads the team or once owned it.
CREATE OR REPLACE FUNCTION inbeeld_owner_of(client uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT c.owner FROM public.clients c
    WHERE c.uuid = client
      AND (public.inbeeld_works_on(c.owner) OR public.inbeeld_is_teamleider()
           OR EXISTS (SELECT 1 FROM public.client_owners o
                      WHERE o.client_uuid = client AND o.member = session_user))
$$;

-- A BSN is no longer unique on the server: the refusal itself told a member that a
-- colleague had that person. Two registrations of one person show in the
-- teamleider's snapshot, and `assign` by BSN asks for the uuid then.
ALTER TABLE clients DROP CONSTRAINT clients_bsn_key;
CREATE INDEX clients_by_bsn ON clients (bsn);

-- Notices are left through the server, which writes who left them and addresses
-- the client's owner; nobody inserts one directly.
DROP POLICY notices_leave ON notices;
REVOKE INSERT ON notices FROM inbeeld_klantmanager;
ALTER TABLE notices ALTER COLUMN created_by DROP DEFAULT;
CREATE FUNCTION inbeeld_leave_notice(client uuid, body text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    addressee text;
BEGIN
    addressee := public.inbeeld_owner_of(client);
    IF addressee IS NULL THEN
        RAISE EXCEPTION 'je kunt geen bericht achterlaten over een klant waar je niet aan werkt'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.notices (for_member, client_uuid, text, created_by)
    VALUES (addressee, client, body, session_user);
END
$$;
REVOKE ALL ON FUNCTION inbeeld_leave_notice(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inbeeld_leave_notice(uuid, text) TO inbeeld_klantmanager, inbeeld_teamleider;

-- One caseload file per member: the file that joined first holds the member until
-- it lets go (`team leave`).
CREATE TABLE member_files (
    member      text PRIMARY KEY REFERENCES members (name),
    database_id text NOT NULL,
    joined_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE member_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_file ON member_files FOR ALL TO inbeeld_klantmanager, inbeeld_teamleider
    USING (member = session_user) WITH CHECK (member = session_user);
REVOKE ALL ON member_files FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON member_files TO inbeeld_klantmanager, inbeeld_teamleider;
