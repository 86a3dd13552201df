package io.roamdesk.console.jobs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.DeletionJobs;
import io.roamdesk.console.support.Feedback;
import io.roamdesk.console.support.Formats;
import io.roamdesk.console.support.ScopedApps;
import io.roamdesk.core.Job;
import io.roamdesk.core.Snowflake;
import io.roamdesk.retention.RetentionPurge;
import io.roamdesk.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Deletions for everyone that have not finished: running ones with their progress, and interrupted
 * ones (their instance stopped) waiting to be resumed by any instance.
 */
@Route("jobs")
@RolesAllowed({Role.APP_ADMIN_NAME, Role.AUDITOR_NAME})
public class JobsView extends VerticalLayout implements HasDynamicTitle {

    private final DeletionJobs jobs;
    private final AppService apps;
    private final Grid<Job> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final ScopedApps scoped;

    public JobsView(DeletionJobs jobs, AppService apps, ScopedApps scoped) {
        this.jobs = jobs;
        this.apps = apps;
        this.scoped = scoped;
        setSizeFull();
        Button refresh = new Button(getTranslation("jobs.refresh"), VaadinIcon.REFRESH.create(), e -> load());
        refresh.setId("jobs-refresh");
        add(new H2(getTranslation("jobs.title")), new Paragraph(getTranslation("jobs.explain")), refresh);
        grid.setId("jobs-grid");
        grid.addColumn(j -> appKey(j.appId())).setHeader(getTranslation("jobs.app")).setAutoWidth(true);
        grid.addColumn(j -> RetentionPurge.KIND.equals(j.kind())
                ? getTranslation("jobs.retentionPurge", Formats.time(Snowflake.timestampOf(j.boundaryId())))
                : j.chatType() + ":" + j.convId() + " (" + j.owner() + ")")
                .setHeader(getTranslation("jobs.conversation")).setAutoWidth(true);
        grid.addColumn(j -> getTranslation(j.interrupted(System.currentTimeMillis()) ? "jobs.interrupted" : "jobs.running")
                + " · " + Formats.time(j.updatedAt())).setHeader(getTranslation("jobs.state")).setFlexGrow(2);
        grid.addColumn(Job::processed).setHeader(getTranslation("jobs.processed")).setAutoWidth(true);
        grid.addColumn(j -> j.actor() + " · " + Formats.time(j.createdAt())).setHeader(getTranslation("jobs.by"))
                .setFlexGrow(2);
        grid.addColumn(j -> j.reason() == null ? "" : j.reason()).setHeader(getTranslation("jobs.reason"))
                .setFlexGrow(2);
        empty.setId("jobs-empty");
        add(grid, empty);
        load();
    }

    private void load() {
        // only jobs of the apps this account may act on
        Feedback.call(() -> {
            var scope = scoped.scope();
            return jobs.unfinished().stream().filter(j -> scope.permits(j.appId())).toList();
        }).ifPresent(this::show);
    }

    private void show(List<Job> list) {
        grid.setItems(list);
        empty.setText(list.isEmpty() ? getTranslation("jobs.none") : "");
        empty.setVisible(list.isEmpty());
    }

    private String appKey(long appId) {
        return apps.byId(appId).map(App::key).map(Object::toString).orElse(Long.toString(appId));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("jobs.title") + " · Roamdesk";
    }
}
