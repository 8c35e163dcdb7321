package io.covenant.shared.jdbc;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** A statement built for its filters and caller, with its named parameters: run by a repository, EXPLAINed by tests. */
public record SqlQuery(String sql, Map<String, Object> params) {

    public SqlQuery {
        params = Collections.unmodifiableMap(new HashMap<>(params));
    }
}
