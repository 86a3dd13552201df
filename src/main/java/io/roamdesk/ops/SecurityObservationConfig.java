package io.roamdesk.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observations of Spring Security's filter chain, authentications and authorizations
 * (per request a secured-request observation, two filter-chain ones with an event per filter, one
 * per authorization): 11 % of the request threads' CPU on the send path (JFR,
 * docs/performance-notes.md), exported as {@code spring_security_*} series nothing here reads.
 * Requests stay measured as a whole ({@code http_server_requests}); security decisions are untouched.
 */
@Configuration
class SecurityObservationConfig {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
