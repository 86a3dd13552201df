package io.roamdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.app.Setting;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import io.roamdesk.roaming.ServerConversations;
import io.roamdesk.support.Api;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A small stand-alone measurement of the issue-16 target (not part of the suite, like the
 * benchmark): one user with 1,000 conversations, 50 pinned, 3 unread messages on every entry; the
 * cursor list's first page and the pinned list over HTTP, in this JVM. For a shared machine where
 * the full {@link BenchmarkTest} cannot run; its rows carry the same measurement on the big data set.
 */
@Tag("benchmark")
@IntegrationTest
class PinsListMeasurement {

    private static final int CONVERSATIONS = 1_000;

    @LocalServerPort
    int port;
    @Autowired
    TestApps testApps;
    @Autowired
    IngestService ingest;
    @Autowired
    ServerConversations server;
    @Autowired
    Api api;
    @Autowired
    io.roamdesk.app.AppService apps;

    @Test
    void listWithPinsAndUnreadCounts() throws Exception {
        App app = testApps.createRoaming();
        app = apps.changeSetting(app.appId(), app.settingsVersion(), Setting.CONVERSATION_CAP, "2000", "bench", "measurement");
        for (int round = 0; round < 4; round++) {
            List<SendRequest> batch = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                String peer = "peer" + i;
                // alice writes first, then each peer three times: three unread on every entry
                batch.add(round == 0 ? new SendRequest("alice", ChatType.CHAT, List.of(peer), BodyType.TXT, "{\"msg\":\"hi\"}", null,
                        Origin.SDK) : new SendRequest(peer, ChatType.CHAT, List.of("alice"), BodyType.TXT, "{\"msg\":\"m\"}", null,
                        Origin.SDK));
                if (batch.size() == 500) {
                    ingest.sendBatch(app, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                ingest.sendBatch(app, batch);
            }
        }
        var newest = server.list(app, "alice", null, 50, false, null).entries();
        for (var e : newest) {
            server.pin(app, ConversationRef.of("alice", ChatType.CHAT, e.conversation().convId()), true);
        }
        assertThat(server.list(app, "alice", null, 50, true, null).entries()).hasSize(50)
                .allSatisfy(e -> assertThat(e.unread()).isEqualTo(3));
        String token = api.token(app);
        String base = "http://localhost:" + port + "/" + app.key().org() + "/" + app.key().app() + "/users/alice/user_channels";
        HttpClient http = HttpClient.newHttpClient();
        for (String query : List.of("?pageSize=20", "?pinned=true&pageSize=50", "/page?pageNum=1&pageSize=20")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + query)).header("Authorization", "Bearer " + token).build();
            Latencies l = Latencies.of(500, 2_000, () -> {
                var r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.body());
                }
            });
            System.out.println("PINS-MEASUREMENT | " + query + " | " + l.row());
        }
    }
}
