package io.covenant.identity;

import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.Conflict;
import io.covenant.shared.error.Forbidden;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.CollectionService;
import io.covenant.shared.security.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants, organisations, their invitations and their members, each within the caller's reach. */
@Service
@RequiredArgsConstructor
public class Organizations implements CollectionService<OrganizationView, OrganizationCommand> {

    private final OrganizationRepository organizations;

    private final UserChanges changes;

    @Transactional
    public UUID createTenant(Caller caller, String name) {
        if (!caller.isSuperAdmin()) {
            throw new Forbidden("Only a super_admin creates tenants");
        }
        UUID id = organizations.insertTenant(name.trim());
        changes.publish(Audited.created("tenant", id, Map.of("name", name.trim()), null));
        return id;
    }

    @Transactional
    public OrganizationView create(Caller caller, OrganizationCommand command) {
        UUID tenant =
                switch (caller.role()) {
                    case SUPER_ADMIN -> command.tenantId();
                    case TENANT_ADMIN -> caller.tenantId();
                    default -> throw new Forbidden("Only a super_admin or tenant_admin creates organizations");
                };
        if (tenant != null && !organizations.tenantExists(tenant)) {
            throw InvalidInput.of("tenant_id", "refers to a tenant that does not exist");
        }
        String token = Boolean.TRUE.equals(command.joinEnabled()) ? Secrets.random(24) : null;
        OrganizationView row = organizations.insert(command, tenant, token == null ? null : Secrets.hash(token));
        changes.publish(Audited.created("organization", row.id(), row.audited(), row.id()));
        return row.withJoinToken(token);
    }

    @Transactional(readOnly = true)
    public List<OrganizationView> list(Caller caller, int limit, int offset) {
        return organizations.visibleTo(caller, limit, offset);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @Transactional
    public OrganizationView update(Caller caller, UUID id, OrganizationCommand command) {
        OrganizationView before = visible(caller, id);
        if (!Reach.of(caller).canManage(before)) {
            throw new Forbidden("Only an administrator of this organization may change it");
        }
        OrganizationView after = organizations.update(id, command);
        changes.publish(Audited.updated("organization", id, before.audited(), after.audited(), id));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        OrganizationView before = visible(caller, id);
        if (!Reach.of(caller).canCreateOrDelete(before)) {
            throw new Forbidden("Only a super_admin or the tenant_admin of its tenant may delete an organization");
        }
        // Deleting moves every member out of it: each, but the caller, must be an account the caller may change.
        for (UserRow member : changes.users().members(id)) {
            if (!member.id().equals(caller.userId())) {
                changes.policy().requireMayChange(caller, member);
            }
            changes.users().forgetAfterCommit(member.id());
        }
        // The cascade removes companies, predictions, documents and jobs unseen by the audit log: say how many.
        Audited deleted = Audited.deleted("organization", id, before.audited(), null);
        changes.publish(new Audited(
                deleted.eventType(),
                deleted.entityType(),
                id,
                deleted.action(),
                deleted.oldValues(),
                null,
                null,
                null,
                Map.of("cascade", organizations.cascadeCounts(id))));
        organizations.delete(id);
    }

    /** Issues a new invitation token (shown once) and enables joining; the old token stops working. */
    @Transactional
    public OrganizationView rotateJoinToken(Caller caller, UUID id) {
        OrganizationView org = visible(caller, id);
        if (!Reach.of(caller).canManage(org)) {
            throw new Forbidden("Only an administrator of this organization may issue invitations");
        }
        String token = Secrets.random(24);
        organizations.setJoinToken(id, Secrets.hash(token));
        OrganizationView after = organizations.findById(id).orElseThrow();
        changes.publish(Audited.updated("organization", id, org.audited(), after.audited(), id));
        return after.withJoinToken(token);
    }

    /** Joins the organisation whose invitation token this is, if the caller's email is allowed. */
    @Transactional
    public UserView join(Caller caller, String token) {
        OrganizationView org = organizations
                .findByJoinToken(Secrets.hash(token == null ? "" : token))
                .orElseThrow(() -> InvalidInput.of("token", "is not a valid invitation"));
        UserRow user = changes.users().findById(caller.userId()).orElseThrow();
        changes.policy().requireAtMostMember(user);
        if (user.organizationId() != null) {
            throw new Conflict(
                    "already-member",
                    "Already a member",
                    "You already belong to an organization; leave it before joining another");
        }
        String email = user.email().toLowerCase(Locale.ROOT);
        String domain = email.substring(email.indexOf('@') + 1);
        boolean restricted =
                !org.allowedEmailDomains().isEmpty() || !org.allowedEmails().isEmpty();
        if (restricted
                && !org.allowedEmailDomains().contains(domain)
                && !org.allowedEmails().contains(email)) {
            throw new Forbidden("Your email address is not allowed to join this organization");
        }
        if (org.maxUsers() != null && changes.users().countMembers(org.id()) >= org.maxUsers()) {
            throw new Conflict("organization-full", "Organization full", "This organization has no free seats");
        }
        return changes.view(changes.move(user, org.id(), Role.of(org.defaultRole()), org.tenantId(), org.id()));
    }

    @Transactional(readOnly = true)
    public List<UserView> members(Caller caller, UUID id) {
        visible(caller, id);
        return changes.users().members(id).stream().map(changes::view).toList();
    }

    /** Adds an existing account that belongs to no organisation, with a role the caller may give. */
    @Transactional
    public UserView addMember(Caller caller, UUID id, String email, String role) {
        OrganizationView org = managed(caller, id);
        Role wanted = assignable(caller, role);
        UserRow user = changes.users()
                .findByEmail(email == null ? "" : email.trim())
                .orElseThrow(() -> InvalidInput.of("email", "has no account"));
        if (user.organizationId() != null && !user.organizationId().equals(id)) {
            throw new Conflict("already-member", "Already a member", "That person belongs to another organization");
        }
        changes.policy().requireMayAdd(caller, org, user);
        return changes.view(changes.move(user, id, wanted, tenantFor(wanted, org, user), id));
    }

    @Transactional
    public UserView changeRole(Caller caller, UUID id, UUID userId, String role) {
        OrganizationView org = managed(caller, id);
        Role wanted = assignable(caller, role);
        UserRow user = member(id, userId);
        changes.policy().requireMayChange(caller, user);
        return changes.view(changes.move(user, id, wanted, tenantFor(wanted, org, user), id));
    }

    @Transactional
    public void removeMember(Caller caller, UUID id, UUID userId) {
        managed(caller, id);
        UserRow user = member(id, userId);
        changes.policy().requireMayChange(caller, user);
        changes.move(user, null, Role.USER, null, id);
    }

    private OrganizationView visible(Caller caller, UUID id) {
        return organizations
                .findById(id)
                .filter(org -> Reach.of(caller).canSee(org))
                .orElseThrow(() -> new NotFound("Organization", id));
    }

    private OrganizationView managed(Caller caller, UUID id) {
        OrganizationView org = visible(caller, id);
        if (!Reach.of(caller).canManage(org)) {
            throw new Forbidden("Only an administrator of this organization may manage its members");
        }
        return org;
    }

    private UserRow member(UUID organizationId, UUID userId) {
        return changes.users()
                .findById(userId)
                .filter(u -> organizationId.equals(u.organizationId()))
                .orElseThrow(() -> new NotFound("Member", userId));
    }

    private Role assignable(Caller caller, String role) {
        Role wanted;
        try {
            wanted = Role.of(role == null ? "org_member" : role);
        } catch (IllegalArgumentException ex) {
            throw InvalidInput.of("role", "must be one of user, org_member, org_admin, tenant_admin, super_admin");
        }
        changes.policy().requireMayGive(caller, wanted);
        return wanted;
    }

    private static UUID tenantFor(Role role, OrganizationView org, UserRow user) {
        return org.tenantId() != null ? org.tenantId() : role == Role.TENANT_ADMIN ? user.tenantId() : null;
    }
}
