CREATE TABLE sec_filings (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id        UUID        NOT NULL,
    filing_type       VARCHAR(20) NOT NULL,
    filing_date       DATE        NOT NULL,
    period_of_report  DATE,
    accession_number  VARCHAR(25) NOT NULL,
    fiscal_year       INTEGER,
    fiscal_period     VARCHAR(3),
    filing_url        VARCHAR(500),
    document_url      VARCHAR(500),
    primary_document  VARCHAR(255),
    description       VARCHAR(500),
    is_xbrl           BOOLEAN     NOT NULL DEFAULT FALSE,
    processing_status VARCHAR(20) NOT NULL DEFAULT 'pending',
    processing_error  TEXT,
    parsed_data       JSONB       NOT NULL DEFAULT '{}',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at        TIMESTAMPTZ,
    CONSTRAINT fk_sec_filings_company FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    -- Accession numbers are globally unique at the SEC, which implies the document's (company_id, accession_number).
    CONSTRAINT uq_sec_filings_accession_number UNIQUE (accession_number),
    CONSTRAINT chk_accession_number_format CHECK (accession_number ~ '^[0-9]{10}-[0-9]{2}-[0-9]{6}$'),
    -- The document's five forms plus their amendments and the foreign-issuer equivalents EDGAR serves.
    CONSTRAINT chk_filing_type CHECK (filing_type IN (
        '10-K', '10-K/A', '10-KT', '10-Q', '10-Q/A', '8-K', '8-K/A', 'S-1', 'S-1/A', 'DEF 14A',
        '20-F', '20-F/A', '40-F', '6-K', '424B4')),
    CONSTRAINT chk_fiscal_period CHECK (fiscal_period IN ('FY', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2')),
    CONSTRAINT chk_sec_filings_processing_status
        CHECK (processing_status IN ('pending', 'processing', 'completed', 'failed'))
);

CREATE INDEX idx_filing_date ON sec_filings (filing_date);
CREATE INDEX idx_filing_type_date ON sec_filings (filing_type, filing_date);
CREATE INDEX idx_filing_company ON sec_filings (company_id, filing_date DESC);
CREATE INDEX idx_sec_filings_status ON sec_filings (processing_status, created_at DESC)
    WHERE processing_status <> 'completed';

CREATE TRIGGER trg_sec_filings_updated_at BEFORE UPDATE ON sec_filings
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
