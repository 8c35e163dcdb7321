package io.covenant.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in a fixed window; the failure that reaches the limit
 * and every attempt after it, right password or not, answer 429 until the window ends.
 */
@Component
class LoginThrottle {

	private final Cache<String, Window> windows;

	private final IdentityProperties properties;

	private final Clock clock = Clock.systemUTC();

	LoginThrottle(IdentityProperties properties) {
		this.properties = properties;
		this.windows = Caffeine.newBuilder()
			.expireAfterWrite(properties.loginWindow().toMillis(), TimeUnit.MILLISECONDS)
			.maximumSize(100_000)
			.build();
	}

	void checkAllowed(String email, String address) {
		check(accountKey(email), properties.loginMaxFailures());
		check(addressKey(address), properties.loginMaxFailuresPerAddress());
	}

	void recordFailure(String email, String address) {
		record(accountKey(email), properties.loginMaxFailures());
		record(addressKey(address), properties.loginMaxFailuresPerAddress());
	}

	void reset(String email) {
		windows.invalidate(accountKey(email));
	}

	private void check(String key, int limit) {
		Window window = windows.getIfPresent(key);
		if (window != null && window.failures() >= limit) {
			throw new AuthenticationFailed.Throttled(Duration.between(clock.instant(), window.endsAt()));
		}
	}

	private void record(String key, int limit) {
		Window window = windows.asMap()
			.compute(key, (k, old) -> old == null || old.endsAt().isBefore(clock.instant())
					? new Window(1, clock.instant().plus(properties.loginWindow())) : old.next());
		if (window.failures() >= limit) {
			throw new AuthenticationFailed.Throttled(Duration.between(clock.instant(), window.endsAt()));
		}
	}

	private static String accountKey(String email) {
		return "account:" + (email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private record Window(int failures, Instant endsAt) {

		Window next() {
			return new Window(failures + 1, endsAt);
		}

	}

}
