package io.covenant.identity.web;

import io.covenant.identity.OrganizationCommand;
import io.covenant.identity.OrganizationView;
import io.covenant.identity.Organizations;
import io.covenant.identity.UserView;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.CollectionEndpoints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
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

/** Organisations ({@link CollectionEndpoints} and the list), their invitations and members. */
@RestController
@RequestMapping("/api/v1/organizations")
record OrganizationController(Organizations service)
        implements CollectionEndpoints<OrganizationView, OrganizationCommand> {

    @GetMapping
    List<OrganizationView> list(
            Caller caller,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        return service.list(caller, Limits.check(limit), Limits.offset(offset));
    }

    @PostMapping("/{id}/join-token")
    OrganizationView rotateJoinToken(Caller caller, @PathVariable UUID id) {
        return service.rotateJoinToken(caller, id);
    }

    @PostMapping("/join")
    UserView join(Caller caller, @Valid @RequestBody JoinRequest request) {
        return service.join(caller, request.token());
    }

    @GetMapping("/{id}/members")
    List<UserView> members(Caller caller, @PathVariable UUID id) {
        return service.members(caller, id);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    UserView addMember(Caller caller, @PathVariable UUID id, @Valid @RequestBody MemberRequest request) {
        return service.addMember(caller, id, request.email(), request.role());
    }

    @PutMapping("/{id}/members/{userId}")
    UserView changeRole(
            Caller caller, @PathVariable UUID id, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
        return service.changeRole(caller, id, userId, request.role());
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        service.removeMember(caller, id, userId);
    }

    record JoinRequest(@NotBlank String token) {}

    record MemberRequest(@NotBlank @Email String email, String role) {}

    record RoleRequest(@NotBlank String role) {}
}
