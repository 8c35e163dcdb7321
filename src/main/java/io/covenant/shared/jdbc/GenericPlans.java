package io.covenant.shared.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generic plans for the rest of the current transaction. The company and prediction lists are unions of access
 * branches over tables of about 30 indexes: at 1M companies one took 1.6-1.9 ms to plan and 0.3-0.4 ms to run, and
 * under PostgreSQL's default ({@code plan_cache_mode = auto}) a prepared list statement was planned anew on every
 * call for a small organisation's callers, whose own estimates (a branch of a hundred rows) beat the generic plan's
 * (an average organisation), so their lists grew x2-x4 between 100k and 1M companies with the same plan
 * (docs/schema.md, "Generic plans"). Their plans are index order and a limit per branch whatever the values bound.
 * Other lists keep PostgreSQL's default: their statements carry only the filters of the request ({@link Filters}),
 * and none was measured planning on every call.
 */
public final class GenericPlans {

    private GenericPlans() {}

    /** Must run inside the transaction whose statements it is for; {@code SET LOCAL} ends with it. */
    public static void forThisTransaction(JdbcClient jdbc) {
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
    }
}
