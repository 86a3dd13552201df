package io.roamdesk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The vendor's response envelope around {@code data}. */
@Component
class Envelope {

    private final Clock clock;

    Envelope(Clock clock) {
        this.clock = clock;
    }

    Map<String, Object> wrap(String action, ApiCaller caller, HttpServletRequest request, Object data) {
        long now = clock.millis();
        Object started = request.getAttribute(ApiAuthInterceptor.STARTED_AT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("application", Long.toString(caller.app().appId()));
        body.put("organization", caller.app().key().org());
        body.put("applicationName", caller.app().key().app());
        body.put("path", request.getRequestURI().substring(request.getContextPath().length()));
        body.put("uri", request.getRequestURL().toString());
        body.put("data", data);
        body.put("timestamp", now);
        body.put("duration", started instanceof Long s ? now - s : 0);
        return body;
    }

    /** The user-management shape: {@code entities} instead of {@code data}. */
    Map<String, Object> entities(String action, ApiCaller caller, HttpServletRequest request, List<?> entities) {
        Map<String, Object> body = wrap(action, caller, request, List.of());
        body.put("entities", entities);
        body.put("count", entities.size());
        return body;
    }

    /** The roaming-delete endpoints answer this shorter form. */
    Map<String, Object> ok() {
        return Map.of("requestStatusCode", "ok", "timestamp", clock.millis());
    }
}
