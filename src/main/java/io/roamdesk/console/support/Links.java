package io.roamdesk.console.support;

import com.vaadin.flow.router.QueryParameters;
import io.roamdesk.app.App;
import io.roamdesk.roaming.ChatType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep links an agent can paste into a ticket: app, user, conversation, message as query parameters. */
public final class Links {

    private Links() {
    }

    public static QueryParameters user(App app, String user) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("app", List.of(app.key().toString()));
        p.put("user", List.of(user));
        return new QueryParameters(p);
    }

    public static QueryParameters conversation(App app, String user, ChatType type, String conv) {
        Map<String, List<String>> p = new LinkedHashMap<>(user(app, user).getParameters());
        p.put("type", List.of(type.wire()));
        p.put("conv", List.of(conv));
        return new QueryParameters(p);
    }

    public static QueryParameters message(App app, String user, ChatType type, String conv, long msgId) {
        Map<String, List<String>> p = new LinkedHashMap<>(conversation(app, user, type, conv).getParameters());
        p.put("msg", List.of(Long.toString(msgId)));
        return new QueryParameters(p);
    }
}
