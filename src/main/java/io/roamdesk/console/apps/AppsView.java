package io.roamdesk.console.apps;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;

/** Every app with its value-added services at a glance. */
@Route("apps")
@RouteAlias("")
@RolesAllowed({Role.SUPPORT_NAME, Role.APP_ADMIN_NAME, Role.AUDITOR_NAME})
public class AppsView extends VerticalLayout implements HasDynamicTitle {

    private final Grid<App> grid = new Grid<>();

    public AppsView(AppService apps) {
        setSizeFull();
        add(new H2(getTranslation("apps.title")));
        grid.setId("apps-grid");
        grid.addColumn(a -> a.key().toString()).setHeader(getTranslation("apps.key")).setAutoWidth(true);
        grid.addComponentColumn(a -> badge(a.settings().roamingEnabled(), "roaming-" + a.key().app()))
                .setHeader(getTranslation("apps.roaming"));
        grid.addComponentColumn(a -> badge(a.settings().oneWayDeleteEnabled(), "oneway-" + a.key().app()))
                .setHeader(getTranslation("apps.oneWayDelete"));
        grid.addComponentColumn(a -> badge(a.settings().restInList(), "restlist-" + a.key().app()))
                .setHeader(getTranslation("apps.restInList"));
        grid.addColumn(a -> a.settings().conversationCap()).setHeader(getTranslation("apps.cap"));
        grid.addColumn(a -> getTranslation("apps.legacyWindow", a.settings().legacyDays(), a.settings().legacyCount()))
                .setHeader(getTranslation("apps.legacy")).setAutoWidth(true);
        grid.setItems(apps.listApps());
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private Span badge(boolean on, String id) {
        Span s = new Span(getTranslation(on ? "common.on" : "common.off"));
        s.setId(id);
        s.getElement().getThemeList().add(on ? "badge success" : "badge contrast");
        return s;
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("apps.title");
    }
}
