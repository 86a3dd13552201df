package io.roamdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The vendor's error body. {@code error} is a stable code clients may switch on. */
record ApiError(
        String error,
        String exception,
        long timestamp,
        long duration,
        @JsonProperty("error_description") String errorDescription) {

    /** The body for a bare HTTP status raised outside our handlers (Tomcat, {@code sendError}). */
    static ApiError forStatus(int status, long now) {
        if (status == 405 || status == 501) {
            return new ApiError("method_not_allowed", "MethodNotAllowedException", now, 0, "this method is not supported here");
        }
        if (status == 404) {
            return new ApiError("resource_not_found", "ResourceNotFoundException", now, 0, "no such API resource");
        }
        if (status < 500) {
            return new ApiError("illegal_argument", "IllegalArgumentException", now, 0, "the request was refused");
        }
        return new ApiError("internal_error", "InternalServerError", now, 0, "internal error; it has been logged");
    }
}
