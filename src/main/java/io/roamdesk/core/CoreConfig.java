package io.roamdesk.core;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Delegating encoder ({bcrypt} by default) for console passwords and API client secrets. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
