package io.covenant.identity;

import io.covenant.shared.jdbc.Table;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code organizations} and {@code tenants}. */
@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    private final Table<OrganizationView> organizations;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.organizations = new Table<>(jdbc, "organizations", """
			id, name, domain, description, industry, size_category, is_active, tenant_id, join_enabled, default_role,
			allowed_email_domains, allowed_emails, max_users, created_at, updated_at""", OrganizationRepository::map);
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
                .query(OrganizationRepository::map)
                .list();
    }

    OrganizationView insert(OrganizationCommand c, UUID tenantId, String joinTokenHash) {
        return jdbc.sql("""
				INSERT INTO organizations (name, domain, description, industry, size_category, tenant_id, join_enabled,
				  join_token_hash, default_role, allowed_email_domains, allowed_emails, max_users)
				VALUES (:name, :domain, :description, :industry, :size, :tenant, :join, :hash, :role, :domains, :emails, :max)
				RETURNING\s""" + organizations.columns())
                .params(params(
                        c,
                        Map.of(
                                "tenant",
                                new SqlParameterValue(Types.OTHER, tenantId),
                                "hash",
                                new SqlParameterValue(Types.VARCHAR, joinTokenHash))))
                .query(OrganizationRepository::map)
                .single();
    }

    OrganizationView update(UUID id, OrganizationCommand c) {
        return jdbc.sql("""
				UPDATE organizations SET name = :name, domain = :domain, description = :description, industry = :industry,
				  size_category = :size, join_enabled = :join, default_role = :role, allowed_email_domains = :domains,
				  allowed_emails = :emails, max_users = :max
				WHERE id = :id RETURNING\s""" + organizations.columns())
                .params(params(c, Map.of("id", id)))
                .query(OrganizationRepository::map)
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

    private static Map<String, Object> params(OrganizationCommand c, Map<String, Object> more) {
        var map = new HashMap<String, Object>(more);
        map.put("name", c.name());
        map.put("domain", c.domain());
        map.put("description", c.description());
        map.put("industry", c.industry());
        map.put("size", c.sizeCategory());
        map.put("join", c.joinEnabled() != null && c.joinEnabled());
        map.put("role", c.defaultRole() == null ? "org_member" : c.defaultRole());
        map.put("domains", lower(c.allowedEmailDomains()));
        map.put("emails", lower(c.allowedEmails()));
        map.put("max", c.maxUsers());
        return map;
    }

    private static String[] lower(List<String> values) {
        return values == null
                ? new String[0]
                : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    static OrganizationView map(ResultSet rs, int row) throws SQLException {
        return new OrganizationView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("domain"),
                rs.getString("description"),
                rs.getString("industry"),
                rs.getString("size_category"),
                rs.getBoolean("is_active"),
                rs.getObject("tenant_id", UUID.class),
                rs.getBoolean("join_enabled"),
                rs.getString("default_role"),
                strings(rs.getArray("allowed_email_domains")),
                strings(rs.getArray("allowed_emails")),
                (Integer) rs.getObject("max_users"),
                null,
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
