-- What deleting rows would remove through ON DELETE CASCADE, table by table, following the foreign keys of the
-- catalog (so a new cascading table is counted without a change here). p_rows is a query returning the rows to be
-- deleted from p_table. Both run with the owner's rights: cascades ignore row-level security, and so must the count.

-- Every cascade path that reaches at least one row: the table and a query for the rows it would lose that way.
CREATE FUNCTION cascade_paths(p_table REGCLASS, p_rows TEXT, p_depth INTEGER DEFAULT 0)
RETURNS TABLE (table_name TEXT, rows_query TEXT)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    fk         RECORD;
    child_rows TEXT;
    found_one  BOOLEAN;
BEGIN
    IF p_depth > 6 THEN
        RETURN;
    END IF;
    FOR fk IN
        SELECT c.conrelid::regclass AS child, a.attname AS child_column, pa.attname AS parent_column
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
        -- conparentid = 0: a partition's copy of its parent's key is counted through the parent.
        WHERE c.contype = 'f' AND c.confdeltype = 'c' AND c.confrelid = p_table AND c.conparentid = 0
          AND array_length(c.conkey, 1) = 1
        ORDER BY 1::text
    LOOP
        child_rows := format('SELECT c.*, c.tableoid AS cascade_oid, c.ctid AS cascade_ctid FROM %s c'
                             ' WHERE c.%I IN (SELECT p.%I FROM (%s) p)',
                             fk.child, fk.child_column, fk.parent_column, p_rows);
        EXECUTE format('SELECT EXISTS (%s)', child_rows) INTO found_one;
        IF found_one THEN
            table_name := fk.child::text;
            rows_query := child_rows;
            RETURN NEXT;
            RETURN QUERY SELECT * FROM cascade_paths(fk.child, child_rows, p_depth + 1);
        END IF;
    END LOOP;
END;
$$;

-- Rows per table, each row once even when several paths reach it.
CREATE FUNCTION cascade_counts(p_table REGCLASS, p_rows TEXT)
RETURNS TABLE (table_name TEXT, row_count BIGINT)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    target RECORD;
BEGIN
    FOR target IN
        SELECT p.table_name AS name,
               string_agg(format('SELECT cascade_oid, cascade_ctid FROM (%s) r', p.rows_query), ' UNION ') AS rows_union
        FROM cascade_paths(p_table, p_rows) p
        GROUP BY p.table_name
        ORDER BY p.table_name
    LOOP
        table_name := target.name;
        EXECUTE format('SELECT count(*) FROM (%s) u', target.rows_union) INTO row_count;
        RETURN NEXT;
    END LOOP;
END;
$$;
