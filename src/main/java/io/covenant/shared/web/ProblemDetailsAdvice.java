package io.covenant.shared.web;

import io.covenant.shared.error.DatabaseErrorTranslator;
import io.covenant.shared.error.DomainException;
import io.covenant.shared.error.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where errors become RFC 9457 problem+json: domain errors keep their status and type, validation
 * failures list their fields, database integrity errors are explained, and anything else is a logged 500 that
 * reveals nothing internal.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
        ResponseEntity<Object> response =
                problem(ex.status(), ex.type().toString(), ex.title(), ex.getMessage(), ex.properties(), request);
        if (ex.headers().isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        ex.headers().forEach(headers::set);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException ex, WebRequest request) {
        return DatabaseErrorTranslator.translate(ex)
                .map(domain -> {
                    if (domain.status().is5xxServerError()) {
                        log.warn(
                                "Database unavailable serving request {}: {}",
                                RequestIds.current(),
                                ex.getMostSpecificCause().toString());
                    }
                    return domain(domain, request);
                })
                .orElseGet(() -> unexpected(ex, request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return invalidValue(ex.getName(), ex.getValue(), ex.getMostSpecificCause(), request);
    }

    /**
     * A parameter whose text does not convert to its type: the same 400 whether it was bound alone
     * ({@code @RequestParam}) or as a component of a filter record.
     */
    private ResponseEntity<Object> invalidValue(String name, Object value, Throwable cause, WebRequest request) {
        if (cause instanceof UnstorableInputAdvice.UnstorableText unstorable) {
            return badParameter(JsonNames.snake(name), unstorable.getMessage(), request);
        }
        return badParameter(name, "has an invalid value", value, request);
    }

    /** A query parameter, path variable or form field the request cannot have; its value is not echoed. */
    ResponseEntity<Object> badParameter(String name, String message, WebRequest request) {
        return badParameter(name, message, null, request);
    }

    private ResponseEntity<Object> badParameter(String name, String message, Object value, WebRequest request) {
        return problem(
                Kind.BAD_REQUEST,
                "Parameter '" + name + "' " + message,
                Map.of("errors", List.of(new FieldError(name, message, value))),
                request);
    }

    /** Denied by the access rules (403) or not signed in (401): both come from Spring Security. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Object> security(RuntimeException ex, WebRequest request) {
        if (ex instanceof AuthenticationException) {
            return problem(Kind.UNAUTHENTICATED, ex.getMessage(), Map.of(), request);
        }
        return problem(Kind.FORBIDDEN, "You are not allowed to do this", Map.of(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        String requestId = RequestIds.current();
        log.error("Unexpected failure serving request {}", requestId, ex);
        String detail =
                "The server failed to complete the request; quote request id " + requestId + " when reporting it";
        return problem(Kind.INTERNAL, detail, Map.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var bindingFailure = ex.getBindingResult().getFieldErrors().stream()
                .filter(e -> e.isBindingFailure())
                .findFirst();
        if (bindingFailure.isPresent()) {
            var failure = bindingFailure.get();
            Throwable cause = failure.contains(Throwable.class)
                    ? NestedExceptionUtils.getMostSpecificCause(failure.unwrap(Throwable.class))
                    : null;
            return invalidValue(failure.getField(), failure.getRejectedValue(), cause, request);
        }
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldError(
                        JsonNames.snake(e.getField()),
                        e.getDefaultMessage(),
                        safeValue(e.getField(), e.getRejectedValue())))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(
                                JsonNames.snake(result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage(),
                                safeValue(result.getMethodParameter().getParameterName(), result.getArgument()))))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Kind.UNREADABLE, JsonNames.readableCause(ex), Map.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Kind.TOO_LARGE, "The upload exceeds the maximum allowed size", Map.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail detail && detail.getType().toString().equals("about:blank")) {
            detail.setType(DomainException.typeOf(slug(statusCode)));
        }
        if (body instanceof ProblemDetail detail) {
            detail.setProperty("request_id", RequestIds.current());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<FieldError> errors, WebRequest request) {
        String detail = errors.stream()
                .map(e -> e.field() + " " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid");
        return problem(Kind.INVALID, detail, Map.of("errors", errors), request);
    }

    private ResponseEntity<Object> problem(
            Kind kind, String detail, Map<String, Object> properties, WebRequest request) {
        return problem(kind.status(), kind.type(), kind.title(), detail, properties, request);
    }

    private ResponseEntity<Object> problem(
            HttpStatusCode status,
            String type,
            String title,
            String detail,
            Map<String, Object> properties,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        problem.setProperty("request_id", RequestIds.current());
        return handleExceptionInternal(new RuntimeException(detail), problem, new HttpHeaders(), status, request);
    }

    /** The problems this advice answers itself (domain errors carry their own status, type and title). */
    private record Kind(HttpStatus status, String slug, String title) {

        static final Kind BAD_REQUEST = new Kind(HttpStatus.BAD_REQUEST, "bad-request", "Bad request");

        static final Kind UNREADABLE = new Kind(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body");

        static final Kind UNAUTHENTICATED =
                new Kind(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required");

        static final Kind FORBIDDEN = new Kind(HttpStatus.FORBIDDEN, "forbidden", "Not allowed");

        static final Kind TOO_LARGE = new Kind(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large");

        static final Kind INVALID = new Kind(HttpStatus.UNPROCESSABLE_ENTITY, "validation-failed", "Invalid input");

        static final Kind INTERNAL = new Kind(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

        String type() {
            return DomainException.typeOf(slug).toString();
        }
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Rejected values are echoed only when short and plain, never a secret or a blob. */
    private static Object safeValue(String field, Object value) {
        String name = field == null ? "" : field.toLowerCase(Locale.ROOT);
        if (name.contains("password") || name.contains("secret") || name.contains("token") || name.contains("key")) {
            return null;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text && text.length() <= 100) {
            return text.toString();
        }
        return null;
    }
}
