package io.covenant.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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

import io.covenant.identity.OrganizationCommand;
import io.covenant.identity.OrganizationView;
import io.covenant.identity.Organizations;
import io.covenant.identity.UserView;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Callers;

/** Tenants, organisations, invitations and members. */
@RestController
@RequestMapping("/api/v1")
class OrganizationController {

	private final Organizations organizations;

	OrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@PostMapping("/tenants")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createTenant(@Valid @RequestBody TenantRequest request) {
		return Map.of("id", organizations.createTenant(Callers.current(), request.name()), "name", request.name());
	}

	@PostMapping("/organizations")
	@ResponseStatus(HttpStatus.CREATED)
	OrganizationView create(@Valid @RequestBody OrganizationCommand command) {
		return organizations.create(Callers.current(), command);
	}

	@GetMapping("/organizations")
	List<OrganizationView> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset) {
		return organizations.list(Callers.current(), Limits.check(limit), Limits.offset(offset));
	}

	@GetMapping("/organizations/{id}")
	OrganizationView get(@PathVariable UUID id) {
		return organizations.get(Callers.current(), id);
	}

	@PutMapping("/organizations/{id}")
	OrganizationView update(@PathVariable UUID id, @Valid @RequestBody OrganizationCommand command) {
		return organizations.update(Callers.current(), id, command);
	}

	@DeleteMapping("/organizations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		organizations.delete(Callers.current(), id);
	}

	@PostMapping("/organizations/{id}/join-token")
	OrganizationView rotateJoinToken(@PathVariable UUID id) {
		return organizations.rotateJoinToken(Callers.current(), id);
	}

	@PostMapping("/organizations/join")
	UserView join(@Valid @RequestBody JoinRequest request) {
		return organizations.join(Callers.current(), request.token());
	}

	@GetMapping("/organizations/{id}/members")
	List<UserView> members(@PathVariable UUID id) {
		return organizations.members(Callers.current(), id);
	}

	@PostMapping("/organizations/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	UserView addMember(@PathVariable UUID id, @Valid @RequestBody MemberRequest request) {
		return organizations.addMember(Callers.current(), id, request.email(), request.role());
	}

	@PutMapping("/organizations/{id}/members/{userId}")
	UserView changeRole(@PathVariable UUID id, @PathVariable UUID userId, @Valid @RequestBody RoleRequest request) {
		return organizations.changeRole(Callers.current(), id, userId, request.role());
	}

	@DeleteMapping("/organizations/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(@PathVariable UUID id, @PathVariable UUID userId) {
		organizations.removeMember(Callers.current(), id, userId);
	}

	record TenantRequest(@NotBlank @Size(max = 200) String name) {
	}

	record JoinRequest(@NotBlank String token) {
	}

	record MemberRequest(@NotBlank @Email String email, String role) {
	}

	record RoleRequest(@NotBlank String role) {
	}

}
