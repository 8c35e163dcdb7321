package io.covenant.identity.web;

import io.covenant.identity.Organizations;
import io.covenant.shared.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants, which a super_admin creates; their organisations are {@link OrganizationController}'s. */
@RestController
@RequestMapping("/api/v1/tenants")
record TenantController(Organizations organizations) {

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createTenant(Caller caller, @Valid @RequestBody TenantRequest request) {
        return Map.of("id", organizations.createTenant(caller, request.name()), "name", request.name());
    }

    record TenantRequest(@NotBlank @Size(max = 200) String name) {}
}
