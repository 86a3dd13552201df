package io.roamdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.app.AppSettings;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.GroupService;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.SendRequest;
import io.roamdesk.roaming.ServerConversations;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small stand-alone measurement of hybrid fan-out (issue 17; not part of the suite, like the
 * benchmark): sends to a 2,000-member group, one at a time through the ingest service in this JVM,
 * with every group on write fan-out (threshold 3,000) and with the default threshold (500: read
 * fan-out); then a member's cursor list, which merges the group's state in. The full
 * {@link BenchmarkTest} carries the HTTP rows on the big data set.
 */
@Tag("benchmark")
@IntegrationTest
class BigGroupMeasurement {

    private static final int MEMBERS = 2_000;

    @Autowired
    TestApps testApps;
    @Autowired
    IngestService ingest;
    @Autowired
    GroupService groups;
    @Autowired
    ServerConversations server;

    @Test
    void sendsToA2000MemberGroupBeforeAndAfter() throws Exception {
        for (int threshold : List.of(3000, AppSettings.DEFAULT_BIG_GROUP_MEMBERS)) {
            App app = testApps.create(AppSettings.defaults().withRoaming(true).withBigGroupMembers(threshold));
            List<String> members = new ArrayList<>();
            for (int i = 1; i < MEMBERS; i++) {
                members.add("member" + i);
            }
            groups.createGroup(app, "crowd", "Crowd", "member0", members);
            SendRequest send = new SendRequest("member0", ChatType.GROUPCHAT, List.of("crowd"), BodyType.TXT, "{\"msg\":\"hi\"}",
                    null, Origin.SDK);
            int runs = threshold == 3000 ? 200 : 2_000;
            long start = System.nanoTime();
            Latencies l = Latencies.of(20, runs, () -> ingest.send(app, send));
            double perSecond = (runs + 20) / ((System.nanoTime() - start) / 1e9);
            System.out.printf("BIG-GROUP-MEASUREMENT | threshold %d | send p50/p99/max ms %s | %.0f messages/s in series%n",
                    threshold, l.row(), perSecond);
            Latencies list = Latencies.of(50, 500, () -> server.list(app, "member7", null, 20, false, null));
            System.out.printf("BIG-GROUP-MEASUREMENT | threshold %d | member's cursor list p50/p99/max ms %s%n", threshold, list.row());
            assertThat(server.list(app, "member7", null, 20, false, null).entries()).hasSize(1)
                    .allSatisfy(e -> assertThat(e.unread()).isEqualTo(ServerConversations.UNREAD_CAP));
        }
    }
}
