package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fine-grained grants on top of roles: an administrator gives or takes a permission it holds itself, to people
 * within its reach (an org_admin its organisation's members, a tenant_admin its tenant's, a super_admin anyone).
 */
@Service
public class Permissions {

    private final UserRepository users;

    private final ApplicationEventPublisher events;

    private final AccountChangePolicy policy;

    Permissions(UserRepository users, ApplicationEventPublisher events, AccountChangePolicy policy) {
        this.users = users;
        this.events = events;
        this.policy = policy;
    }

    @Transactional
    public UserView grant(Caller caller, UUID userId, Permission permission) {
        UserRow user = target(caller, userId, permission);
        Set<String> before = users.grants(userId);
        users.grant(userId, permission.wireName(), caller.userId());
        return changed(user, before);
    }

    @Transactional
    public UserView revoke(Caller caller, UUID userId, Permission permission) {
        UserRow user = target(caller, userId, permission);
        Set<String> before = users.grants(userId);
        users.revoke(userId, permission.wireName());
        return changed(user, before);
    }

    private UserRow target(Caller caller, UUID userId, Permission permission) {
        UserRow user = users.findById(userId).orElseThrow(() -> new NotFound("User", userId));
        policy.requireMayChange(caller, user);
        policy.requireMayGrant(caller, permission);
        return user;
    }

    private UserView changed(UserRow user, Set<String> before) {
        Set<String> after = users.grants(user.id());
        events.publishEvent(Audited.updated(
                "user_permissions",
                user.id(),
                Map.of("grants", new TreeSet<>(before)),
                Map.of("grants", new TreeSet<>(after)),
                user.organizationId()));
        return UserView.of(user, RolePermissions.of(user.role(), after));
    }
}
