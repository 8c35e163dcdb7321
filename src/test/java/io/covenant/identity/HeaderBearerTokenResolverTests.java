package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class HeaderBearerTokenResolverTests {

    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl-_~+/";

    @Test
    void everyHeaderResolvesToWhatSpringSecuritysDefaultResolverGives() {
        List<String> headers = new ArrayList<>();
        headers.add(null);
        for (String prefix : List.of("Bearer ", "bearer ", "BEARER ", "Bearer  ", "Bearer", "Bearer\t", "Basic ", "")) {
            for (String token :
                    List.of(JWT, JWT + "=", JWT + "==", "=", "", "a", "a b", "a=b", "ä", "a\u0000", "tok en")) {
                headers.add(prefix + token);
            }
        }
        headers.add("Bearerx " + JWT);
        headers.add("Bearer " + JWT + " ");

        BearerTokenResolver expected = new DefaultBearerTokenResolver();
        BearerTokenResolver actual = new HeaderBearerTokenResolver();
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/companies");
            if (header != null) {
                request.addHeader("Authorization", header);
            }
            assertThat(outcome(actual, request)).as(header).isEqualTo(outcome(expected, request));
        }
    }

    @Test
    void aWellFormedHeaderIsReadWithoutTheFallback() {
        assertThat(HeaderBearerTokenResolver.wellFormed("Bearer " + JWT)).isTrue();
        assertThat(HeaderBearerTokenResolver.wellFormed("bearer " + JWT + "==")).isTrue();
        assertThat(HeaderBearerTokenResolver.wellFormed("Bearer " + JWT + "=x")).isFalse();
        assertThat(HeaderBearerTokenResolver.wellFormed("Bearer ")).isFalse();
    }

    /** The token, or the error's description: the two resolvers must agree on both. */
    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        Throwable error = catchThrowable(() -> resolver.resolve(request));
        if (error instanceof OAuth2AuthenticationException oauth) {
            return "error: " + oauth.getError().getErrorCode() + " "
                    + oauth.getError().getDescription();
        }
        return Objects.toString(resolver.resolve(request));
    }
}
