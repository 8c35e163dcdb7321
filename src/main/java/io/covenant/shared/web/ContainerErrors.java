package io.covenant.shared.web;

import io.covenant.shared.error.DomainException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors the servlet container answers by itself are problem+json like every other error: those of requests Jetty
 * cannot even parse (a header over 8 KB is 431, a malformed request line 400), answered by the server's error
 * handler, and those raised outside the controllers (in a filter, or a path nothing serves), which the container
 * forwards to {@code /error}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<JettyServletWebServerFactory> problemErrorHandler() {
        return factory -> factory.addServerCustomizers(server -> server.setErrorHandler(new ProblemErrorHandler()));
    }

    static String json(int status, String requestId) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug =
                known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail =
                switch (status) {
                    case 431 -> "A request header, or all of them together, is larger than the server accepts (8 KB)";
                    case 414 -> "The request URI is longer than the server accepts";
                    case 400 -> "The request is malformed and could not be read";
                    default ->
                        known != null && status < 500
                                ? "The request could not be served: " + title
                                : "The server failed to complete the request";
                };
        return """
				{"type":"%s","title":"%s","status":%d,"detail":"%s","request_id":"%s"}""".formatted(DomainException.typeOf(slug), title, status, detail, requestId);
    }

    /** Jetty's own error answers (requests it could not parse) as problem+json, never HTML. */
    static class ProblemErrorHandler extends ErrorHandler {

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.write(
                    true,
                    ByteBuffer.wrap(json(code, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8)),
                    callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            return ByteBuffer.wrap(json(status, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What the container forwards to {@code /error}: its status, as problem+json without internals. */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("/error")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value ? value : 500;
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = ProblemDetail.forStatus(status);
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
            problem.setType(DomainException.typeOf(
                    known == null
                            ? "error"
                            : known.name().toLowerCase(Locale.ROOT).replace('_', '-')));
            problem.setDetail(
                    status >= 500
                            ? "The server failed to complete the request"
                            : "The request could not be served: " + problem.getTitle());
            problem.setProperty("request_id", RequestIds.of(request));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
