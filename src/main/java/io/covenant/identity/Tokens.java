package io.covenant.identity;

/** What a successful sign-in or refresh returns. */
public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "Tokens[hidden]";
    }
}
