package io.covenant.identity.web;

import io.covenant.identity.OrganizationCommand;
import io.covenant.identity.OrganizationView;
import io.covenant.identity.Organizations;
import io.covenant.identity.UserView;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants, organisations, invitations and members. */
@RestController
@RequestMapping("/api/v1")
record OrganizationController(Organizations organizations) {

    @PostMapping("/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createTenant(Caller caller, @Valid @RequestBody TenantRequest request) {
        return Map.of("id", organizations.createTenant(caller, request.name()), "name", request.name());
    }

    @PostMapping("/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(Caller caller, @Valid @RequestBody OrganizationCommand command) {
        return organizations.create(caller, command);
    }

    @GetMapping("/organizations")
    List<OrganizationView> list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return organizations.list(caller, Limits.check(limit), Limits.offset(offset));
    }

    @GetMapping("/organizations/{id}")
    OrganizationView get(Caller caller, @PathVariable UUID id) {
        return organizations.get(caller, id);
    }

    @PutMapping("/organizations/{id}")
    OrganizationView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody OrganizationCommand command) {
        return organizations.update(caller, id, command);
    }

    @DeleteMapping("/organizations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        organizations.delete(caller, id);
    }

    @PostMapping("/organizations/{id}/join-token")
    OrganizationView rotateJoinToken(Caller caller, @PathVariable UUID id) {
        return organizations.rotateJoinToken(caller, id);
    }

    @PostMapping("/organizations/join")
    UserView join(Caller caller, @Valid @RequestBody JoinRequest request) {
        return organizations.join(caller, request.token());
    }

    @GetMapping("/organizations/{id}/members")
    List<UserView> members(Caller caller, @PathVariable UUID id) {
        return organizations.members(caller, id);
    }

    @PostMapping("/organizations/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    UserView addMember(Caller caller, @PathVariable UUID id, @Valid @RequestBody MemberRequest request) {
        return organizations.addMember(caller, id, request.email(), request.role());
    }

    @PutMapping("/organizations/{id}/members/{userId}")
    UserView changeRole(
            Caller caller, @PathVariable UUID id, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
        return organizations.changeRole(caller, id, userId, request.role());
    }

    @DeleteMapping("/organizations/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        organizations.removeMember(caller, id, userId);
    }

    record TenantRequest(@NotBlank @Size(max = 200) String name) {}

    record JoinRequest(@NotBlank String token) {}

    record MemberRequest(@NotBlank @Email String email, String role) {}

    record RoleRequest(@NotBlank String role) {}
}
