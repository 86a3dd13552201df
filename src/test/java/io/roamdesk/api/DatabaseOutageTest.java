package io.roamdesk.api;

import static io.roamdesk.support.Api.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.support.Api;
import io.roamdesk.support.Chats;
import io.roamdesk.support.EmbeddedDatabaseConfig;
import io.roamdesk.support.TestApps;
import io.roamdesk.support.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * A database that stalls (frozen with SIGSTOP: connections open, no answers) must not freeze the
 * server: every API request answers 503 in the vendor's JSON within a bounded time, the console's
 * sign-in page stays fast, and once the database is back requests succeed again. Its own context
 * and database, since it freezes that database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roamdesk.demo.enabled=false", "spring.lifecycle.timeout-per-shutdown-phase=3s",
                "vaadin.devmode.devTools.enabled=false"})
@Import({EmbeddedDatabaseConfig.class, TestApps.class, Chats.class, Api.class})
class DatabaseOutageTest {

    /** The statement timeout (5 s) plus room for a loaded 2-core machine. */
    private static final Duration BOUND = Duration.ofSeconds(9);

    @Autowired
    TestDatabase database;
    @Autowired
    TestApps testApps;
    @Autowired
    Chats chats;
    @Autowired
    Api api;
    @Autowired
    TestRestTemplate http;

    private final ExecutorService clients = Executors.newFixedThreadPool(24);

    private record Timed(int status, String error, long millis) {
    }

    @AfterEach
    void thawAndStop() {
        database.thaw();
        clients.shutdownNow();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aFrozenDatabaseGetsEveryApiRequestA503WithinBoundedTimeAndTheServiceRecovers() throws Exception {
        App app = testApps.createRoaming();
        String token = api.token(app);
        chats.text(app, "alice", "bob", "before the stall");
        String list = base(app) + "/users/alice/user_channels/page?pageNum=1&pageSize=20";
        String send = base(app) + "/messages/users";
        String body = "{\"from\":\"alice\",\"to\":[\"bob\"],\"type\":\"txt\",\"body\":{\"msg\":\"during the stall\"}}";
        assertThat(api.get(list, token).getStatusCode().value()).isEqualTo(200);

        database.freeze();
        List<Future<Timed>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean sending = i % 2 == 0;
            answers.add(clients.submit(timed(() -> sending
                    ? api.call(HttpMethod.POST, send, token, body) : api.get(list, token))));
        }
        long loginStarted = System.nanoTime();
        var login = http.getForEntity("/login", String.class);
        long loginMillis = (System.nanoTime() - loginStarted) / 1_000_000;
        for (Future<Timed> f : answers) {
            Timed t = f.get();
            assertThat(t.status()).as("answered %s", t).isEqualTo(503);
            assertThat(t.error()).isEqualTo("service_unavailable");
            assertThat(t.millis()).as("waited %s", t).isLessThan(BOUND.toMillis());
        }
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(loginMillis).as("sign-in page during the stall").isLessThan(3_000);

        database.thaw();
        int status = 0;
        for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
            status = api.get(list, token).getStatusCode().value();
        }
        assertThat(status).as("after the database is back").isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, send, token, body).getStatusCode().value()).isEqualTo(200);
    }

    private static Callable<Timed> timed(Callable<org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode>> call) {
        return () -> {
            long started = System.nanoTime();
            var r = call.call();
            long millis = (System.nanoTime() - started) / 1_000_000;
            String error = r.getBody() == null ? null : r.getBody().path("error").asText();
            return new Timed(r.getStatusCode().value(), error, millis);
        };
    }
}
