package io.covenant.identity;

import io.covenant.shared.security.CallerAuthentication;
import io.covenant.shared.security.Permission;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Stateless API security: a bearer JWT or an {@code X-API-Key} makes the {@code Caller}; everything but health,
 * info, the API description and the sign-in endpoints needs one. Failures answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String API_KEY_HEADER = "X-API-Key";

    static final String[] PUBLIC = {
        "/actuator/health",
        "/actuator/health/liveness",
        "/actuator/health/readiness",
        "/actuator/info",
        "/api/v1/auth/register",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/verify",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/error"
    };

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ApiKeys apiKeys, ProblemSecurityHandlers problems, AccountVersions versions)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Sign-out is POST /api/v1/auth/logout and nothing is saved for after a sign-in: two filters fewer per
                // request.
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority(Permission.OPS_READ.wireName())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resource -> resource.bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenCallers(versions)::authenticationOf))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(apiKeyFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Per-filter security observations are off (see {@code management.observations.enable.spring.security}); this
     * also stops wrapping every filter of the chain in an observing one, which cost CPU on every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The default firewall, with its header check (assigned, non-control characters) written as a loop instead of
     * the default regular expression, which ran for every header a request's filters read.
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::printable);
        firewall.setAllowedHeaderValues(SecurityConfiguration::printable);
        return web -> web.httpFirewall(firewall);
    }

    static boolean printable(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isDefined(c) || Character.isISOControl(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Authenticates {@code X-API-Key}; an unknown, expired or revoked key is refused at once. A request without the
     * header passes on to the bearer token.
     */
    private static AuthenticationFilter apiKeyFilter(ApiKeys apiKeys, ProblemSecurityHandlers problems) {
        AuthenticationManager byKey = presented -> apiKeys.authenticate((String) presented.getCredentials())
                .map(CallerAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("invalid API key"));
        AuthenticationFilter filter = new AuthenticationFilter(byKey, request -> {
            String key = request.getHeader(API_KEY_HEADER);
            return key == null || key.isBlank()
                    ? null
                    : UsernamePasswordAuthenticationToken.unauthenticated(null, key.trim());
        });
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        return filter;
    }
}
