package io.roamdesk.roaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.RoamdeskException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stores messages and, in the same transaction, moves the conversation to the top of the sender's
 * and the receivers' lists. Concurrent single-chat sends share transactions ({@link GroupCommit}).
 * Group messages use write fan-out (one INSERT … SELECT over the group's members) up to the app's
 * big-group threshold and read fan-out above it ({@link BigGroups}; docs/roaming.md).
 */
@Service
public class IngestService {

    public static final int MAX_USER_TARGETS = 600;
    public static final int MAX_GROUP_TARGETS = 3;
    public static final int MAX_MESSAGE_BYTES = 5 * 1024;


    private final MessageRepository messageRows;
    private final ConversationUpdateRepository conversationUpdates;
    private final GroupRepository groupRows;
    private final KnownUsers knownUsers;
    private final IdGenerator ids;
    private final Clock clock;
    private final ObjectMapper json;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final GroupCommit commits;
    private final RoamingMetrics metrics;
    private final BigGroups bigGroups;

    IngestService(MessageRepository messageRows, ConversationUpdateRepository conversationUpdates,
            GroupRepository groupRows, KnownUsers knownUsers, IdGenerator ids, Clock clock, ObjectMapper json,
            org.springframework.transaction.PlatformTransactionManager transactions, RoamingMetrics metrics,
            BigGroups bigGroups) {
        this.bigGroups = bigGroups;
        this.messageRows = messageRows;
        this.conversationUpdates = conversationUpdates;
        this.groupRows = groupRows;
        this.metrics = metrics;
        this.knownUsers = knownUsers;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        // ingest reads nothing it relies on twice: READ COMMITTED avoids the gap locks that make
        // concurrent multi-row upserts deadlock
        this.tx.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        // only a row's data can fail one send and not another; anything else fails the whole batch at once
        this.commits = new GroupCommit((app, messages) -> retrying(() -> write(app, messages)), MAX_BATCH,
                e -> e instanceof org.springframework.dao.DataIntegrityViolationException);
    }

    /**
     * Sends to every target; answers target → message id, in request order. Single chats and
     * big groups go through the group commit (all targets of one call in the same transaction);
     * messages to smaller groups, each a fan-out over every member's row, are written in a
     * transaction of their own.
     */
    public Map<String, Long> send(App app, SendRequest request) {
        List<String> targets = targets(request);
        Map<String, Integer> memberCounts = new java.util.HashMap<>();
        List<Outgoing> messages = prepare(app, request, targets, memberCounts);
        // a big group's send writes two rows, a smaller one's every member's: only the former share transactions
        boolean shared = request.chatType() == ChatType.CHAT || bigGroups.allCheap(app, targets, memberCounts);
        List<Long> ids = shared ? commits.submit(app, messages) : retrying(() -> write(app, messages));
        metrics.ingested(messages);
        Map<String, Long> sent = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            sent.put(targets.get(i), ids.get(i));
        }
        return sent;
    }

    public static final int MAX_BATCH = 500;

    /** A deleted user: the next message naming it registers it again (on this instance). */
    public void forgetUser(io.roamdesk.app.App app, String username) {
        knownUsers.forget(app.appId(), username);
    }

    /**
     * The gateway's batch: many messages, each to one target, in one transaction; single chats are
     * written with a handful of statements for the whole batch. Answers the ids in request order.
     * Any invalid message refuses the whole batch.
     */
    public List<Long> sendBatch(App app, List<SendRequest> requests) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw RoamdeskException.badRequest("a batch holds 1-" + MAX_BATCH + " messages");
        }
        List<Outgoing> messages = new ArrayList<>();
        for (SendRequest r : requests) {
            List<String> targets = targets(r);
            if (targets.size() != 1) {
                throw RoamdeskException.badRequest("each message of a batch has exactly one target");
            }
            messages.addAll(prepare(app, r, targets, new java.util.HashMap<>()));
        }
        List<Long> ids = retrying(() -> write(app, messages));
        metrics.ingested(messages);
        return ids;
    }

    /**
     * Checks a send, one message per target; refuses it with a 4xx before anything is written. Puts
     * each target group's member count as its state row keeps it into {@code memberCounts}.
     */
    private List<Outgoing> prepare(App app, SendRequest request, List<String> targets, Map<String, Integer> memberCounts) {
        String from = Usernames.normalize(request.from(), "from");
        String body = body(request);
        String ext = ext(request.ext());
        checkSize(body, ext);
        List<Outgoing> messages = new ArrayList<>();
        for (String target : targets) {
            if (request.chatType() == ChatType.GROUPCHAT) {
                Integer members = checkGroup(app, request, from, target);
                if (members != null) {
                    memberCounts.put(target, members);
                }
            } else if (target.equals(from)) {
                throw RoamdeskException.badRequest("a user cannot send a single-chat message to themselves");
            }
            messages.add(new Outgoing(from, target, request.chatType(), request.bodyType(), body, ext, request.origin()));
        }
        return messages;
    }

    /**
     * Runs the work in a transaction, again (see {@link io.roamdesk.core.TransientRetry}) when the database
     * chose it as a deadlock victim or timed out on a lock: nothing of a failed attempt remains.
     */
    private <T> T retrying(java.util.function.Supplier<T> work) {
        return io.roamdesk.core.TransientRetry.run(() -> tx.execute(s -> work.get()));
    }

    /**
     * Writes checked messages in the current transaction: one multi-row insert for the messages,
     * one upsert for the single chats' conversation rows, one fan-out per group message.
     */
    private List<Long> write(App app, List<Outgoing> messages) {
        java.util.Set<String> users = new java.util.LinkedHashSet<>();
        messages.forEach(m -> {
            users.add(m.from());
            if (m.chatType() == ChatType.CHAT) {
                users.add(m.target());
            }
        });
        knownUsers.ensure(app.appId(), users, clock.millis());
        // group states first, groups in key order: the lock order of clear-all and the deletions (state rows,
        // then rows); otherwise a batch holding a chat row could wait for a state a clear-all of the same
        // user holds while it waits for that chat row. And before the ids: under the state's lock each id is
        // newer than the group's last committed one, so concurrent senders never arrive late (which would
        // walk every member's row)
        Map<String, GroupState> groupStates = new java.util.TreeMap<>();
        new java.util.TreeSet<>(messages.stream().filter(m -> m.chatType() == ChatType.GROUPCHAT).map(Outgoing::target)
                .toList()).forEach(g -> groupStates.put(g, bigGroups.lockState(app, g)));
        List<Long> sent = new ArrayList<>();
        List<StoredMessage> stored = new ArrayList<>();
        Map<ConversationRef, ConversationUpdateRepository.Arrival> newest = new LinkedHashMap<>();
        for (Outgoing m : messages) {
            long id = ids.nextId();
            boolean chat = m.chatType() == ChatType.CHAT;
            String convKey = chat ? ConvKeys.single(m.from(), m.target()) : ConvKeys.group(m.target());
            stored.add(new StoredMessage(id, convKey, m.from(), m.target(), m.chatType(), m.bodyType(), m.body(), m.ext(),
                    m.origin(), io.roamdesk.core.Snowflake.timestampOf(id)));
            if (chat) {
                for (ConversationRef ref : List.of(new ConversationRef(m.from(), ChatType.CHAT, m.target()),
                        new ConversationRef(m.target(), ChatType.CHAT, m.from()))) {
                    var before = newest.get(ref);
                    boolean mine = ref.owner().equals(m.from());
                    long own = mine ? id : before == null ? 0L : before.ownMsgId();
                    // ids rise through the batch: the others' messages after the owner's newest own one are unread
                    int others = mine ? 0 : before == null ? 1 : before.others() + 1;
                    long firstOther = mine ? 0L : before == null || before.others() == 0 ? id : before.firstOther();
                    newest.put(ref, new ConversationUpdateRepository.Arrival(ref, id, m.origin(), own, others, firstOther));
                }
            }
            sent.add(id);
        }
        messageRows.insertMessages(app.appId(), stored);
        conversationUpdates.touchMany(app.appId(), new ArrayList<>(newest.values()));
        // each group's messages at once, groups in key order (their states are locked already)
        stored.stream().filter(m -> m.chatType() == ChatType.GROUPCHAT)
                .collect(java.util.stream.Collectors.groupingBy(StoredMessage::to, java.util.TreeMap::new,
                        java.util.stream.Collectors.toList()))
                .forEach((group, inIdOrder) -> bigGroups.deliverAll(app, groupStates.get(group), inIdOrder));
        return sent;
    }

    private static void checkSize(String body, @Nullable String ext) {
        if (body.getBytes(StandardCharsets.UTF_8).length + (ext == null ? 0 : ext.length()) > MAX_MESSAGE_BYTES) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "message_too_large",
                    "message body and ext must stay within " + MAX_MESSAGE_BYTES + " bytes");
        }
    }

    private @Nullable Integer checkGroup(App app, SendRequest request, String from, String group) {
        GroupRepository.SendCheck check = groupRows.sendCheck(app.appId(), group, from);
        if (!check.exists()) {
            throw RoamdeskException.notFound("resource_not_found", "group " + group + " does not exist");
        }
        if (request.origin() == Origin.SDK && !check.member()) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", from + " is not a member of " + group);
        }
        return check.memberCount();
    }

    private static List<String> targets(SendRequest request) {
        if (request.targets() == null || request.targets().isEmpty()) {
            throw RoamdeskException.badRequest("field to cannot be null or empty");
        }
        int max = request.chatType() == ChatType.CHAT ? MAX_USER_TARGETS : MAX_GROUP_TARGETS;
        if (request.targets().size() > max) {
            throw RoamdeskException.badRequest("at most " + max + " targets per call");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String t : request.targets()) {
            unique.add(Usernames.normalize(t, request.chatType() == ChatType.CHAT ? "to" : "to (group id)"));
        }
        return new ArrayList<>(unique);
    }

    private String body(SendRequest request) {
        JsonNode node = parseObject(request.body(), "body");
        ObjectNode body = json.createObjectNode().put("type", request.bodyType().wire());
        node.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("type")) {
                body.set(f.getKey(), f.getValue());
            }
        });
        String required = switch (request.bodyType()) {
            case TXT -> "msg";
            case IMG, AUDIO, VIDEO, FILE -> "url";
            case LOC -> "addr";
            case CMD -> "action";
            case CUSTOM -> "customEvent";
        };
        JsonNode value = body.get(required);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw RoamdeskException.badRequest("a " + request.bodyType().wire() + " body needs a non-empty "
                    + required);
        }
        return body.toString();
    }

    private @Nullable String ext(@Nullable String ext) {
        return ext == null ? null : parseObject(ext, "ext").toString();
    }

    private JsonNode parseObject(String text, String field) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw RoamdeskException.badRequest("field " + field + " must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RoamdeskException.badRequest("field " + field + " must be a JSON object");
        }
    }
}
