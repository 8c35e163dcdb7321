package io.covenant.identity.web;

import io.covenant.identity.Accounts;
import io.covenant.identity.Tokens;
import io.covenant.identity.UserView;
import io.covenant.identity.web.AuthRequests.LoginRequest;
import io.covenant.identity.web.AuthRequests.LogoutRequest;
import io.covenant.identity.web.AuthRequests.RefreshRequest;
import io.covenant.identity.web.AuthRequests.RegisterRequest;
import io.covenant.identity.web.AuthRequests.VerifyRequest;
import io.covenant.shared.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, verification, sign-in, refresh and sign-out. */
@RestController
@RequestMapping("/api/v1/auth")
record AuthController(Accounts accounts) {

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    Accounts.Registration register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request.email(), request.password(), request.firstName(), request.lastName());
    }

    @PostMapping("/verify")
    UserView verify(@Valid @RequestBody VerifyRequest request) {
        return accounts.verify(request.token());
    }

    @PostMapping("/login")
    Tokens login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(request.email(), request.password(), Clients.of(http));
    }

    @PostMapping("/refresh")
    Tokens refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return accounts.refresh(request.refreshToken(), Clients.of(http));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(Caller caller, @RequestBody(required = false) LogoutRequest request) {
        accounts.logout(caller, request == null ? null : request.refreshToken());
    }
}
