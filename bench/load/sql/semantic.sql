-- GET /api/v1/search?mode=semantic: only reading the ten hits back is SQL; the kNN runs in Lucene's HNSW index
-- (PostgreSQL here has no vector index), so this is the SQL share of the request, not an equivalent of all of it.
\set d random(0, :documents - 1)
\set i random(0, 490)
SELECT ch.id, ch.content, ch.section, ch.chunk_index, d.id AS document_id, d.title, d.company_id, d.metadata FROM document_chunks ch JOIN documents d ON d.id = ch.document_id WHERE d.content_hash = to_hex(:d::int) AND ch.chunk_index BETWEEN :i AND :i + 9 AND d.deleted_at IS NULL AND (d.access_level = 'system' OR (d.access_level = 'organization' AND d.organization_id = :org));
