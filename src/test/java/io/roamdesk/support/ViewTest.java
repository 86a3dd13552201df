package io.roamdesk.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.roamdesk.console.ConsoleTranslations;
import io.roamdesk.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Browserless console tests (Karibu Testing): the views run on Vaadin's server side with the
 * application's Spring beans and the real database, without a servlet container or a browser.
 * Navigation goes through Vaadin's access control as a browser's would; {@link #login} signs an
 * account in as the console's sign-in does (same principal type, same authorities).
 */
@IntegrationTest
public abstract class ViewTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private io.roamdesk.security.ConsoleAccounts accounts;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("io.roamdesk.console");
        }
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        VaadinSession.getCurrent().setLocale(ConsoleTranslations.ENGLISH);
        UI.getCurrent().setLocale(ConsoleTranslations.ENGLISH);
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * Signs in an account of that role, with the authorities the console grants it. The account is
     * real (created once, acting on every app): the console signs out names it does not know.
     */
    protected void login(String user, Role role) {
        if (!accounts.exists(user)) {
            accounts.create(user, java.util.UUID.randomUUID().toString(), role);
        }
        UserDetails details = User.withUsername(user).password("unused").roles(role.granted().toArray(String[]::new))
                .build();
        var auth = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        // Vaadin's access control asks the request, as it does behind Spring Security's filter
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, name) -> role.granted().contains(name));
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, name) -> false);
        }
    }

    /** Opens a route as typed into the address bar, query parameters included. */
    protected void open(String location) {
        UI.getCurrent().navigate(location.contains("?") ? location.substring(0, location.indexOf('?')) : location,
                location.contains("?") ? QueryParameters.fromString(location.substring(location.indexOf('?') + 1))
                        : QueryParameters.empty());
    }

    protected Component currentView() {
        return UI.getCurrent().getCurrentView();
    }
}
