package io.covenant.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock the owner out. Failed sign-ins are counted per
 * account and address together, per address, and per account from any address; past each count's free failures
 * the next attempt must wait one second, doubling with every further failure up to a maximum, and earlier attempts
 * answer 429 with Retry-After. The per-account count does not slow down an address that signed in to the account
 * before, so the owner's usual address keeps working while someone else guesses; nothing is ever locked, and every
 * count is forgotten once no failure happened for the window. Counts are per node, in memory.
 */
@Component
class LoginThrottle {

    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final Cache<String, Failures> failures;

    private final Cache<String, Boolean> knownAddresses;

    private final IdentityProperties properties;

    private final Clock clock;

    @Autowired
    LoginThrottle(IdentityProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(properties.loginWindow().plus(properties.loginMaxDelay()))
                .maximumSize(200_000)
                .build();
        this.knownAddresses = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofDays(30))
                .maximumSize(200_000)
                .build();
    }

    /** Refuses with 429 while any count that applies to this attempt is waiting. */
    void checkAllowed(String email, String address) {
        Instant now = clock.instant();
        Instant until = now;
        for (String key : keys(email, address)) {
            Failures counted = failures.getIfPresent(key);
            if (counted != null && counted.notBefore().isAfter(until)) {
                until = counted.notBefore();
            }
        }
        if (until.isAfter(now)) {
            throw new AuthenticationFailed.Throttled(Duration.between(now, until));
        }
    }

    void recordFailure(String email, String address) {
        count(pairKey(email, address), properties.loginFreeFailures());
        count(addressKey(address), properties.loginFreeFailuresPerAddress());
        count(accountKey(email), properties.loginFreeFailuresPerAccount());
    }

    /** A successful sign-in clears its address's count for the account and makes the address a known one. */
    void succeeded(String email, String address) {
        failures.invalidate(pairKey(email, address));
        knownAddresses.put(pairKey(email, address), Boolean.TRUE);
    }

    private List<String> keys(String email, String address) {
        boolean known = knownAddresses.getIfPresent(pairKey(email, address)) != null;
        return known
                ? List.of(pairKey(email, address), addressKey(address))
                : List.of(pairKey(email, address), addressKey(address), accountKey(email));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        failures.asMap().compute(key, (k, old) -> {
            int count = (old == null
                            || old.lastFailure().plus(properties.loginWindow()).isBefore(now))
                    ? 1
                    : old.count() + 1;
            return new Failures(count, now, count < free ? now : now.plus(delay(count - free)));
        });
    }

    /** One second after the last free failure, doubling each time, never more than the maximum. */
    private Duration delay(int beyondFree) {
        Duration max = properties.loginMaxDelay();
        if (beyondFree >= 30) {
            return max;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << beyondFree);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private static String pairKey(String email, String address) {
        return "account-address:" + normal(email) + "|" + address;
    }

    private static String accountKey(String email) {
        return "account:" + normal(email);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static String normal(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lastFailure, Instant notBefore) {}
}
