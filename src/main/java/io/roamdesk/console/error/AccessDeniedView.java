package io.roamdesk.console.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;
import io.roamdesk.console.layout.MainLayout;
import io.roamdesk.console.support.CurrentAccount;
import jakarta.annotation.security.PermitAll;

/**
 * What a signed-in account sees when its role may not open a view: a plain sentence inside the
 * console frame, HTTP 403, and a way back; the same in development and production (Vaadin's
 * default lists every route in development mode). Signed-out visitors go to the sign-in page instead.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    private final CurrentAccount account;

    public AccessDeniedView(CurrentAccount account) {
        this.account = account;
        setId("access-denied");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("denied.title"));
        title.setId("access-denied-title");
        Paragraph why = new Paragraph(getTranslation("denied.explain", account.name(), account.role().name(),
                "/" + event.getLocation().getPath()));
        why.setId("access-denied-explain");
        Anchor back = new Anchor("", getTranslation("denied.back"));
        back.setId("access-denied-back");
        add(title, why, back);
        return HttpStatusCode.FORBIDDEN.getCode();
    }

    @Override
    public String getPageTitle() {
        return "Roamdesk – " + getTranslation("denied.title");
    }
}
