package io.covenant.identity;

import io.covenant.shared.audit.AuditAction;
import io.covenant.shared.audit.Audited;
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
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: registration, verification, sign-in, token refresh, sign-out, password change and deactivation. */
@Service
@RequiredArgsConstructor
public class Accounts {

    private final UserChanges changes;

    private final TokenIssuer tokens;

    private final Passwords passwords;

    private final LoginThrottle throttle;

    private final IdentityProperties properties;

    private final ApiKeyRepository keys;

    @Transactional
    public Registration register(String email, String password, String firstName, String lastName) {
        String hash = passwords.hash(password, email);
        UserRow user = changes.users().insert(email.trim(), hash, Role.USER, firstName, lastName, false);
        String token = Secrets.random(32);
        changes.users()
                .addVerification(
                        user.id(),
                        Secrets.hash(token),
                        OffsetDateTime.now(ZoneOffset.UTC).plus(properties.verificationTtl()));
        changes.publish(new Audited(
                "user.registered",
                "user",
                user.id(),
                AuditAction.CREATE,
                null,
                user.audited(),
                null,
                user.id(),
                Map.of()));
        return new Registration(changes.view(user), properties.returnVerificationToken() ? token : null);
    }

    @Transactional
    public UserView verify(String token) {
        UUID userId = changes.users()
                .useVerification(Secrets.hash(token))
                .orElseThrow(() -> InvalidInput.of("token", "is unknown, used or expired"));
        UserRow before = changes.users().findById(userId).orElseThrow();
        changes.users().markVerified(userId);
        UserRow after = changes.users().findById(userId).orElseThrow();
        changes.publish(new Audited(
                "user.verified",
                "user",
                userId,
                AuditAction.UPDATE,
                before.audited(),
                after.audited(),
                after.organizationId(),
                userId,
                Map.of()));
        return changes.view(after);
    }

    /**
     * Signs in. A failure is audited in a transaction of its own, so the record survives the rejection.
     */
    @Transactional(noRollbackFor = {AuthenticationFailed.class, AuthenticationFailed.Throttled.class})
    public Tokens login(String email, String password, ClientInfo client) {
        throttle.checkAllowed(email, client.ip());
        var user = changes.users().findByEmail(email == null ? "" : email.trim());
        boolean matches = passwords.matchesOrDecoy(password, user.map(UserRow::passwordHash));
        if (user.isEmpty() || !matches || !user.get().isActive()) {
            changes.publish(Audited.authentication(
                    AuditAction.FAILED_LOGIN,
                    user.map(UserRow::id).orElse(null),
                    user.map(UserRow::organizationId).orElse(null),
                    Map.of("email", String.valueOf(email))));
            throttle.recordFailure(email, client.ip());
            throw AuthenticationFailed.badCredentials();
        }
        throttle.succeeded(email, client.ip());
        changes.users().recordLogin(user.get().id());
        changes.publish(Audited.authentication(
                AuditAction.LOGIN, user.get().id(), user.get().organizationId(), Map.of()));
        return tokens.issue(user.get(), permissionsOf(user.get()), UUID.randomUUID(), client);
    }

    /** Rotates a refresh token; presenting one that was already rotated revokes its whole session. */
    @Transactional(noRollbackFor = AuthenticationFailed.class)
    public Tokens refresh(String refreshToken, ClientInfo client) {
        var rotated = tokens.rotate(refreshToken);
        UserRow user = changes.users()
                .findById(rotated.userId())
                .filter(UserRow::isActive)
                .orElseThrow(AuthenticationFailed::refreshTokenInvalid);
        return tokens.issue(user, permissionsOf(user), rotated.familyId(), client);
    }

    @Transactional
    public void logout(Caller caller, String refreshToken) {
        tokens.signOut(caller.userId(), refreshToken);
        changes.publish(Audited.authentication(AuditAction.LOGOUT, caller.userId(), caller.organizationId(), Map.of()));
    }

    @Transactional
    public void changePassword(Caller caller, String currentPassword, String newPassword) {
        UserRow user =
                changes.users().findById(caller.userId()).orElseThrow(() -> new NotFound("User", caller.userId()));
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw AuthenticationFailed.wrongCurrentPassword();
        }
        changes.users().updatePassword(user.id(), passwords.hash(newPassword, user.email()));
        tokens.revokeAll(user.id());
        changes.publish(new Audited(
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
        UserRow user = changes.users().findById(userId).orElseThrow(() -> new NotFound("User", userId));
        if (!caller.userId().equals(userId)) {
            changes.policy().requireMayChange(caller, user);
        }
        changes.users().deactivate(userId);
        tokens.revokeAll(userId);
        keys.revokeAllOf(userId);
        UserRow after = changes.users().findById(userId).orElseThrow();
        changes.publish(Audited.updated("user", userId, user.audited(), after.audited(), user.organizationId()));
        return changes.view(after);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public UserView me(Caller caller) {
        UserRow user =
                changes.users().findById(caller.userId()).orElseThrow(() -> new NotFound("User", caller.userId()));
        return changes.view(user);
    }

    /**
     * The caller a background job acts as for the user who started it: the account as it is now (none once it is
     * deactivated), holding no permission beyond those the starting request carried.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<Caller> actingAs(UUID userId, Set<String> startedWith) {
        return changes.users().findById(userId).filter(UserRow::isActive).map(user -> {
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
        return RolePermissions.of(user.role(), changes.users().grants(user.id()));
    }

    /** A new account, and its verification token when the deployment hands it back instead of mailing it. */
    public record Registration(UserView user, String verificationToken) {}
}
