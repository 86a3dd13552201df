package io.roamdesk.console.error;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of a page load that {@link AccessDeniedView} will answer: the console's page is
 * served before Vaadin navigates (the error view's 403 reaches only the navigation's own request),
 * so the page itself says 403 when a signed-in account's role may not open the route asked for.
 * Signed-out visitors are left to the sign-in redirect.
 */
@Component
class DeniedStatus implements VaadinServiceInitListener {

    private final AccessAnnotationChecker access;

    DeniedStatus(AccessAnnotationChecker access) {
        this.access = access;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            VaadinRequest request = page.getVaadinRequest();
            if (request.getUserPrincipal() == null) {
                return;
            }
            String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
            RouteConfiguration.forApplicationScope().getRoute(path)
                    .filter(view -> !access.hasAccess(view, request.getUserPrincipal(), request::isUserInRole))
                    .ifPresent(view -> page.getVaadinResponse().setStatus(HttpStatusCode.FORBIDDEN.getCode()));
        });
    }
}
