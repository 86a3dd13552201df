package io.roamdesk.console.account;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.roamdesk.console.login.LoginView;
import io.roamdesk.security.ConsoleAccounts;
import org.springframework.stereotype.Component;

/**
 * A signed-in account whose password is temporary reaches nothing but {@link ChangePasswordView}:
 * every navigation elsewhere is rerouted there until the password is changed. An account disabled
 * while signed in is signed out at its next navigation.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final ConsoleAccounts accounts;
    private final AuthenticationContext auth;

    PasswordChangeGuard(ConsoleAccounts accounts, AuthenticationContext auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class || !auth.isAuthenticated()) {
            return;
        }
        if (auth.getPrincipalName().filter(name -> !accounts.isEnabled(name)).isPresent()) {
            // disabled while signed in: the session ends at the next navigation
            event.rerouteTo(LoginView.class);
            auth.logout();
            return;
        }
        if (target == ChangePasswordView.class) {
            return;
        }
        auth.getPrincipalName().filter(accounts::mustChangePassword)
                .ifPresent(name -> event.forwardTo(ChangePasswordView.class));
    }
}
