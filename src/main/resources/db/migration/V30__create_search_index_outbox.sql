-- The Lucene index follows the database through this outbox: every change to a document's chunks writes a row here in
-- the same transaction, and the indexer applies rows in order, recording in the index the last one it applied. No
-- foreign key: the row of a deleted document must outlive it.
CREATE TABLE search_index_outbox (
    id          BIGSERIAL PRIMARY KEY,
    document_id UUID        NOT NULL,
    operation   VARCHAR(10) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT chk_search_outbox_operation CHECK (operation IN ('index', 'delete'))
);

-- Which database an index on disk was built from: an index found beside another database is rebuilt, not trusted.
CREATE TABLE search_index_identity (
    database_id UUID PRIMARY KEY DEFAULT gen_random_uuid()
);
INSERT INTO search_index_identity DEFAULT VALUES;
