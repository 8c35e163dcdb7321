package io.covenant.identity;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** An access token issued before a change to its account; answered 401 so the client refreshes or signs in. */
class AccountChanged extends InvalidBearerTokenException {

    AccountChanged() {
        super("The account changed after this access token was issued (deactivated, signed out, moved, role or "
                + "permissions changed); refresh it or sign in again");
    }
}
