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
 * every navigation elsewhere is rerouted there until the password is changed.
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
        if (target == ChangePasswordView.class || target == LoginView.class || !auth.isAuthenticated()) {
            return;
        }
        auth.getPrincipalName().filter(accounts::mustChangePassword)
                .ifPresent(name -> event.forwardTo(ChangePasswordView.class));
    }
}
