-- Version 2: what a laptop needs to know while it syncs. Who owns a client (even
-- one it may no longer read), and notices for a new owner about a change that did
-- not get through to a client that was theirs by then.

CREATE FUNCTION inbeeld_owner_of(client uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT c.owner FROM public.clients c WHERE c.uuid = client
$$;
GRANT EXECUTE ON FUNCTION inbeeld_owner_of(uuid) TO inbeeld_klantmanager, inbeeld_teamleider;

CREATE TABLE notices (
    id          bigserial PRIMARY KEY,
    for_member  text NOT NULL REFERENCES members (name),
    client_uuid uuid NOT NULL,
    text        text NOT NULL,
    created_by  text NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now(),
    seen_at     timestamptz
);
ALTER TABLE notices ENABLE ROW LEVEL SECURITY;
-- Anyone in the team may leave a notice; only its addressee reads and marks it.
CREATE POLICY notices_leave ON notices FOR INSERT TO inbeeld_klantmanager WITH CHECK (true);
CREATE POLICY notices_read ON notices FOR SELECT TO inbeeld_klantmanager
    USING (for_member = session_user);
CREATE POLICY notices_seen ON notices FOR UPDATE TO inbeeld_klantmanager
    USING (for_member = session_user);
GRANT SELECT, INSERT, UPDATE (seen_at) ON notices TO inbeeld_klantmanager;
GRANT USAGE ON SEQUENCE notices_id_seq TO inbeeld_klantmanager;
