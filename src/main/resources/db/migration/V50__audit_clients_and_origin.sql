-- Which clients each audit entry covers, so "who looked at client X" has a complete answer: one row per
-- client an entry read or wrote (a list page, a batch, an import names every client on it). The key
-- starts with the client, so one client's history is a range of the primary key, newest entry last.
-- Append-only like audit_events: the application never updates or deletes rows here.
CREATE TABLE audit_event_clients (
    client_id BIGINT NOT NULL,
    event_id  BIGINT NOT NULL REFERENCES audit_events (id),
    PRIMARY KEY (client_id, event_id)
);

-- The page or API an entry came from, as its route pattern ("GET /api/clients/{id}"), never the concrete
-- address with its query: it says where, not what was typed.
ALTER TABLE audit_events ADD COLUMN origin VARCHAR(120);
