package io.roamdesk.ops;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The actuator's chain, ahead of the API's and the console's: the health probes
 * ({@code /actuator/health}, {@code /health/liveness}, {@code /health/readiness}) are open to the
 * load balancer; {@code /actuator/prometheus} needs HTTP basic with {@code roamdesk.metrics.username}
 * (default {@code prometheus}) and {@code roamdesk.metrics.password}, and is closed to everyone while
 * no password is set. Scrapes are neither console sign-ins nor audited. Every other path under the
 * actuator's base path is refused (403), exposed or not.
 */
@Configuration
class ManagementSecurityConfig {

    static final String METRICS_ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain managementFilterChain(HttpSecurity http,
            @Value("${management.endpoints.web.base-path:/actuator}") String basePath,
            @Value("${roamdesk.metrics.username:prometheus}") String username,
            @Value("${roamdesk.metrics.password:}") String password) throws Exception {
        // the refusals are written here, not with sendError: an error dispatch would reach the
        // console's chain, which answers with a redirect to its login page
        AuthenticationEntryPoint challenge = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"roamdesk-metrics\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        var paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher(basePath), paths.matcher(basePath + "/**")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authenticationManager(scraper(username, password))
                .httpBasic(b -> b.authenticationEntryPoint(challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus")).hasRole(METRICS_ROLE)
                        .anyRequest().denyAll())
                .build();
    }

    /** One fixed credential, compared in constant time; no password configured means nobody. */
    private static AuthenticationManager scraper(String username, String password) {
        byte[] expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        return auth -> {
            byte[] given = (auth.getName() + ":" + auth.getCredentials()).getBytes(StandardCharsets.UTF_8);
            if (password.isEmpty() || !MessageDigest.isEqual(expected, given)) {
                throw new BadCredentialsException("bad metrics credential");
            }
            return UsernamePasswordAuthenticationToken.authenticated(auth.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + METRICS_ROLE)));
        };
    }
}
