package io.roamdesk.console.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.Actor;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.app.Setting;
import io.roamdesk.console.support.Feedback;
import java.util.function.Consumer;

/** Changes one setting of one app: pick it, set the new value, see old → new, give a reason, confirm. */
class SettingChangeDialog extends Dialog {

    private final Select<Setting> setting = new Select<>();
    private final Checkbox flag = new Checkbox();
    private final IntegerField number = new IntegerField();
    private final Span change = new Span();
    private final TextArea reason = new TextArea();
    private final Button confirm = new Button();

    SettingChangeDialog(App app, AuditedActions audited, Actor actor, Consumer<App> changed) {
        setHeaderTitle(getTranslation("settings.change.title", app.key().toString()));
        setId("setting-dialog");
        setting.setId("setting-select");
        setting.setLabel(getTranslation("settings.setting"));
        setting.setItems(Setting.values());
        setting.setItemLabelGenerator(s -> getTranslation("setting." + s.name()));
        flag.setId("setting-flag");
        flag.setLabel(getTranslation("settings.enabled"));
        number.setId("setting-number");
        number.setLabel(getTranslation("settings.value"));
        number.setStepButtonsVisible(true);
        change.setId("setting-change");
        change.addClassName("setting-change");
        reason.setId("setting-reason");
        reason.setLabel(getTranslation("common.reason"));
        reason.setPlaceholder(getTranslation("common.reason.placeholder"));
        reason.setRequired(true);
        reason.setMaxLength(AppService.MAX_REASON);
        reason.setWidthFull();
        setting.addValueChangeListener(e -> show(app, e.getValue()));
        flag.addValueChangeListener(e -> update(app));
        number.addValueChangeListener(e -> update(app));
        reason.addValueChangeListener(e -> update(app));
        reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        confirm.setText(getTranslation("settings.apply"));
        confirm.setId("setting-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> Feedback.call(() -> audited.changeSetting(actor, app.appId(), app.settingsVersion(),
                setting.getValue(), newValue(), reason.getValue())).ifPresent(updated -> {
                    Feedback.success(getTranslation("settings.changed", getTranslation("setting." + setting.getValue().name())));
                    changed.accept(updated);
                    close();
                }));
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("setting-cancel");
        VerticalLayout body = new VerticalLayout(setting, flag, number, change, reason);
        body.setPadding(false);
        add(body, new Paragraph(getTranslation("settings.audited")));
        getFooter().add(cancel, confirm);
        setWidth("480px");
        setting.setValue(Setting.ROAMING);
    }

    private void show(App app, Setting s) {
        flag.setVisible(s.isFlag());
        number.setVisible(!s.isFlag());
        String current = s.valueIn(app.settings());
        if (s.isFlag()) {
            flag.setValue(!Boolean.parseBoolean(current));
        } else {
            number.setMin(s.min());
            number.setMax(s.max());
            number.setValue(Integer.parseInt(current));
        }
        update(app);
    }

    private void update(App app) {
        Setting s = setting.getValue();
        if (s == null) {
            return;
        }
        String from = label(s, s.valueIn(app.settings()));
        String to = label(s, newValue());
        change.setText(getTranslation("setting." + s.name()) + ": " + from + " → " + to);
        confirm.setEnabled(!reason.getValue().isBlank() && !from.equals(to) && (s.isFlag() || number.getValue() != null));
    }

    private String newValue() {
        Setting s = setting.getValue();
        if (s.isFlag()) {
            return String.valueOf(flag.getValue());
        }
        return number.getValue() == null ? "" : String.valueOf(number.getValue());
    }

    private String label(Setting s, String value) {
        return SettingValues.label(s, value);
    }
}
