package io.covenant.identity.web;

import io.covenant.identity.ApiKeys;
import io.covenant.identity.ApiKeys.ApiKeyView;
import io.covenant.shared.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API keys. */
@RestController
@RequestMapping("/api/v1/api-keys")
record ApiKeyController(ApiKeys apiKeys) {

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyView create(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        return apiKeys.create(caller, request.name(), request.scopes(), request.expiresAt());
    }

    @GetMapping
    List<ApiKeyView> list(Caller caller) {
        return apiKeys.list(caller);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable UUID id) {
        apiKeys.revoke(caller, id);
    }

    record CreateApiKeyRequest(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<@NotBlank String> scopes,
            OffsetDateTime expiresAt) {}
}
