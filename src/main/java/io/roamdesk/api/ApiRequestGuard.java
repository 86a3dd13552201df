package io.roamdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers in the vendor's JSON whatever the request asks for, and never through the
 * console's error page: the response format is fixed before any work is done (an {@code Accept}
 * of XML or HTML no longer turns a stored message into a redirect), methods no endpoint knows are
 * refused up front, and errors raised outside Spring MVC are written here as the vendor's body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiRequestGuard.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectMapper json;
    private final Clock clock;

    ApiRequestGuard(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            write(response, 405, ApiError.forStatus(405, clock.millis()));
            return;
        }
        JsonErrors answer = new JsonErrors(response);
        try {
            chain.doFilter(new JsonOnly(request), answer);
        } catch (RequestRejectedException e) {
            writeIfOpen(response, 400, "illegal_argument", "IllegalArgumentException",
                    "the request's characters are not allowed");
        } catch (IOException | ServletException | RuntimeException e) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
            writeIfOpen(response, 500, "internal_error", "InternalServerError", "internal error; it has been logged");
        }
    }

    private void writeIfOpen(HttpServletResponse response, int status, String code, String exception, String text)
            throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            write(response, status, code, exception, text);
        }
    }

    private void write(HttpServletResponse response, int status, String code, String exception, String text)
            throws IOException {
        write(response, status, new ApiError(code, exception, clock.millis(), 0, text));
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error);
    }

    /** The request as if it accepted JSON, which is all the API ever answers. */
    private static final class JsonOnly extends HttpServletRequestWrapper {

        JsonOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }
    }

    /** Turns {@code sendError} (which would forward to the console's error page) into the vendor's body. */
    private final class JsonErrors extends HttpServletResponseWrapper {

        JsonErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            write(response, status == 501 ? 405 : status, ApiError.forStatus(status, clock.millis()));
        }
    }
}
