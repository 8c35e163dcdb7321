-- covenant_search_companies (V45) returning each match's created_at beside its id. A text search's default page is
-- the newest matches: its outer query joined every visible match to companies (through the policy) and sorted them
-- all to keep 50, a primary-key probe per match (4,000 buffers for the 1,000 companies a rare word finds among 1M,
-- DataScaleBenchmark). Ordered by the created_at the function returns, the outer query joins the matches in that order
-- and stops after the page (CompanyRepository.listQuery). The function reads created_at from the rows it already reads
-- for the access rule, so the value is the row's own and the order is the same.
DROP FUNCTION covenant_search_companies(TEXT, TEXT);

CREATE FUNCTION covenant_search_companies(p_name TEXT, p_query TEXT)
RETURNS TABLE (id UUID, similarity REAL, created_at TIMESTAMPTZ)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
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
END $$;
