package io.covenant.identity;

import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.concurrent.DaemonThreads;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration, verification, sign-in, token refresh, sign-out, password change and deactivation. */
@Service
public class Accounts {

    /** Hash of a throwaway password, compared against when the account does not exist, so timing reveals nothing. */
    /**
     * A hash that an unknown email's password is checked against, so that its refusal takes as long as a wrong
     * password's. Argon2 is slow by design: it is made in the background instead of on the start-up path.
     */
    private final CompletableFuture<String> decoyHash;

    private final UserRepository users;

    private final SessionRepository sessions;

    private final TokenIssuer tokens;

    private final PasswordEncoder passwords;

    private final LoginThrottle throttle;

    private final ApplicationEventPublisher events;

    private final IdentityProperties properties;

    private final JdbcClient jdbc;

    private final AccountChangePolicy policy;

    Accounts(
            UserRepository users,
            SessionRepository sessions,
            TokenIssuer tokens,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            IdentityProperties properties,
            JdbcClient jdbc,
            AccountChangePolicy policy) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.properties = properties;
        this.jdbc = jdbc;
        this.policy = policy;
        this.decoyHash = CompletableFuture.supplyAsync(
                () -> passwords.encode(Secrets.random(16)),
                task -> DaemonThreads.named("decoy-hash").newThread(task).start());
    }

    @Transactional
    public Registration register(String email, String password, String firstName, String lastName) {
        PasswordPolicy.check(password, email);
        UserRow user = users.insert(
                email.trim(), passwords.encode(password), Role.USER, firstName, lastName, false);
        String token = Secrets.random(32);
        jdbc.sql("INSERT INTO email_verifications (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
                .param("hash", Secrets.hash(token))
                .param("user", user.id())
                .param("expires", OffsetDateTime.now(ZoneOffset.UTC).plus(properties.verificationTtl()))
                .update();
        events.publishEvent(new Audited(
                "user.registered",
                "user",
                user.id(),
                AuditAction.CREATE,
                null,
                user.audited(),
                null,
                user.id(),
                Map.of()));
        return new Registration(
                UserView.of(user, permissionsOf(user)), properties.returnVerificationToken() ? token : null);
    }

    @Transactional
    public UserView verify(String token) {
        UUID userId = jdbc.sql("""
				UPDATE email_verifications SET used_at = now()
				WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now() RETURNING user_id""")
                .param("hash", Secrets.hash(token))
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> InvalidInput.of("token", "is unknown, used or expired"));
        UserRow before = users.findById(userId).orElseThrow();
        users.markVerified(userId);
        UserRow after = users.findById(userId).orElseThrow();
        events.publishEvent(new Audited(
                "user.verified",
                "user",
                userId,
                AuditAction.UPDATE,
                before.audited(),
                after.audited(),
                after.organizationId(),
                userId,
                Map.of()));
        return UserView.of(after, permissionsOf(after));
    }

    /**
     * Signs in. A failure is audited in a transaction of its own, so the record survives the rejection.
     */
    @Transactional(noRollbackFor = {AuthenticationFailed.class, AuthenticationFailed.Throttled.class})
    public Tokens login(String email, String password, ClientInfo client) {
        throttle.checkAllowed(email, client.ip());
        var user = users.findByEmail(email == null ? "" : email.trim());
        boolean matches = passwords.matches(
                password == null ? "" : password,
                user.map(UserRow::passwordHash).filter(h -> !h.equals("!")).orElseGet(decoyHash::join));
        if (user.isEmpty() || !matches || !user.get().active()) {
            events.publishEvent(Audited.authentication(
                    AuditAction.FAILED_LOGIN,
                    user.map(UserRow::id).orElse(null),
                    user.map(UserRow::organizationId).orElse(null),
                    Map.of("email", String.valueOf(email))));
            throttle.recordFailure(email, client.ip());
            throw AuthenticationFailed.badCredentials();
        }
        throttle.succeeded(email, client.ip());
        users.recordLogin(user.get().id());
        events.publishEvent(Audited.authentication(
                AuditAction.LOGIN, user.get().id(), user.get().organizationId(), Map.of()));
        return tokens.issue(user.get(), permissionsOf(user.get()), UUID.randomUUID(), client);
    }

    /** Rotates a refresh token; presenting one that was already rotated revokes its whole session. */
    @Transactional(noRollbackFor = AuthenticationFailed.class)
    public Tokens refresh(String refreshToken, ClientInfo client) {
        String hash = Secrets.hash(refreshToken == null ? "" : refreshToken);
        var rotated = sessions.rotate(hash);
        if (rotated.isEmpty()) {
            var family = sessions.familyOfRotated(hash);
            if (family.isPresent()) {
                sessions.revokeFamily(family.get());
                throw AuthenticationFailed.refreshTokenReused();
            }
            throw AuthenticationFailed.refreshTokenInvalid();
        }
        UserRow user = users.findById(rotated.get().userId())
                .filter(UserRow::active)
                .orElseThrow(AuthenticationFailed::refreshTokenInvalid);
        return tokens.issue(user, permissionsOf(user), rotated.get().familyId(), client);
    }

    @Transactional
    public void logout(Caller caller, String refreshToken) {
        if (refreshToken != null && !refreshToken.isBlank()) {
            sessions.findLive(Secrets.hash(refreshToken))
                    .filter(s -> s.userId().equals(caller.userId()))
                    .ifPresent(s -> sessions.revokeFamily(s.familyId()));
        } else {
            sessions.revokeAll(caller.userId());
        }
        events.publishEvent(
                Audited.authentication(AuditAction.LOGOUT, caller.userId(), caller.organizationId(), Map.of()));
    }

    @Transactional
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        UserRow user = users.findById(caller.userId()).orElseThrow(() -> new NotFound("User", caller.userId()));
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw AuthenticationFailed.wrongCurrentPassword();
        }
        PasswordPolicy.check(newPassword, user.email());
        users.updatePassword(user.id(), passwords.encode(newPassword));
        sessions.revokeAll(user.id());
        events.publishEvent(new Audited(
                "user.password_changed",
                "user",
                user.id(),
                AuditAction.UPDATE,
                Map.of("password", "[changed]"),
                Map.of("password", "[changed]"),
                user.organizationId(),
                null,
                Map.of()));
    }

    /** Deactivates an account: the person themself, or an administrator above it within its reach. */
    @Transactional
    public UserView deactivate(Caller caller, UUID userId) {
        UserRow user = users.findById(userId).orElseThrow(() -> new NotFound("User", userId));
        if (!caller.userId().equals(userId)) {
            policy.requireMayChange(caller, user);
        }
        users.deactivate(userId);
        sessions.revokeAll(userId);
        jdbc.sql("UPDATE api_keys SET is_active = FALSE, revoked_at = now() WHERE user_id = :id AND revoked_at IS NULL")
                .param("id", userId)
                .update();
        UserRow after = users.findById(userId).orElseThrow();
        events.publishEvent(Audited.updated("user", userId, user.audited(), after.audited(), user.organizationId()));
        return UserView.of(after, permissionsOf(after));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public UserView me(Caller caller) {
        UserRow user = users.findById(caller.userId()).orElseThrow(() -> new NotFound("User", caller.userId()));
        return UserView.of(user, permissionsOf(user));
    }

    /**
     * The caller a background job acts as for the user who started it: the account as it is now (none once it is
     * deactivated), holding no permission beyond those the starting request carried.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Caller> actingAs(UUID userId, Set<String> startedWith) {
        return users.findById(userId).filter(UserRow::active).map(user -> {
            Set<String> permissions = new TreeSet<>(permissionsOf(user));
            permissions.retainAll(startedWith);
            return new Caller(
                    user.id(),
                    user.organizationId(),
                    user.tenantId(),
                    user.role(),
                    permissions,
                    !permissions.containsAll(permissionsOf(user)));
        });
    }

    Set<String> permissionsOf(UserRow user) {
        return RolePermissions.of(user.role(), users.grants(user.id()));
    }

    /** A new account, and its verification token when the deployment hands it back instead of mailing it. */
    public record Registration(UserView user, String verificationToken) {}
}
