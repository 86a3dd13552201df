package io.roamdesk.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations of Spring Security's filters, authentications and authorizations.
 * They wrapped each of a request's dozen security filters in an observation of its own and cost
 * 11 % of the request threads' CPU on the send path (JFR, docs/performance-notes.md); without a
 * tracer nothing reads them. Requests stay measured as a whole ({@code http_server_requests}).
 */
@Configuration
class SecurityObservationConfig {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
