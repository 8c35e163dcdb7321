package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Sign-in throttling slows a guesser down exponentially and never locks the owner out. */
class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();

    private final LoginThrottle throttle = new LoginThrottle(
            new IdentityProperties(
                    "x".repeat(32),
                    Duration.ofMinutes(15),
                    Duration.ofDays(14),
                    null,
                    null,
                    5,
                    100,
                    50,
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(15),
                    Duration.ofDays(2),
                    false),
            clock);

    @Test
    void theWaitDoublesWithEveryFailureBeyondTheFreeOnes() {
        for (int i = 0; i < 5; i++) {
            assertThatCode(() -> throttle.checkAllowed("owner@example.com", "10.0.0.9"))
                    .doesNotThrowAnyException();
            throttle.recordFailure("owner@example.com", "10.0.0.9");
        }
        assertThat(waitFor("owner@example.com", "10.0.0.9")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.recordFailure("owner@example.com", "10.0.0.9");
        assertThat(waitFor("owner@example.com", "10.0.0.9")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.recordFailure("owner@example.com", "10.0.0.9");
        assertThat(waitFor("owner@example.com", "10.0.0.9")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            throttle.recordFailure("owner@example.com", "10.0.0.9");
        }
        assertThat(waitFor("owner@example.com", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aGuesserElsewhereNeverLocksTheOwnerOut() {
        throttle.succeeded("owner@example.com", "192.0.2.1");
        // A distributed guesser: 500 failures from 100 addresses, 5 each (all still free per address).
        for (int address = 0; address < 100; address++) {
            for (int i = 0; i < 5; i++) {
                throttle.recordFailure("owner@example.com", "198.51.100." + address);
            }
        }
        assertThatCode(() -> throttle.checkAllowed("owner@example.com", "192.0.2.1"))
                .doesNotThrowAnyException();
        // An address that never signed in to the account waits, but only for a while: nothing is locked.
        Duration wait = waitFor("owner@example.com", "203.0.113.7");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        clock.advance(wait);
        assertThatCode(() -> throttle.checkAllowed("owner@example.com", "203.0.113.7"))
                .doesNotThrowAnyException();
    }

    @Test
    void failuresAreForgottenAfterTheWindow() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("owner@example.com", "10.0.0.9");
        }
        clock.advance(Duration.ofMinutes(31));
        throttle.recordFailure("owner@example.com", "10.0.0.9");
        assertThatCode(() -> throttle.checkAllowed("owner@example.com", "10.0.0.9"))
                .doesNotThrowAnyException();
    }

    private Duration waitFor(String email, String address) {
        try {
            throttle.checkAllowed(email, address);
            return Duration.ZERO;
        } catch (AuthenticationFailed.Throttled ex) {
            return Duration.ofSeconds(Long.parseLong(ex.headers().get("Retry-After")));
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
