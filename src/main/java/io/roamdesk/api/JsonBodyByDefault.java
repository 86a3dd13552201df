package io.roamdesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The vendor's server reads every request body as JSON whatever its Content-Type says, and its own
 * server SDK sends bodies with no Content-Type at all. Under the API's paths a request with no
 * Content-Type or with {@code text/plain} is therefore read as {@code application/json} (charset
 * kept); a body that is not JSON still gets the vendor's {@code invalid_request_body}, and any
 * other declared type (XML, forms) still gets the vendor's 415.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class JsonBodyByDefault extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request) || !readsAsJson(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new AsJson(request), response);
    }

    /** No type at all, or plain text: what the vendor's clients send for JSON. */
    static boolean readsAsJson(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getType().equals("text") && type.getSubtype().equals("plain");
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final class AsJson extends HttpServletRequestWrapper {

        private final String contentType;

        AsJson(HttpServletRequest request) {
            super(request);
            String given = request.getContentType();
            String charset = null;
            if (given != null && !given.isBlank()) {
                // kept as written: an unknown charset is then refused by the JSON reader as a 400
                charset = MediaType.parseMediaType(given).getParameter("charset");
            }
            this.contentType = charset == null ? MediaType.APPLICATION_JSON_VALUE
                    : MediaType.APPLICATION_JSON_VALUE + ";charset=" + charset;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return isContentType(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isContentType(name) ? Collections.enumeration(java.util.List.of(contentType)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            var names = new java.util.LinkedHashSet<String>();
            for (var e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String n = e.nextElement();
                if (!isContentType(n)) {
                    names.add(n);
                }
            }
            names.add(HttpHeaders.CONTENT_TYPE);
            return Collections.enumeration(names);
        }

        private static boolean isContentType(String name) {
            return name != null && name.toLowerCase(Locale.ROOT).equals("content-type");
        }
    }
}
