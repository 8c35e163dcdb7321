CREATE TABLE documents (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id      UUID,
    filing_id       UUID,
    title           VARCHAR(500) NOT NULL,
    document_type   VARCHAR(30)  NOT NULL,
    mime_type       VARCHAR(100),
    source_url      VARCHAR(1000),
    content         TEXT         NOT NULL,
    content_hash    VARCHAR(64)  NOT NULL,
    document_date   DATE,
    metadata        JSONB        NOT NULL DEFAULT '{}',
    -- pgvector is not available: embeddings are plain arrays here, the vector index lives in Lucene.
    embedding       REAL[],
    embedding_model VARCHAR(100),
    organization_id UUID,
    access_level    VARCHAR(20)  NOT NULL DEFAULT 'system',
    created_by      UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at      TIMESTAMPTZ,
    CONSTRAINT fk_documents_company FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_documents_filing FOREIGN KEY (filing_id) REFERENCES sec_filings (id) ON DELETE SET NULL,
    CONSTRAINT fk_documents_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_documents_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT chk_documents_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    CONSTRAINT chk_documents_access_scope CHECK ((access_level = 'organization') = (organization_id IS NOT NULL)),
    CONSTRAINT chk_document_type CHECK (document_type IN (
        'sec_filing', 'annual_report', 'earnings_transcript', 'press_release', 'research_report', 'news',
        'presentation', 'other')),
    CONSTRAINT chk_documents_embedding_dimensions CHECK (embedding IS NULL OR cardinality(embedding) BETWEEN 1 AND 4096)
);

CREATE INDEX idx_documents_content_gin ON documents USING gin (to_tsvector('english', content));
CREATE INDEX idx_documents_company ON documents (company_id, created_at DESC) WHERE company_id IS NOT NULL;
CREATE INDEX idx_documents_filing ON documents (filing_id) WHERE filing_id IS NOT NULL;
CREATE INDEX idx_documents_organization_id ON documents (organization_id);
CREATE INDEX idx_documents_created_by ON documents (created_by);
CREATE INDEX idx_documents_content_hash ON documents (content_hash);

CREATE TRIGGER trg_documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE document_chunks (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id  UUID        NOT NULL,
    chunk_index  INTEGER     NOT NULL,
    content      TEXT        NOT NULL,
    section      VARCHAR(200),
    start_offset INTEGER,
    end_offset   INTEGER,
    token_count  INTEGER,
    embedding    REAL[],
    metadata     JSONB       NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_document_chunks_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT uq_document_chunks_index UNIQUE (document_id, chunk_index),
    CONSTRAINT chk_document_chunks_index CHECK (chunk_index >= 0),
    CONSTRAINT chk_document_chunks_offsets CHECK (start_offset >= 0 AND end_offset >= start_offset),
    CONSTRAINT chk_document_chunks_embedding_dimensions
        CHECK (embedding IS NULL OR cardinality(embedding) BETWEEN 1 AND 4096)
);

CREATE INDEX idx_chunks_content_gin ON document_chunks USING gin (to_tsvector('english', content));
