package io.covenant.identity;

import io.covenant.shared.concurrent.DaemonThreads;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Hashes new passwords under the policy and checks presented ones against an account's hash. */
@Component
record Passwords(PasswordEncoder encoder, CompletableFuture<String> decoyHash) {

    /**
     * The decoy is a hash that an unknown email's password is checked against, so that its refusal takes as long as a
     * wrong password's. Argon2 is slow by design: it is made in the background instead of on the start-up path.
     */
    @Autowired
    Passwords(PasswordEncoder encoder) {
        this(encoder, decoyOf(encoder));
    }

    private static CompletableFuture<String> decoyOf(PasswordEncoder encoder) {
        return CompletableFuture.supplyAsync(
                () -> encoder.encode(Secrets.random(16)),
                task -> DaemonThreads.named("decoy-hash").newThread(task).start());
    }

    /** The hash to store for a new password; refused unless the password meets {@link PasswordPolicy}. */
    String hash(String password, String email) {
        PasswordPolicy.check(password, email);
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** A sign-in's check: an account without a password ({@code !}), or no account, is checked against the decoy. */
    boolean matchesOrDecoy(String password, Optional<String> hash) {
        return encoder.matches(
                password == null ? "" : password,
                hash.filter(h -> !h.equals("!")).orElseGet(decoyHash::join));
    }
}
