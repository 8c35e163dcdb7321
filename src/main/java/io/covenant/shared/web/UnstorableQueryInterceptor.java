package io.covenant.shared.web;

import io.covenant.shared.error.DomainException;
import io.covenant.shared.error.FieldError;
import io.covenant.shared.text.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query string with a parameter PostgreSQL could not store (such as {@code ?name=%00}), or that is not
 * valid percent-encoded UTF-8, before any controller binds it: 400 naming the parameter. Every parameter counts,
 * whether or not the endpoint reads it.
 */
@Configuration(proxyBeanMethods = false)
class UnstorableQueryInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return true;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), "a parameter name");
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            int at = StorableText.firstUnstorable(name);
            if (at >= 0) {
                throw new BadParameter("request", "has a parameter name that " + StorableText.problem(name, at));
            }
            at = StorableText.firstUnstorable(value);
            if (at >= 0) {
                throw new BadParameter(name, StorableText.problem(value, at));
            }
        }
        return true;
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException ex) {
            throw new BadParameter(what, "is not valid percent-encoding");
        }
    }

    /** A query parameter the service cannot take. */
    static class BadParameter extends DomainException {

        private final FieldError error;

        BadParameter(String name, String message) {
            super(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", "Parameter '" + name + "' " + message);
            this.error = FieldError.of(name, message);
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errors", List.of(error));
        }
    }
}
