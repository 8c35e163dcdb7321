package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fine-grained grants on top of roles: an administrator gives or takes a permission it holds itself, to people
 * within its reach (an org_admin its organisation's members, a tenant_admin its tenant's, a super_admin anyone).
 */
@Service
@RequiredArgsConstructor
public class Permissions {

    private final UserChanges changes;

    @Transactional
    public UserView grant(Caller caller, UUID userId, Permission permission) {
        UserRow user = target(caller, userId, permission);
        Set<String> before = changes.users().grants(userId);
        changes.users().grant(userId, permission.wireName(), caller.userId());
        return changed(user, before);
    }

    @Transactional
    public UserView revoke(Caller caller, UUID userId, Permission permission) {
        UserRow user = target(caller, userId, permission);
        Set<String> before = changes.users().grants(userId);
        changes.users().revoke(userId, permission.wireName());
        return changed(user, before);
    }

    private UserRow target(Caller caller, UUID userId, Permission permission) {
        UserRow user = changes.users().findById(userId).orElseThrow(() -> new NotFound("User", userId));
        changes.policy().requireMayChange(caller, user);
        changes.policy().requireMayGrant(caller, permission);
        return user;
    }

    private UserView changed(UserRow user, Set<String> before) {
        Set<String> after = changes.users().grants(user.id());
        changes.publish(Audited.updated(
                "user_permissions",
                user.id(),
                Map.of("grants", new TreeSet<>(before)),
                Map.of("grants", new TreeSet<>(after)),
                user.organizationId()));
        return UserView.of(user, RolePermissions.of(user.role(), after));
    }
}
