package io.roamdesk.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.core.RoamdeskException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keeps every answer under the API's paths in the vendor's JSON error shape: requests the
 * security firewall refuses (encoded slashes, {@code //}, {@code ;}) and requests no endpoint
 * matches would otherwise fall through to the console's HTML.
 */
class RejectedRequests {

    private RejectedRequests() {
    }

    @Component
    static class FirewallAnswer implements RequestRejectedHandler {

        private final ObjectMapper json;
        private final Clock clock;

        FirewallAnswer(ObjectMapper json, Clock clock) {
            this.json = json;
            this.clock = clock;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
                throws IOException {
            response.setStatus(400);
            if (ApiPaths.isApi(request)) {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(), new ApiError("illegal_argument", "IllegalArgumentException",
                        clock.millis(), 0, "the request path or its characters are not allowed"));
            }
        }
    }

    /** Matches what no endpoint does under the API's paths, at lower priority than every real endpoint. */
    @RestController
    static class NoSuchEndpoint {

        @RequestMapping({"/{org}/{app}/token/**", "/{org}/{app}/messages/**", "/{org}/{app}/users/**",
                "/{org}/{app}/rest/**", "/internal/**"})
        void none(HttpServletRequest request) {
            throw RoamdeskException.notFound("resource_not_found",
                    "no API endpoint for " + request.getMethod() + " on this path");
        }
    }
}
