-- The search outbox becomes a change log that every node's index follows at its own position, instead of rows
-- deleted by the one node that applied them. A position is a transaction id watermark (the xmin of a snapshot):
-- every change by a transaction not yet visible then has tx >= it, so a row drawn before a commit that lands later
-- is still read. Rows below every live node's position are pruned.
ALTER TABLE search_index_outbox ADD COLUMN tx XID8 NOT NULL DEFAULT pg_current_xact_id();

CREATE INDEX idx_search_index_outbox_tx ON search_index_outbox (tx);

-- Each node's position, reported after it commits its index; a node silent for a day no longer holds pruning back.
CREATE TABLE search_index_nodes (
    node_id  VARCHAR(64) PRIMARY KEY,
    position XID8        NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Below this watermark the log was pruned: a node whose position is lower rebuilds its index. Kept in the one row
-- that already identifies the database to the indexes.
ALTER TABLE search_index_identity ADD COLUMN log_pruned_below XID8 NOT NULL DEFAULT '0';
