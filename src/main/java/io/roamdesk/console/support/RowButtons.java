package io.roamdesk.console.support;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/** The small buttons of a grid row's actions (accounts, API clients); {@code danger} ones are red. */
public final class RowButtons {

    private RowButtons() {
    }

    public static Button small(String text, String id, boolean danger, Runnable action) {
        Button b = new Button(text, e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (danger) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return b;
    }
}
