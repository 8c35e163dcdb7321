package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.security.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the identity services need to change accounts, together: the users, the rule of who may change whom, and
 * the audit event every change publishes.
 */
@Component
record UserChanges(UserRepository users, AccountChangePolicy policy, ApplicationEventPublisher events) {

    /** The user as the API shows it, with the permissions its role and grants give. */
    UserView view(UserRow user) {
        return UserView.of(user, RolePermissions.of(user.role(), users.grants(user.id())));
    }

    /** Moves the user into an organisation (or out of any) with this role, audited under {@code auditOrganization}. */
    UserRow move(
            UserRow user,
            @Nullable UUID organizationId,
            Role role,
            @Nullable UUID tenantId,
            @Nullable UUID auditOrganization) {
        UserRow after = users.updateMembership(user.id(), organizationId, role, tenantId);
        events.publishEvent(Audited.updated("user", user.id(), user.audited(), after.audited(), auditOrganization));
        return after;
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
