package io.roamdesk.console.support;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.roamdesk.audit.Actor;
import io.roamdesk.security.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** Who is signed in to the console, and with which role. */
@Component
public class CurrentAccount {

    private final AuthenticationContext auth;

    CurrentAccount(AuthenticationContext auth) {
        this.auth = auth;
    }

    public String name() {
        return auth.getPrincipalName().orElse("anonymous");
    }

    /** The account's own role (a platform administrator also holds APP_ADMIN's authority: its own role wins). */
    public Role role() {
        return auth.getAuthenticatedUser(UserDetails.class)
                .flatMap(u -> u.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                        .max(java.util.Comparator.comparingInt(r -> r.granted().size())))
                .orElseThrow(() -> new IllegalStateException("no console role"));
    }

    public Actor actor() {
        return new Actor(name(), role().name());
    }

    public boolean is(Role role) {
        return auth.hasRole(role.name());
    }
}
