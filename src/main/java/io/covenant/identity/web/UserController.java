package io.covenant.identity.web;

import io.covenant.identity.Accounts;
import io.covenant.identity.Permissions;
import io.covenant.identity.UserView;
import io.covenant.identity.web.AuthRequests.ChangePasswordRequest;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account, deactivation, and permission grants by administrators. */
@RestController
@RequestMapping("/api/v1/users")
record UserController(Accounts accounts, Permissions permissions) {

    @PutMapping("/{id}/permissions/{permission}")
    UserView grant(Caller caller, @PathVariable UUID id, @PathVariable String permission) {
        return permissions.grant(caller, id, Permission.parse(permission));
    }

    @DeleteMapping("/{id}/permissions/{permission}")
    UserView revoke(Caller caller, @PathVariable UUID id, @PathVariable String permission) {
        return permissions.revoke(caller, id, Permission.parse(permission));
    }

    @GetMapping("/me")
    UserView me(Caller caller) {
        return accounts.me(caller);
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Caller caller, @Valid @RequestBody ChangePasswordRequest request) {
        accounts.changePassword(caller, request.currentPassword(), request.newPassword());
    }

    @PostMapping("/{id}/deactivate")
    UserView deactivate(Caller caller, @PathVariable UUID id) {
        return accounts.deactivate(caller, id);
    }
}
