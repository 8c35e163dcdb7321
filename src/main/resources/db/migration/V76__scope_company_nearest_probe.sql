-- covenant_nearest_companies (V70) again, with two changes; docs/schema.md explains both.
-- 1. The probe that picks the path counts only the names the caller may see (covenant_can_see, as the ranking does).
--    It counted every live name, so whether another organisation's names share a word decided the order of the
--    caller's page, and its count could not serve as the caller's total.
-- 2. A third column, common, says the probe found more than 3,000 visible similar names (the KNN path): the page's
--    capped total is then known without walking the index again (CompanyRepository, Companies.list).
DROP FUNCTION covenant_nearest_companies(TEXT, INT);

CREATE FUNCTION covenant_nearest_companies(p_name TEXT, p_limit INT)
RETURNS TABLE (id UUID, similarity REAL, common BOOLEAN)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    found BIGINT;
BEGIN
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM companies c WHERE c.name %% %L AND c.deleted_at IS NULL'
                   ' AND covenant_can_see(c.access_level, c.organization_id, c.created_by) LIMIT 3001) few', p_name)
        INTO found;
    IF found <= 3000 THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), FALSE FROM companies c
            WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit;
        RETURN;
    END IF;
    RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE FROM companies c
        WHERE c.name % p_name AND c.deleted_at IS NULL
          AND (coalesce(c.organization_id, c.created_by) IS NULL OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
          AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
        ORDER BY c.name <-> p_name LIMIT p_limit;
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found < p_limit THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE FROM companies c
            WHERE c.name ILIKE '%' || p_name || '%' AND NOT c.name % p_name AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit - found;
    END IF;
END $$;
