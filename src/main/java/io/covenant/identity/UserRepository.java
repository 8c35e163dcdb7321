package io.covenant.identity;

import io.covenant.shared.jdbc.Table;
import io.covenant.shared.security.Role;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code users} and their permission grants. */
@Repository
class UserRepository {

    private static final String COLUMNS = """
			id, email, password_hash, role, organization_id, tenant_id, first_name, last_name, phone, is_verified,
			is_active, last_login, created_at, updated_at, security_version""";

    private final JdbcClient jdbc;

    private final Table<UserRow> users;

    private final AccountVersions versions;

    UserRepository(JdbcClient jdbc, AccountVersions versions) {
        this.jdbc = jdbc;
        this.users = new Table<>(jdbc, "users", COLUMNS, UserRow.class);
        this.versions = versions;
    }

    Optional<UserRow> findByEmail(String email) {
        return users.find("lower(email) = lower(:value)", email);
    }

    Optional<UserRow> findById(UUID id) {
        return users.find("id = :value", id);
    }

    /** A new account belongs to no organisation; joining or being added gives it one ({@link #updateMembership}). */
    UserRow insert(String email, String passwordHash, Role role, String firstName, String lastName, boolean verified) {
        return jdbc.sql("""
				INSERT INTO users (email, password_hash, role, first_name, last_name, is_verified)
				VALUES (:email, :hash, :role, :first, :last, :verified)
				RETURNING\s""" + users.columns())
                .param("email", email.toLowerCase(Locale.ROOT))
                .param("hash", passwordHash)
                .param("role", role.value())
                .param("first", firstName)
                .param("last", lastName)
                .param("verified", verified)
                .query(users.mapper())
                .single();
    }

    /** Keeps the hash of a one-time email verification token of the account. */
    void addVerification(UUID userId, String tokenHash, OffsetDateTime expiresAt) {
        jdbc.sql("INSERT INTO email_verifications (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                .param("hash", tokenHash)
                .param("user", userId)
                .param("expires", expiresAt)
                .update();
    }

    /** Uses up a live verification token; its account, or empty when the token is unknown, used or expired. */
    Optional<UUID> useVerification(String tokenHash) {
        return jdbc.sql("""
				UPDATE email_verifications SET used_at = now()
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now() RETURNING user_id""").param("hash", tokenHash).query(UUID.class).optional();
    }

    void recordLogin(UUID id) {
        jdbc.sql("UPDATE users SET last_login = now() WHERE id = :id")
                .param("id", id)
                .update();
    }

    void updatePassword(UUID id, String hash) {
        versions.forgetAfterCommit(id);
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("hash", hash)
                .param("id", id)
                .update();
    }

    void markVerified(UUID id) {
        jdbc.sql("UPDATE users SET is_verified = TRUE WHERE id = :id")
                .param("id", id)
                .update();
    }

    void deactivate(UUID id) {
        versions.forgetAfterCommit(id);
        jdbc.sql("UPDATE users SET is_active = FALSE WHERE id = :id")
                .param("id", id)
                .update();
    }

    UserRow updateMembership(UUID id, UUID organizationId, Role role, UUID tenantId) {
        versions.forgetAfterCommit(id);
        return jdbc.sql(
                        "UPDATE users SET organization_id = :org, role = :role, tenant_id = :tenant WHERE id = :id RETURNING "
                                + users.columns())
                .param("org", organizationId, Types.OTHER)
                .param("role", role.value())
                .param("tenant", tenantId, Types.OTHER)
                .param("id", id)
                .query(users.mapper())
                .single();
    }

    /** For changes made by cascades rather than by this repository, such as deleting the account's organisation. */
    void forgetAfterCommit(UUID id) {
        versions.forgetAfterCommit(id);
    }

    List<UserRow> members(UUID organizationId) {
        return users.list("organization_id = :value ORDER BY email", organizationId);
    }

    long countMembers(UUID organizationId) {
        return jdbc.sql("SELECT count(*) FROM users WHERE organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    boolean anySuperAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'super_admin')")
                .query(Boolean.class)
                .single();
    }

    Set<String> grants(UUID userId) {
        return Set.copyOf(jdbc.sql("""
				SELECT p.name FROM user_permissions up JOIN permissions p ON p.id = up.permission_id
				WHERE up.user_id = :id""").param("id", userId).query(String.class).list());
    }

    int grant(UUID userId, String permission, UUID grantedBy) {
        versions.forgetAfterCommit(userId);
        return jdbc.sql("""
				INSERT INTO user_permissions (user_id, permission_id, granted_by)
				SELECT :user, id, :by FROM permissions WHERE name = :name
				ON CONFLICT DO NOTHING""")
                .param("user", userId)
                .param("by", grantedBy)
                .param("name", permission)
                .update();
    }

    int revoke(UUID userId, String permission) {
        versions.forgetAfterCommit(userId);
        return jdbc.sql("""
				DELETE FROM user_permissions
				WHERE user_id = :user AND permission_id = (SELECT id FROM permissions WHERE name = :name)""").param("user", userId).param("name", permission).update();
    }
}
