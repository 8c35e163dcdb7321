package io.covenant.identity;

import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Role;
import java.util.UUID;

/**
 * How far an administrator reaches: a super_admin everywhere, a tenant_admin over its tenant's organisations, an
 * org_admin over its own organisation; everyone sees their own organisation.
 */
record Reach(Caller caller) {

    static Reach of(Caller caller) {
        return new Reach(caller);
    }

    boolean canSee(OrganizationView org) {
        return caller.isSuperAdmin() || inTenant(org) || org.id().equals(caller.organizationId());
    }

    /** Change settings, invitation and members. */
    boolean canManage(OrganizationView org) {
        return caller.isSuperAdmin()
                || inTenant(org)
                || caller.role() == Role.ORG_ADMIN && org.id().equals(caller.organizationId());
    }

    /** Create or delete whole organisations. */
    boolean canCreateOrDelete(OrganizationView org) {
        return caller.isSuperAdmin() || inTenant(org);
    }

    boolean canSeeUser(UserRow user) {
        return caller.isSuperAdmin()
                || caller.userId().equals(user.id())
                || user.organizationId() != null && user.organizationId().equals(caller.organizationId())
                || caller.role() == Role.TENANT_ADMIN
                        && user.tenantId() != null
                        && user.tenantId().equals(caller.tenantId());
    }

    private boolean inTenant(OrganizationView org) {
        UUID tenant = caller.tenantId();
        return caller.role() == Role.TENANT_ADMIN && tenant != null && tenant.equals(org.tenantId());
    }
}
