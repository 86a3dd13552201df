package io.roamdesk.export;

import static io.roamdesk.jooq.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.audit.Actor;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.AuditEventRecord;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class ExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    Api api;
    @Autowired
    TestRestTemplate http;
    @Autowired
    DeletionService deletions;
    @Autowired
    GroupService groups;
    @Autowired
    MessageExport exports;
    @Autowired
    DSLContext db;
    @Autowired
    IngestService ingest;

    private ResponseEntity<String> get(App app, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/" + app.key().org() + "/" + app.key().app() + path, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private void send(App app, String from, String to, String text) throws IOException {
        ingest.send(app, new SendRequest(from, ChatType.CHAT, List.of(to), BodyType.TXT,
                JSON.writeValueAsString(java.util.Map.of("msg", text)), null, Origin.SDK));
    }

    private static List<JsonNode> lines(String body) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private List<AuditEventRecord> exportsOf(App app) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.APP_ID.eq(app.appId()))
                .and(AUDIT_EVENT.ACTION.eq("CONTENT_EXPORT")).orderBy(AUDIT_EVENT.CHAIN_SEQ).fetch();
    }

    @Test
    void aConversationExportsAsItsOwnerSeesItOldestFirstInTheVendorsFormatAndIsAudited() throws IOException {
        App app = testApps.createRoaming();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(chats.text(app, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice", "m" + i));
        }
        // alice hid one message one-way: her export leaves it out, bob's keeps it
        deletions.deleteByIds(app, ConversationRef.of("alice", ChatType.CHAT, "bob"), List.of(ids.get(7)));
        String token = api.token(app);

        ResponseEntity<String> r = get(app, "/users/alice/user_channels/chat/bob/export", token);

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/x-ndjson");
        assertThat(r.getHeaders().getFirst("Content-Disposition")).contains("alice-chat-bob.jsonl");
        List<JsonNode> docs = lines(r.getBody());
        assertThat(docs).hasSize(119);
        assertThat(docs).extracting(d -> d.get("msg_id").asText()).doesNotContain(Long.toString(ids.get(7)));
        assertThat(docs.get(0).get("msg_id").asText()).isEqualTo(Long.toString(ids.get(0)));
        assertThat(docs.get(118).get("msg_id").asText()).isEqualTo(Long.toString(ids.get(119)));
        JsonNode first = docs.get(0);
        assertThat(first.get("from").asText()).isEqualTo("alice");
        assertThat(first.get("to").asText()).isEqualTo("bob");
        assertThat(first.get("chat_type").asText()).isEqualTo("chat");
        assertThat(first.at("/payload/bodies/0/msg").asText()).isEqualTo("m0");
        assertThat(lines(get(app, "/users/bob/user_channels/chat/alice/export", token).getBody())).hasSize(120);

        List<AuditEventRecord> events = exportsOf(app);
        assertThat(events).extracting(AuditEventRecord::getOutcome).containsExactly("STARTED", "SUCCESS", "STARTED", "SUCCESS");
        assertThat(events.get(1).getParams().data()).contains("\"messages\":119").contains("\"complete\":true");
        assertThat(events.get(1).getTargetUser()).isEqualTo("alice");
        assertThat(events.get(1).getTarget()).isEqualTo("chat:bob");
    }

    @Test
    void aUsersExportHoldsEveryConversationAndTheCsvGuardsFormulas() throws IOException {
        App app = testApps.createRoaming();
        groups.createGroup(app, "team", "Team", "alice", List.of("bob", "carol"));
        send(app, "alice", "bob", "=HYPERLINK(\"http://evil\")");
        send(app, "carol", "alice", "hello, \"alice\"\nsecond line");
        chats.toGroup(app, "bob", "team", "+1 from bob");
        chats.text(app, "bob", "carol", "not alice's");

        ResponseEntity<String> r = get(app, "/users/alice/export?format=csv", api.token(app));

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.getBody())).getRecords();
        assertThat(rows).extracting(c -> c.get("text")).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil\")",
                "hello, \"alice\"\nsecond line", "'+1 from bob");
        assertThat(rows).extracting(c -> c.get("chat_type")).containsExactlyInAnyOrder("chat", "chat", "groupchat");
        assertThat(exportsOf(app)).last().satisfies(e -> {
            assertThat(e.getParams().data()).contains("\"messages\":3").contains("\"format\":\"csv\"");
            assertThat(e.getTarget()).isEqualTo("user:alice");
        });
    }

    @Test
    void badExportRequestsAreRefusedBeforeAnythingIsWritten() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "hi");
        String token = api.token(app);
        ResponseEntity<String> xml = get(app, "/users/alice/export?format=xml", token);
        assertThat(xml.getStatusCode().value()).isEqualTo(400);
        assertThat(xml.getBody()).contains("illegal_argument").contains("format must be jsonl or csv");
        ResponseEntity<String> type = get(app, "/users/alice/user_channels/chatroom/bob/export", token);
        assertThat(type.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> name = get(app, "/users/Al%20ice/export", token);
        assertThat(name.getStatusCode().value()).isEqualTo(400);

        App off = testApps.create(AppSettings.defaults());
        chats.text(off, "alice", "bob", "hi");
        ResponseEntity<String> r = get(off, "/users/alice/user_channels/chat/bob/export", api.token(off));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("this appKey not open message roaming");
        assertThat(exportsOf(off)).extracting(AuditEventRecord::getOutcome).containsExactly("FAILURE");
    }

    @Test
    void consoleExportsNeedAReasonFromSupportAndAreNeverAnAuditorsToMake() {
        App app = testApps.createRoaming();
        chats.text(app, "alice", "bob", "hi");
        ConversationRef ref = ConversationRef.of("alice", ChatType.CHAT, "bob");
        assertThatThrownBy(() -> exports.conversation(new Actor("support", "SUPPORT"), app, ref, ExportFormat.JSONL, " "))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> exports.user(new Actor("auditor", "AUDITOR"), app, "alice", ExportFormat.CSV, "audit"))
                .isInstanceOf(RoamdeskException.class).hasMessageContaining("auditors");
        assertThat(exportsOf(app)).extracting(AuditEventRecord::getOutcome).containsExactly("FAILURE", "FAILURE");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = exports.conversation(new Actor("support", "SUPPORT"), app, ref, ExportFormat.JSONL, "ticket 42")
                .writeTo(out, x -> { });
        assertThat(n).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"msg\":\"hi\"");
        assertThat(exportsOf(app)).last().satisfies(e -> assertThat(e.getReason()).isEqualTo("ticket 42"));
    }
}
