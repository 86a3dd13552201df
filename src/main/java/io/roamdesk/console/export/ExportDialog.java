package io.roamdesk.console.export;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.audit.Actor;
import io.roamdesk.console.support.RefusalTexts;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.export.ExportFormat;
import io.roamdesk.export.MessageExport;
import io.roamdesk.roaming.ConversationRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export of one conversation (as its owner sees it) or of everything of one user: the format, the
 * reason (required from SUPPORT), then a download streamed straight from the database to the
 * browser, page by page, with the running count shown here. Each download is one audited content
 * export (started, then completed with the number of messages).
 */
public class ExportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ExportDialog.class);

    private final RadioButtonGroup<ExportFormat> format = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final Span progress = new Span();
    private final Anchor download;
    // read by the download request, which runs outside the UI lock
    private volatile ExportFormat chosen = ExportFormat.JSONL;
    private volatile String why = "";

    /** {@code ref} null exports every conversation of {@code owner}. */
    public ExportDialog(MessageExport exports, Actor actor, boolean reasonRequired, App app, String owner,
            @Nullable ConversationRef ref) {
        setId("export-dialog");
        setHeaderTitle(ref == null ? getTranslation("export.titleUser", owner)
                : getTranslation("export.titleConversation", ref.chatType().wire() + ":" + ref.convId(), owner));
        format.setId("export-format");
        format.setLabel(getTranslation("export.format"));
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("export.format." + f.name()));
        format.setValue(ExportFormat.JSONL);
        format.addValueChangeListener(e -> chosen = e.getValue() == null ? ExportFormat.JSONL : e.getValue());
        reason.setId("export-reason");
        reason.setLabel(getTranslation(reasonRequired ? "export.reason" : "export.reasonOptional"));
        reason.setPlaceholder(getTranslation("common.reason.placeholder"));
        reason.setRequired(reasonRequired);
        reason.setMaxLength(AppService.MAX_REASON);
        reason.setWidthFull();
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        progress.setId("export-progress");
        UI ui = UI.getCurrent();
        DownloadHandler handler = event -> {
            MessageExport.Export export;
            try {
                export = ref == null ? exports.user(actor, app, owner, chosen, why)
                        : exports.conversation(actor, app, ref, chosen, why);
            } catch (RoamdeskException e) {
                ui.access(() -> progress.setText(RefusalTexts.of(e)));
                event.getResponse().setStatus(400);
                return;
            }
            event.setFileName(export.fileName());
            event.setContentType(export.format().contentType() + ";charset=UTF-8");
            long[] last = {0};
            try {
                long n = export.writeTo(event.getOutputStream(), sofar -> {
                    if (sofar - last[0] >= 1_000) {
                        last[0] = sofar;
                        ui.access(() -> progress.setText(getTranslation("export.progress", sofar)));
                    }
                });
                ui.access(() -> progress.setText(getTranslation("export.done", n)));
            } catch (RuntimeException e) {
                log.warn("Console export stopped: {}", e.toString());
                ui.access(() -> progress.setText(getTranslation("export.failed", last[0])));
            }
        };
        download = new Anchor(handler, getTranslation("export.download"));
        download.setId("export-download");
        reason.addValueChangeListener(e -> {
            why = e.getValue().strip();
            download.setEnabled(!reasonRequired || !why.isEmpty());
        });
        download.setEnabled(!reasonRequired);
        Button close = new Button(getTranslation("common.close"), e -> close());
        close.setId("export-close");
        add(new Paragraph(getTranslation("export.explain")), format, reason, progress);
        getFooter().add(close, download);
        setWidth("560px");
        // the count arrives from the download's own request: poll while the dialog is open
        addOpenedChangeListener(e -> ui.setPollInterval(e.isOpened() ? 500 : -1));
    }
}
