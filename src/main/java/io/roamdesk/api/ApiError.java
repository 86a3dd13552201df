package io.roamdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The vendor's error body. {@code error} is a stable code clients may switch on. */
record ApiError(
        String error,
        String exception,
        long timestamp,
        long duration,
        @JsonProperty("error_description") String errorDescription) {
}
