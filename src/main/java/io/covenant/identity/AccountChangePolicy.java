package io.covenant.identity;

import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.covenant.shared.security.Role;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The one rule for every change to an account (create in an organisation, add, move, change role, deactivate,
 * delete, grant or revoke): an administrator acts only on accounts strictly below its own role and within its reach
 * (a super_admin everywhere, a tenant_admin its tenant, an org_admin its organisation), gives no role above its own
 * and grants no permission it does not hold. Adding or joining never changes the role of an account above
 * org_member, so no administrator can be demoted by being added somewhere.
 */
@Component
@RequiredArgsConstructor
class AccountChangePolicy {

    private final OrganizationRepository organizations;

    /** Refuses unless the caller may change this existing account: 404 when it cannot see it, 403 otherwise. */
    void requireMayChange(Caller caller, UserRow target) {
        if (!Reach.of(caller).canSeeUser(target)) {
            throw new NotFound("User", target.id());
        }
        if (!withinReach(caller, target)) {
            throw new Forbidden("This account is outside your organization or tenant");
        }
        if (target.role().compareTo(caller.role()) >= 0) {
            throw new Forbidden("You may only change accounts whose role is below yours ("
                    + caller.role().value() + "); this one is " + target.role().value());
        }
    }

    /** Refuses a role above the caller's own. */
    void requireMayGive(Caller caller, Role role) {
        if (role.compareTo(caller.role()) > 0) {
            throw new Forbidden("You may not give the role " + role.value() + ", which is above your own");
        }
    }

    /** Refuses a permission the caller does not hold, or any grant made with an API key. */
    void requireMayGrant(Caller caller, Permission permission) {
        if (caller.viaApiKey()) {
            throw new Forbidden("Permissions are granted by a signed-in administrator, not with an API key");
        }
        if (!caller.can(permission)) {
            throw new Forbidden("You can only grant permissions you hold yourself");
        }
    }

    /**
     * Refuses to add an account to an organisation unless it belongs to none (or already to this one, which is a
     * role change), is at most an org_member, is below the caller, and is in no other tenant.
     */
    void requireMayAdd(Caller caller, OrganizationView org, UserRow target) {
        if (org.id().equals(target.organizationId())) {
            requireMayChange(caller, target);
            return;
        }
        requireAtMostMember(target);
        if (target.role().compareTo(caller.role()) >= 0) {
            throw new Forbidden("You may only add accounts whose role is below yours");
        }
        if (target.tenantId() != null && !target.tenantId().equals(org.tenantId())) {
            throw new Forbidden("That account belongs to another tenant");
        }
    }

    /** Joining with an invitation: only accounts of role user or org_member, so nobody demotes themself by it. */
    void requireAtMostMember(UserRow target) {
        if (target.role().compareTo(Role.ORG_MEMBER) > 0) {
            throw new Forbidden("An account with the role " + target.role().value()
                    + " is not added to an organization as a member; its role would be lost");
        }
    }

    private boolean withinReach(Caller caller, UserRow target) {
        return switch (caller.role()) {
            case SUPER_ADMIN -> true;
            case TENANT_ADMIN -> caller.tenantId() != null && caller.tenantId().equals(tenantOf(target));
            case ORG_ADMIN ->
                caller.organizationId() != null && caller.organizationId().equals(target.organizationId());
            default -> false;
        };
    }

    private UUID tenantOf(UserRow user) {
        if (user.tenantId() != null || user.organizationId() == null) {
            return user.tenantId();
        }
        return organizations
                .findById(user.organizationId())
                .map(OrganizationView::tenantId)
                .orElse(null);
    }
}
