package io.roamdesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import io.roamdesk.core.Snowflake;
import io.roamdesk.roaming.BodyType;
import io.roamdesk.roaming.BulkLoader;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConvKeys;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.ConversationState;
import io.roamdesk.roaming.Origin;
import io.roamdesk.roaming.StoredMessage;
import io.roamdesk.support.IntegrationTest;
import io.roamdesk.support.TestApps;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Streamed in constant memory": a conversation of 200,000 messages (about 90 MB of JSON Lines) is
 * exported into a sink that keeps only a byte count, and the heap in use (after a full collection)
 * is sampled every 20,000 messages. An export that buffered the result, or the messages, would grow
 * the heap by at least the output's size; this one stays within a few MB of where it started.
 */
@IntegrationTest
class ExportMemoryTest {

    private static final int MESSAGES = 200_000;
    private static final long MB = 1024 * 1024;

    @Autowired
    TestApps testApps;
    @Autowired
    BulkLoader bulk;
    @Autowired
    MessageExport exports;

    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aConversationFarLargerThanTheHeapGrowthAllowedExportsInConstantMemory() {
        App app = testApps.createRoaming();
        String key = ConvKeys.single("alice", "bob");
        String words = "x".repeat(300);
        long start = System.currentTimeMillis() - 100L * 86_400_000L;
        long last = 0;
        for (int from = 0; from < MESSAGES; from += 5_000) {
            List<StoredMessage> chunk = new ArrayList<>(5_000);
            for (int i = from; i < from + 5_000; i++) {
                long ts = start + i * 10L;
                last = Snowflake.compose(ts, 7, 0);
                chunk.add(new StoredMessage(last, key, i % 2 == 0 ? "alice" : "bob", i % 2 == 0 ? "bob" : "alice",
                        ChatType.CHAT, BodyType.TXT, "{\"msg\":\"" + i + " " + words + "\"}", null, Origin.SDK, ts));
            }
            bulk.insertMessages(app.appId(), chunk);
        }
        bulk.insertConversations(app.appId(), List.of(
                new ConversationState("alice", ChatType.CHAT, "bob", key, last, last, Origin.SDK),
                new ConversationState("bob", ChatType.CHAT, "alice", key, last, last, Origin.SDK)));

        var export = exports.conversation(new Actor("admin-ann", "APP_ADMIN"), app,
                ConversationRef.of("alice", ChatType.CHAT, "bob"), ExportFormat.JSONL, "memory check");
        Counting sink = new Counting();
        long baseline = heapAfterGc();
        long[] peak = {0};
        long[] nextSample = {20_000};
        long n = export.writeTo(sink, sofar -> {
            if (sofar >= nextSample[0]) {
                nextSample[0] += 20_000;
                peak[0] = Math.max(peak[0], heapAfterGc() - baseline);
            }
        });

        assertThat(n).isEqualTo(MESSAGES);
        assertThat(sink.bytes).isGreaterThan(80 * MB);
        assertThat(peak[0]).as("heap growth during the export (bytes), output %d MB", sink.bytes / MB)
                .isLessThan(16 * MB);
        System.out.printf("Export of %d messages: %d MB written, peak heap growth %.1f MB%n", n, sink.bytes / MB,
                peak[0] / (double) MB);
    }
}
