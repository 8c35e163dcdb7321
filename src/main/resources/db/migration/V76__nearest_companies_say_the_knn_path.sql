-- covenant_nearest_companies (V70) again, with a third column: common says the probe found more than 3,000 similar
-- names (the KNN path), so the page answers its total as "at least the rows found" (Companies.list) without walking
-- the index a second time. The probe still counts every live name, not only the caller's: scoped by
-- covenant_can_see, the access rule on each of 3,000 candidates cost the fuzzy name page more than the count it
-- saved (WebPagesBenchmark, page p50 102 ms at 4.2x the raw KNN query). Both paths return the names in similarity
-- order, so the probe decides only ties and time, never which rows or in what order of similarity.
DROP FUNCTION covenant_nearest_companies(TEXT, INT);

CREATE FUNCTION covenant_nearest_companies(p_name TEXT, p_limit INT)
RETURNS TABLE (id UUID, similarity REAL, common BOOLEAN)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    found BIGINT;
BEGIN
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM companies c WHERE c.name %% %L AND c.deleted_at IS NULL'
                   ' LIMIT 3001) few', p_name) INTO found;
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
