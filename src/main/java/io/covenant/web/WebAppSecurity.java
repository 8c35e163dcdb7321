package io.covenant.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The web application's files are public (they hold no data; every row comes from the API with the caller's token).
 * This chain matches those files only, before the API's chain, so the API's rules stay as they are.
 *
 * <p>
 * No cookie authenticates anything: the app keeps the access token in memory and the refresh token in the tab's
 * {@code sessionStorage}, and sends them in the {@code Authorization} header (or the refresh body). A browser never
 * attaches those to a cross-site request, so there is nothing for a forged request to ride on and CSRF tokens have
 * no session to protect; the API's chain is stateless and reads no session cookie. The strict content security
 * policy below (scripts from this origin only, no inline script, no framing) is what keeps those tokens from a
 * script injected into a page.
 */
@Configuration(proxyBeanMethods = false)
class WebAppSecurity {

    static final String[] FILES = {"/", "/index.html", "/app/**", "/favicon.svg"};

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain webAppFiles(HttpSecurity http) throws Exception {
        http.securityMatcher(FILES)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, FILES)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
