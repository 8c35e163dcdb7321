package io.covenant.shared.web;

import io.covenant.shared.error.DatabaseErrorTranslator;
import io.covenant.shared.error.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database outage met before any controller runs (the security chain reads the account's version or the API key
 * from PostgreSQL) answers the same 503 {@code database-unavailable} problem the controllers give, not a 500. It
 * wraps the security chain, right after the request id is set, so the problem carries the id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@RequiredArgsConstructor
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final JsonMapper json;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException ex) {
            Optional<DomainException> outage = DatabaseErrorTranslator.outage(ex);
            if (outage.isEmpty() || response.isCommitted()) {
                throw ex;
            }
            log.warn(
                    "Database unavailable serving {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    ex.toString());
            write(request, response, outage.get());
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, DomainException outage)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(outage.status(), outage.getMessage());
        problem.setType(outage.type());
        problem.setTitle(outage.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        outage.properties().forEach(problem::setProperty);
        problem.setProperty("request_id", RequestIds.of(request));
        response.resetBuffer();
        response.setStatus(outage.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        outage.headers().forEach(response::setHeader);
        json.writeValue(response.getOutputStream(), problem);
    }
}
