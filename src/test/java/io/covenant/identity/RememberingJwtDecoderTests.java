package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberingJwtDecoderTests {

    final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenAlreadyVerifiedIsNotVerifiedAgainUntilItExpires() {
        JwtDecoder decoder =
                new RememberingJwtDecoder(token -> jwt(token, Instant.now().plusSeconds(600)));

        Jwt first = decoder.decode("a");
        Jwt second = decoder.decode("a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifier() {
        JwtDecoder decoder = new RememberingJwtDecoder(token -> {
            if (verifications.get() > 0) {
                verifications.incrementAndGet();
                throw new BadJwtException("expired");
            }
            return jwt(token, Instant.now().minusSeconds(1));
        });
        decoder.decode("b");

        assertThatThrownBy(() -> decoder.decode("b")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        JwtDecoder decoder = new RememberingJwtDecoder(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("bad signature");
        });

        assertThatThrownBy(() -> decoder.decode("c")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("c")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void headersWithControlOrUnassignedCharactersAreNotPrintable() {
        assertThat(SecurityConfiguration.printable("Bearer abc.def-ghi_jkl")).isTrue();
        assertThat(SecurityConfiguration.printable("Zoë 😀")).isTrue();
        assertThat(SecurityConfiguration.printable("a\u0007b")).isFalse();
        assertThat(SecurityConfiguration.printable("a\u0085b")).isFalse();
        assertThat(SecurityConfiguration.printable("a\u0378b")).isFalse();
    }

    private Jwt jwt(String token, Instant expires) {
        verifications.incrementAndGet();
        return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("s")
                .issuedAt(expires.minusSeconds(900))
                .expiresAt(expires)
                .build();
    }
}
