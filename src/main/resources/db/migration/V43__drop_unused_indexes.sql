-- Two indexes of the seeds that no query uses (found by the index audit of the operations issue): documents are
-- searched through their chunks' stored tsvector (idx_chunks_content_gin), never through documents.content, and no
-- query filters filings by processing status.
DROP INDEX idx_documents_content_gin;
DROP INDEX idx_sec_filings_status;
