-- The filing lists' keyset is (filing_date, id), newest first. The seed's indexes stop at filing_date, and an import
-- writes many filings of one date, so a page past the first read every filing of the date its cursor points into.
-- Both keep the seed's names and leading columns and end in id. Across companies the list walks idx_filing_date
-- backwards (live filings only, the list's own condition) and keeps the filings of companies the caller sees; one
-- company's list (and the latest filings of each company of a page) read idx_filing_company, which also serves the
-- cascade from companies and the lookups by company, so it stays whole (not partial on deleted_at).
DROP INDEX idx_filing_date;
CREATE INDEX idx_filing_date ON sec_filings (filing_date, id) WHERE deleted_at IS NULL;
DROP INDEX idx_filing_company;
CREATE INDEX idx_filing_company ON sec_filings (company_id, filing_date, id);
