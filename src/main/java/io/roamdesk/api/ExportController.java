package io.roamdesk.api;

import io.roamdesk.export.MessageExport;
import io.roamdesk.export.ExportFormat;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports over HTTP (our design, see docs/api.md): one conversation as its owner sees it, or all of
 * one user's conversations, as JSON Lines or CSV, streamed onto the response page by page. Every
 * check (token, app, switch, names, format) is done before the first byte, so a refusal is the
 * vendor's JSON error; the export is audited as a content access with the message count.
 */
@RestController
@RequiresToken
class ExportController {

    private final MessageExport exports;

    ExportController(MessageExport exports) {
        this.exports = exports;
    }

    @GetMapping("/{org}/{app}/users/{username}/user_channels/{type}/{channel}/export")
    @OwnData("username")
    void conversation(ApiCaller caller, @PathVariable String username, @PathVariable String type,
            @PathVariable String channel, @RequestParam(required = false) String format,
            @RequestParam(required = false) String reason, HttpServletResponse response) throws IOException {
        stream(exports.conversation(caller.actor(), caller.app(), ConversationRef.of(username, ChatType.parse(type), channel),
                ExportFormat.parse(format), reason), response);
    }

    @GetMapping("/{org}/{app}/users/{username}/export")
    @OwnData("username")
    void user(ApiCaller caller, @PathVariable String username, @RequestParam(required = false) String format,
            @RequestParam(required = false) String reason, HttpServletResponse response) throws IOException {
        stream(exports.user(caller.actor(), caller.app(), username, ExportFormat.parse(format), reason), response);
    }

    private static void stream(MessageExport.Export export, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(export.format().contentType() + ";charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        export.writeTo(response.getOutputStream(), n -> { });
    }
}
