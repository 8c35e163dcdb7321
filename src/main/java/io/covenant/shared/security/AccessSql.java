package io.covenant.shared.security;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The access rule as a SQL predicate over a table alias, so that lists and lookups never fetch a row the caller may
 * not see. Bind the caller with {@link #bind(StatementSpec, Caller)}.
 */
public final class AccessSql {

    private AccessSql() {}

    public static String visible(String alias) {
        return "(" + alias + ".access_level = 'system'" + " OR (" + alias + ".access_level = 'personal' AND " + alias
                + ".created_by = :caller_id)" + " OR (" + alias + ".access_level = 'organization' AND " + alias
                + ".organization_id = :caller_org)" + " OR :caller_super)";
    }

    /**
     * Always true, and the predicate of the list indexes only a super_admin's branch may use (V41, V42): no narrower
     * branch implies it, so the planner never reads every row of a table for a branch that has an index of its own.
     * Written over {@code coalesce}, which is not strict: {@code organization_id = :org} implies
     * {@code organization_id IS NOT NULL}, and so would imply a plain null test (an organisation's page once walked
     * another organisation's batch through the super_admin's index).
     */
    static final String EVERY_OWNER = "(coalesce(%1$s.organization_id, %1$s.created_by) IS NULL"
            + " OR coalesce(%1$s.organization_id, %1$s.created_by) IS NOT NULL)";

    /**
     * The access rule split into the branches a caller sees, each made of plain column comparisons with bound values
     * that the planner can estimate and match to one partial index: system rows, the caller's personal rows, its
     * organisation's rows; one unrestricted branch for a super_admin. A list reads each branch in index order and
     * merges them, so its cost follows the page, not the table; the row-level security policy still applies.
     */
    public static List<String> branches(String alias, Caller caller) {
        if (caller.isSuperAdmin()) {
            return List.of(EVERY_OWNER.formatted(alias));
        }
        List<String> branches = new ArrayList<>();
        branches.add(alias + ".access_level = 'system'");
        branches.add(alias + ".access_level = 'personal' AND " + alias + ".created_by = :caller_id");
        if (caller.organizationId() != null) {
            branches.add(alias + ".access_level = 'organization' AND " + alias + ".organization_id = :caller_org");
        }
        return branches;
    }

    /** The caller's values for {@link #visible} and {@link #branches}, as named parameters. */
    public static Map<String, Object> params(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        params.put("caller_id", caller.userId());
        params.put("caller_org", new SqlParameterValue(Types.OTHER, caller.organizationId()));
        params.put("caller_super", caller.isSuperAdmin());
        return params;
    }

    public static StatementSpec bind(StatementSpec spec, Caller caller) {
        return spec.param("caller_id", caller.userId())
                .param("caller_org", caller.organizationId(), Types.OTHER)
                .param("caller_super", caller.isSuperAdmin());
    }
}
