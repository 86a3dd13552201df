package io.roamdesk.console;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.roamdesk.security.Role;
import io.roamdesk.support.ViewTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Controls that change or delete data are offered only to roles that may use them. */
class RoleControlsViewTest extends ViewTest {

    /**
     * Ids of the controls that change settings, revoke tokens or delete anything: in the view, and
     * in the cells of its grids (which a browser renders per row, so the tree search does not see them).
     */
    private static List<String> changingControls() {
        List<Component> all = new ArrayList<>(_find(Component.class));
        for (Grid<?> grid : _find(Grid.class)) {
            all.addAll(cellComponents(grid));
        }
        return all.stream().flatMap(RoleControlsViewTest::withDescendants).map(c -> c.getId().orElse(""))
                .filter(id -> Stream.of("change-", "delete-", "clear-all", "revoke", "deletion-").anyMatch(id::startsWith))
                .toList();
    }

    private static <T> List<Component> cellComponents(Grid<T> grid) {
        List<Component> cells = new ArrayList<>();
        if (!(grid.getDataProvider() instanceof ListDataProvider<?> provider)) {
            return cells;
        }
        @SuppressWarnings("unchecked")
        ListDataProvider<T> rows = (ListDataProvider<T>) provider;
        for (Grid.Column<T> column : grid.getColumns()) {
            if (column.getRenderer() instanceof ComponentRenderer<?, T> renderer) {
                rows.getItems().forEach(row -> cells.add(renderer.createComponent(row)));
            }
        }
        return cells;
    }

    private static Stream<Component> withDescendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(RoleControlsViewTest::withDescendants));
    }

    @Test
    void anAuditorSeesNoControlThatChangesOrDeletesAnything() {
        login("auditor-controls", Role.AUDITOR);
        int views = 0;
        for (String route : List.of("apps", "audit", "jobs")) {
            open(route);
            assertThat(currentView().getClass().getSimpleName()).as("the auditor opens " + route)
                    .isNotEqualTo("LoginView");
            assertThat(changingControls()).as("changing controls on " + route).isEmpty();
            views++;
        }
        assertThat(views).isEqualTo(3);
    }

    @Test
    void supportSeesTheAppsButNoSwitchToChangeThem() {
        login("support-controls", Role.SUPPORT);
        open("apps");
        assertThat(changingControls()).as("changing controls on apps for SUPPORT").isEmpty();
    }

    @Test
    void anAdministratorGetsAChangeButtonPerAppAndCanRevokeTokens() {
        login("admin-controls", Role.APP_ADMIN);
        open("apps");
        assertThat(changingControls()).as("the scan sees the controls it looks for")
                .contains("change-roaming", "change-plain");
    }
}
