package io.roamdesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which request paths belong to the REST API: {@code /{org}/{app}/<resource>/...} for the vendor's
 * resources, and the gateway's {@code /internal/...}. Everything else is the console.
 */
final class ApiPaths {

    private static final Set<String> RESOURCES = Set.of("token", "messages", "users", "rest");

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/internal/")) {
            return true;
        }
        String[] parts = path.split("/", 5);
        // "", org, app, resource, ...
        return parts.length >= 4 && !parts[1].isEmpty() && !parts[2].isEmpty() && RESOURCES.contains(parts[3])
                && !parts[1].equals("VAADIN");
    }
}
