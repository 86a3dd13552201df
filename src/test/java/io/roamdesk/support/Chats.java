package io.roamdesk.support;

import io.roamdesk.app.App;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import java.util.List;

/** Sends test messages through the real ingest service. */

public class Chats {

    private final IngestService ingest;

    Chats(IngestService ingest) {
        this.ingest = ingest;
    }

    public long text(App app, String from, String to, String text) {
        return send(app, from, ChatType.CHAT, to, text, Origin.SDK);
    }

    public long toGroup(App app, String from, String group, String text) {
        return send(app, from, ChatType.GROUPCHAT, group, text, Origin.SDK);
    }

    public long send(App app, String from, ChatType type, String to, String text, Origin origin) {
        String body = "{\"msg\":\"" + text.replace("\"", "'") + "\"}";
        return ingest.send(app, new SendRequest(from, type, List.of(to), BodyType.TXT, body, null, origin)).get(to);
    }
}
