-- covenant_search_companies (V84) keeping the number of matches it returned, as covenant_nearest_companies keeps its
-- total (V83). A search page's capped total (CompanyRepository.count) called the function a second time and joined up
-- to 501 of its matches (3,011 buffers for the big organisation's q=quartz at 1M companies, more than the page
-- itself since V84). The function returns every match the caller sees, so the number of rows it returned is that
-- total: it keeps it in a transaction-local setting keyed by the caller's settings and its arguments, and
-- covenant_search_total gives it back to the page's total, which runs next in the same transaction (Companies.list),
-- when no other filter narrows the search. Anything else (no page before it, other arguments, another caller, another
-- transaction) finds no total kept and counts as before.
CREATE OR REPLACE FUNCTION covenant_search_companies(p_name TEXT, p_query TEXT)
RETURNS TABLE (id UUID, similarity REAL, created_at TIMESTAMPTZ)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
DECLARE
    found BIGINT;
BEGIN
    IF p_query IS NULL THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), c.created_at FROM companies c
            WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    ELSIF p_name IS NULL THEN
        RETURN QUERY SELECT c.id, 0::REAL, c.created_at FROM companies c
            WHERE to_tsvector('english', c.name || ' ' || coalesce(c.description, ''))
                  @@ websearch_to_tsquery('english', p_query)
              AND c.deleted_at IS NULL AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    ELSE
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), c.created_at FROM companies c
            WHERE to_tsvector('english', c.name || ' ' || coalesce(c.description, ''))
                  @@ websearch_to_tsquery('english', p_query)
              AND (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    END IF;
    GET DIAGNOSTICS found = ROW_COUNT;
    PERFORM set_config('covenant.search_total', found || ':' || covenant_search_key(p_name, p_query), TRUE);
END $$;

-- What covenant_search_companies keys its kept total by: the caller's settings and the arguments.
CREATE FUNCTION covenant_search_key(p_name TEXT, p_query TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT concat_ws('/', current_setting('covenant.user_id', true), current_setting('covenant.org_id', true),
                     current_setting('covenant.role', true), quote_nullable(p_name), quote_nullable(p_query))
$$;

-- The number of matches covenant_search_companies returned for these arguments to this caller earlier in this
-- transaction, or NULL.
CREATE FUNCTION covenant_search_total(p_name TEXT, p_query TEXT) RETURNS BIGINT
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN substr(kept, strpos(kept, ':') + 1) = covenant_search_key(p_name, p_query)
                THEN split_part(kept, ':', 1)::BIGINT END
    FROM (SELECT coalesce(current_setting('covenant.search_total', true), '') AS kept) k
$$;
