package io.covenant.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the authentication endpoints. */
final class AuthRequests {

    private AuthRequests() {}

    record RegisterRequest(
            @NotBlank @Email @Size(max = 255) String email,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName) {

        @Override
        public String toString() {
            return "RegisterRequest[" + email + "]";
        }
    }

    record LoginRequest(@NotBlank String email, @NotBlank String password) {

        @Override
        public String toString() {
            return "LoginRequest[" + email + "]";
        }
    }

    record RefreshRequest(@NotBlank String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[hidden]";
        }
    }

    record LogoutRequest(String refreshToken) {

        @Override
        public String toString() {
            return "LogoutRequest[hidden]";
        }
    }

    record VerifyRequest(@NotBlank String token) {}

    record ChangePasswordRequest(
            @NotBlank String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[hidden]";
        }
    }
}
