package io.roamdesk.console.history;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.roamdesk.console.support.Formats;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.HistoryFilter;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Filters of the history view (body types, sender, time range) and the jump to a date. */
class HistoryFilterBar extends HorizontalLayout {

    private final MultiSelectComboBox<BodyType> types = new MultiSelectComboBox<>();
    private final TextField sender = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final DatePicker jump = new DatePicker();

    HistoryFilterBar(Runnable apply, Consumer<LocalDate> jumpTo) {
        types.setId("filter-types");
        types.setLabel(getTranslation("history.filter.types"));
        types.setItems(BodyType.values());
        types.setItemLabelGenerator(BodyType::wire);
        sender.setId("filter-sender");
        sender.setLabel(getTranslation("history.filter.sender"));
        sender.setClearButtonVisible(true);
        from.setId("filter-from");
        from.setLabel(getTranslation("history.filter.from"));
        to.setId("filter-to");
        to.setLabel(getTranslation("history.filter.to"));
        Button applyButton = new Button(getTranslation("history.filter.apply"), e -> apply.run());
        applyButton.setId("filter-apply");
        jump.setId("jump-date");
        jump.setLabel(getTranslation("history.jump"));
        Button go = new Button(getTranslation("history.jump.go"), e -> {
            if (jump.getValue() != null) {
                jumpTo.accept(jump.getValue());
            }
        });
        go.setId("jump-go");
        // the date and its button wrap together: "Go" never lands alone on the next line
        HorizontalLayout jumpBox = new HorizontalLayout(jump, go);
        jumpBox.setId("jump-box");
        jumpBox.setAlignItems(Alignment.BASELINE);
        jumpBox.setWrap(false);
        add(types, sender, from, to, applyButton, jumpBox);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
    }

    HistoryFilter filter() {
        String s = sender.getValue().isBlank() ? null : sender.getValue().strip();
        Long start = from.getValue() == null ? null : Formats.dayStart(from.getValue());
        Long end = to.getValue() == null ? null : Formats.dayEnd(to.getValue());
        return new HistoryFilter(start, end, s, types.getValue());
    }

}
