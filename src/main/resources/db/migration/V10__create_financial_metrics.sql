-- Native range partitioning by year stands in for the TimescaleDB hypertable of the intelligence document.
CREATE SEQUENCE financial_metrics_id_seq AS BIGINT;

CREATE TABLE financial_metrics (
    id               BIGINT           NOT NULL DEFAULT nextval('financial_metrics_id_seq'),
    company_id       UUID             NOT NULL,
    metric_date      TIMESTAMPTZ      NOT NULL,
    metric_type      VARCHAR(50)      NOT NULL,
    metric_category  VARCHAR(30),
    value            DOUBLE PRECISION NOT NULL,
    unit             VARCHAR(20),
    period_type      VARCHAR(20)      NOT NULL,
    fiscal_year      INTEGER,
    fiscal_quarter   VARCHAR(2),
    source           VARCHAR(50),
    source_filing_id UUID,
    confidence_score NUMERIC(5, 4),
    metadata         JSONB            NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMPTZ      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id, metric_date),
    CONSTRAINT uq_financial_metrics_point UNIQUE (company_id, metric_type, metric_date, period_type),
    CONSTRAINT fk_financial_metrics_company FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_financial_metrics_filing FOREIGN KEY (source_filing_id)
        REFERENCES sec_filings (id) ON DELETE SET NULL,
    CONSTRAINT chk_metric_type CHECK (metric_type IN (
        -- statement facts
        'revenue', 'cost_of_revenue', 'gross_profit', 'operating_income', 'ebit', 'ebitda', 'net_income',
        'interest_expense', 'depreciation_amortization', 'total_assets', 'total_liabilities', 'current_assets',
        'current_liabilities', 'inventory', 'accounts_receivable', 'cash', 'stockholders_equity', 'long_term_debt',
        'short_term_debt', 'operating_cash_flow', 'free_cash_flow', 'shares_outstanding', 'eps',
        -- the ratios stored by the prediction tables
        'current_ratio', 'quick_ratio', 'debt_to_equity', 'inventory_turnover', 'receivables_turnover',
        'working_capital_to_total_assets', 'long_term_debt_to_total_capital', 'total_debt_to_ebitda',
        'net_income_margin', 'ebit_to_interest_expense', 'return_on_assets',
        -- operating metrics of the intelligence document
        'mau', 'dau', 'arpu', 'cac', 'ltv', 'churn', 'nrr', 'paid_subscribers', 'enrollment', 'employees',
        'market_cap', 'stock_price')),
    CONSTRAINT chk_metric_category CHECK (metric_category IN ('financial', 'ratio', 'operational', 'market')),
    CONSTRAINT chk_period_type CHECK (period_type IN ('instant', 'daily', 'monthly', 'quarterly', 'annual', 'ttm')),
    CONSTRAINT chk_metric_fiscal_quarter CHECK (fiscal_quarter IN ('Q1', 'Q2', 'Q3', 'Q4')),
    CONSTRAINT chk_confidence_score CHECK (confidence_score >= 0 AND confidence_score <= 1),
    CONSTRAINT chk_metric_value_finite CHECK (value <> 'NaN' AND value <> 'Infinity' AND value <> '-Infinity')
) PARTITION BY RANGE (metric_date);

ALTER SEQUENCE financial_metrics_id_seq OWNED BY financial_metrics.id;

-- Rows outside every yearly partition land here until their year's partition is created.
CREATE TABLE financial_metrics_default PARTITION OF financial_metrics DEFAULT;

CREATE INDEX idx_metric_time ON financial_metrics (metric_date, metric_type);
CREATE INDEX idx_company_metric ON financial_metrics (company_id, metric_type, metric_date);
CREATE INDEX idx_financial_metrics_lookup ON financial_metrics (company_id, metric_type, metric_date DESC)
    INCLUDE (value, unit);
CREATE INDEX idx_financial_metrics_filing ON financial_metrics (source_filing_id)
    WHERE source_filing_id IS NOT NULL;

CREATE TRIGGER trg_financial_metrics_updated_at BEFORE UPDATE ON financial_metrics
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Creates the partition of one calendar year (UTC), moving any of that year's rows out of the default partition.
CREATE FUNCTION ensure_financial_metrics_partition(p_year INTEGER) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
    part_name TEXT        := format('financial_metrics_y%s', p_year);
    lower_ts  TIMESTAMPTZ := make_timestamptz(p_year, 1, 1, 0, 0, 0, 'UTC');
    upper_ts  TIMESTAMPTZ := make_timestamptz(p_year + 1, 1, 1, 0, 0, 0, 'UTC');
BEGIN
    IF p_year < 1900 OR p_year > 2999 THEN
        RAISE EXCEPTION 'partition year % out of range', p_year;
    END IF;
    IF to_regclass(part_name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    -- Serialise concurrent creators; the second one finds the partition and returns.
    PERFORM pg_advisory_xact_lock(hashtext('financial_metrics_partitions'));
    IF to_regclass(part_name) IS NOT NULL THEN
        RETURN FALSE;
    END IF;
    CREATE TEMP TABLE financial_metrics_moving ON COMMIT DROP AS
        WITH moved AS (
            DELETE FROM financial_metrics_default
            WHERE metric_date >= lower_ts AND metric_date < upper_ts
            RETURNING *)
        SELECT * FROM moved;
    EXECUTE format('CREATE TABLE %I PARTITION OF financial_metrics FOR VALUES FROM (%L) TO (%L)',
                   part_name, lower_ts, upper_ts);
    INSERT INTO financial_metrics SELECT * FROM financial_metrics_moving;
    DROP TABLE financial_metrics_moving;
    RETURN TRUE;
END;
$$;

CREATE FUNCTION ensure_financial_metrics_partitions(p_from_year INTEGER, p_to_year INTEGER) RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE
    created INTEGER := 0;
BEGIN
    FOR y IN p_from_year .. p_to_year LOOP
        IF ensure_financial_metrics_partition(y) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;

-- Detaches (does not drop) every yearly partition wholly before the given year, for retention; returns their names.
CREATE FUNCTION detach_financial_metrics_partitions_before(p_year INTEGER) RETURNS SETOF TEXT
LANGUAGE plpgsql AS $$
DECLARE
    part RECORD;
BEGIN
    FOR part IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'financial_metrics'::regclass
          AND c.relname ~ '^financial_metrics_y[0-9]{4}$'
          AND substring(c.relname FROM '[0-9]{4}$')::INTEGER < p_year
        ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE financial_metrics DETACH PARTITION %I', part.relname);
        RETURN NEXT part.relname;
    END LOOP;
END;
$$;

-- SEC XBRL data starts in 2009; earlier years arrive rarely and go through the default partition.
SELECT ensure_financial_metrics_partitions(2000, 2030);
