package io.roamdesk.api;

import io.roamdesk.core.DatabaseOutage;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into the vendor's error body; input errors are never a 500. */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Clock clock;

    ApiExceptionHandler(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(RoamdeskException.class)
    ResponseEntity<ApiError> refused(RoamdeskException e, HttpServletRequest request) {
        return body(e.kind().httpStatus(), e.code(), exceptionName(e.kind()), e.description(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return body(400, "invalid_request_body", "InvalidRequestBodyException",
                "Request body is missing or is not valid JSON of the expected shape", request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingRequestHeaderException.class})
    ResponseEntity<ApiError> badParameter(Exception e, HttpServletRequest request) {
        String what = e instanceof MissingServletRequestParameterException m
                ? "query parameter " + m.getParameterName() + " is required"
                : e instanceof MethodArgumentTypeMismatchException t
                        ? "parameter " + t.getName() + " has an invalid value"
                        : "a required header is missing";
        return body(400, "illegal_argument", "IllegalArgumentException", what, request);
    }

    /** The security firewall checks parameter names lazily, when the body is read as a form. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ApiError> rejected(Exception e, HttpServletRequest request) {
        return body(400, "illegal_argument", "IllegalArgumentException",
                "the request's parameters or characters are not allowed", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return body(405, "method_not_allowed", "MethodNotAllowedException",
                "method " + e.getMethod() + " is not supported here", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return body(415, "unsupported_media_type", "UnsupportedMediaTypeException",
                "send the body as application/json", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return body(404, "resource_not_found", "ResourceNotFoundException", "no such API resource", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.is(e)) {
            log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            return body(503, "service_unavailable", "ServiceUnavailableException",
                    "the service is temporarily unavailable; nothing was changed, try again shortly", request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return body(500, "internal_error", "InternalServerError", "internal error; it has been logged", request);
    }

    private ResponseEntity<ApiError> body(int status, String code, String exception, String description,
            HttpServletRequest request) {
        long now = clock.millis();
        Object started = request.getAttribute(ApiAuthInterceptor.STARTED_AT);
        long duration = started instanceof Long s ? now - s : 0;
        return ResponseEntity.status(HttpStatus.valueOf(status))
                .body(new ApiError(code, exception, now, duration, description));
    }

    private static String exceptionName(ErrorKind kind) {
        return switch (kind) {
            case BAD_REQUEST -> "IllegalArgumentException";
            case UNAUTHORIZED -> "UnauthorizedException";
            case FORBIDDEN -> "ForbiddenOpException";
            case NOT_FOUND -> "EntityNotFoundException";
            case CONFLICT -> "DuplicateUniquePropertyExistsException";
            case TOO_MANY_REQUESTS -> "ReachLimitException";
        };
    }
}
