package io.covenant.shared.security;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The access rule as a SQL predicate over a table alias, so that lists and lookups never fetch a row the caller may
 * not see. Bind the caller with {@link #bind(StatementSpec, Caller)}.
 */
public final class AccessSql {

	private AccessSql() {
	}

	public static String visible(String alias) {
		return "(" + alias + ".access_level = 'system'" + " OR (" + alias + ".access_level = 'personal' AND " + alias
				+ ".created_by = :caller_id)" + " OR (" + alias + ".access_level = 'organization' AND " + alias
				+ ".organization_id = :caller_org)" + " OR :caller_super)";
	}

	public static StatementSpec bind(StatementSpec spec, Caller caller) {
		return spec.param("caller_id", caller.userId())
			.param("caller_org", caller.organizationId(), java.sql.Types.OTHER)
			.param("caller_super", caller.isSuperAdmin());
	}

}
