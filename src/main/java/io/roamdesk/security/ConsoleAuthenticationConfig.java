package io.roamdesk.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Console sign-in against {@link ConsoleAccounts}. Outside a demo run the documented demo
 * credentials are refused even if such accounts exist in the database.
 */
@Configuration
class ConsoleAuthenticationConfig {

    @Bean
    DaoAuthenticationProvider consoleAuthentication(ConsoleAccounts accounts, PasswordEncoder encoder,
            @Value("${roamdesk.demo.enabled:false}") boolean demo) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts) {
            @Override
            protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken auth) {
                super.additionalAuthenticationChecks(user, auth);
                if (!demo && DemoAccounts.isDemoCredential(user.getUsername(), auth.getCredentials())) {
                    throw new BadCredentialsException("demo credentials are refused outside a demo run");
                }
            }
        };
        provider.setPasswordEncoder(encoder);
        return provider;
    }
}
