-- Tells every node's cache which rows of a cached table changed: one notification per statement on the
-- covenant_cache channel, 'table:id,id,...', or 'table:*' when too many rows changed to list within NOTIFY's 8000
-- byte payload. PostgreSQL sends it at commit, and not at all on rollback.
CREATE FUNCTION notify_cache_change() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
    ids TEXT;
    changed INTEGER;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*), string_agg(DISTINCT id::text, ',') INTO changed, ids FROM old_rows;
    ELSE
        SELECT count(*), string_agg(DISTINCT id::text, ',') INTO changed, ids FROM new_rows;
    END IF;
    IF changed = 0 THEN
        RETURN NULL;
    END IF;
    IF changed > 150 THEN
        ids := '*';
    END IF;
    PERFORM pg_notify('covenant_cache', TG_TABLE_NAME || ':' || ids);
    RETURN NULL;
END;
$$;

-- No insert trigger: a row that did not exist was never cached (misses are not kept).
CREATE TRIGGER trg_companies_cache_update AFTER UPDATE ON companies
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change();
CREATE TRIGGER trg_companies_cache_delete AFTER DELETE ON companies
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_cache_change();
