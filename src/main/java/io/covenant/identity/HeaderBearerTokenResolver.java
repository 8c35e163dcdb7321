package io.covenant.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's default resolver, with its check of a well-formed {@code Authorization: Bearer} header written
 * as a loop. The default matches every header against a case-insensitive regular expression; over a JWT of several
 * hundred characters that was 18% of the service's CPU samples on a cached ticker lookup under load and 36% on a
 * filings list (JFR, docs/benchmarks.md). A well-formed header gives the same token as the default would; anything else (no header,
 * a malformed one) goes to the default, so its answers and errors stay exactly as they were.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final BearerTokenResolver fallback = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && wellFormed(header)) {
            return header.substring(PREFIX.length());
        }
        return fallback.resolve(request);
    }

    /** {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, case-insensitive, as the default resolver's pattern. */
    static boolean wellFormed(String header) {
        int length = header.length();
        if (length <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        int i = PREFIX.length();
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == PREFIX.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
