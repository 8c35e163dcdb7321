package io.covenant.identity;

import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.jdbc.Table;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** SQL for {@code organizations} and {@code tenants}. */
@Repository
class OrganizationRepository {

    /** The join token is shown once, by the response that issues it; only its hash is stored. */
    private static final String COLUMNS = """
			id, name, domain, description, industry, size_category, is_active, tenant_id, join_enabled, default_role,
			allowed_email_domains, allowed_emails, max_users, NULL AS join_token, created_at, updated_at""";

    private final JdbcClient jdbc;

    private final Table<OrganizationView> organizations;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.organizations = new Table<>(jdbc, "organizations", COLUMNS, OrganizationView.class);
    }

    Optional<OrganizationView> findById(UUID id) {
        return organizations.find("id = :value", id);
    }

    Optional<OrganizationView> findByJoinToken(String tokenHash) {
        return organizations.find("join_token_hash = :value AND join_enabled AND is_active", tokenHash);
    }

    /** The organisations this caller may see, in name order. */
    List<OrganizationView> visibleTo(Caller caller, int limit, int offset) {
        return jdbc.sql("SELECT " + organizations.columns() + "\n" + """
				FROM organizations
				WHERE :super OR id = :org OR (:tenant_admin AND tenant_id = :tenant)
				ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("super", caller.isSuperAdmin())
                .param("org", caller.organizationId(), Types.OTHER)
                .param("tenant_admin", caller.role() == Role.TENANT_ADMIN)
                .param("tenant", caller.tenantId(), Types.OTHER)
                .param("limit", limit)
                .param("offset", offset)
                .query(organizations.mapper())
                .list();
    }

    OrganizationView insert(OrganizationCommand c, UUID tenantId, String joinTokenHash) {
        return bind(jdbc.sql("""
						INSERT INTO organizations (name, domain, description, industry, size_category, tenant_id,
						  join_enabled, join_token_hash, default_role, allowed_email_domains, allowed_emails, max_users)
						VALUES (:name, :domain, :description, :industry, :sizeCategory, :tenant, :joinEnabled, :hash,
						  :defaultRole, :allowedEmailDomains, :allowedEmails, :maxUsers)
						RETURNING\s""" + COLUMNS), c)
                .param("tenant", tenantId, Types.OTHER)
                .param("hash", joinTokenHash, Types.VARCHAR)
                .query(organizations.mapper())
                .single();
    }

    OrganizationView update(UUID id, OrganizationCommand c) {
        return bind(jdbc.sql("""
						UPDATE organizations SET name = :name, domain = :domain, description = :description,
						  industry = :industry, size_category = :sizeCategory, join_enabled = :joinEnabled,
						  default_role = :defaultRole, allowed_email_domains = :allowedEmailDomains,
						  allowed_emails = :allowedEmails, max_users = :maxUsers
						WHERE id = :id RETURNING\s""" + COLUMNS), c)
                .param("id", id)
                .query(organizations.mapper())
                .single();
    }

    void setJoinToken(UUID id, String hash) {
        jdbc.sql("UPDATE organizations SET join_token_hash = :hash, join_enabled = TRUE WHERE id = :id")
                .param("hash", hash)
                .param("id", id)
                .update();
    }

    /** What deleting the organisation would remove through ON DELETE CASCADE, rows per table. */
    Map<String, Long> cascadeCounts(UUID id) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT table_name, row_count FROM cascade_counts('organizations', :rows)")
                .param("rows", "SELECT * FROM organizations WHERE id = '" + id + "'")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM organizations WHERE id = :id").param("id", id).update();
    }

    UUID insertTenant(String name) {
        return jdbc.sql("INSERT INTO tenants (name) VALUES (:name) RETURNING id")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    boolean tenantExists(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenants WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** The command's settings by name: no join unless asked for, members join as org_member, e-mails in lower case. */
    private static StatementSpec bind(StatementSpec spec, OrganizationCommand c) {
        return spec.params(Rows.params(c))
                .param("joinEnabled", Boolean.TRUE.equals(c.joinEnabled()))
                .param("defaultRole", c.defaultRole() == null ? "org_member" : c.defaultRole())
                .param("allowedEmailDomains", lower(c.allowedEmailDomains()))
                .param("allowedEmails", lower(c.allowedEmails()));
    }

    private static String[] lower(List<String> values) {
        return values == null
                ? new String[0]
                : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }
}
