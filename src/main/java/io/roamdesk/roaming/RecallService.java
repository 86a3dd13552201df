package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recall: one message disappears from every participant's history (both sides of a single chat,
 * every member of a group), and each row that showed it as its latest message moves back to the
 * newest message its owner can still see. Only within the app's recall window unless forced.
 * Recalling a message that is already gone for everyone answers the same and changes nothing.
 */
@Service
public class RecallService {

    /** The vendor's text for a recall outside the window. */
    public static final String EXCEEDED = "exceed recall time limit";
    /** Who recalls when a request names nobody: the vendor's default sender of server messages. */
    public static final String ADMIN = "admin";

    private final MessageRepository messageRows;
    private final HiddenMarkRepository hiddenMarks;
    private final ConversationIndexRepository conversationIndex;
    private final ConversationUpdateRepository conversationUpdates;
    private final GroupRepository groupRows;
    private final Clock clock;
    private final BigGroups bigGroups;
    private final UnreadCounterRepository counters;

    RecallService(MessageRepository messageRows, HiddenMarkRepository hiddenMarks,
            ConversationIndexRepository conversationIndex, ConversationUpdateRepository conversationUpdates,
            GroupRepository groupRows, Clock clock, BigGroups bigGroups, UnreadCounterRepository counters) {
        this.counters = counters;
        this.bigGroups = bigGroups;
        this.messageRows = messageRows;
        this.hiddenMarks = hiddenMarks;
        this.conversationIndex = conversationIndex;
        this.conversationUpdates = conversationUpdates;
        this.groupRows = groupRows;
        this.clock = clock;
    }

    /**
     * A recall as the vendor's REST call names it: for a single chat {@code from} and {@code to} are
     * its two users ({@code from} defaults to the caller: the user of a user token, else {@code admin});
     * for a group {@code to} is the group.
     */
    public record RecallRequest(long msgId, String to, ChatType chatType, @Nullable String from, boolean force) {
    }

    /** What was recalled; {@code alreadyGone} when the message was already deleted for everyone. */
    public record Recalled(long msgId, String from, String to, ChatType chatType, String sender, boolean alreadyGone) {
    }

    /** What a recall would do: the message, who loses it, how old it is against the app's window. */
    public record RecallPreview(MessageEntry message, List<String> affectedUsers, long ageMillis, long windowMillis,
            boolean alreadyGone) {

        public boolean withinWindow() {
            return ageMillis <= windowMillis;
        }
    }

    private record Target(String convKey, ChatType type, String from, String to) {
    }

    /**
     * Recalls one message in the caller's transaction, which must run at READ COMMITTED: every read
     * after the row locks then sees what committed before them (a one-way delete of the message the
     * row moves back to, say). {@code asUser} is the user of a user token: it may recall only
     * messages it sent, and never force; {@code null} is the app (an app token, the console).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recalled recall(App app, RecallRequest request, @Nullable String asUser) {
        if (asUser != null && request.force()) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", "only the app's token may force a recall");
        }
        Target target = target(app, request, asUser);
        MessageRecord m = messageRows.lockMessage(app.appId(), target.convKey(), request.msgId())
                .orElseThrow(() -> notInConversation(request.msgId()));
        if (asUser != null && !asUser.equals(m.getSender())) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                    "a user token recalls only messages its user sent");
        }
        Recalled done = new Recalled(m.getMsgId(), target.from(), target.to(), target.type(), m.getSender(),
                m.getDeletedForAllAt() != null);
        if (done.alreadyGone()) {
            return done;
        }
        long now = clock.millis();
        if (!request.force() && now - m.getServerTs() > windowMillis(app)) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", EXCEEDED);
        }
        messageRows.markRecalled(app.appId(), target.convKey(), m.getMsgId(), now);
        moveLatestBack(app, target, m);
        return done;
    }

    /**
     * The console's recall of one message of the conversation it shows: the message's own sender and
     * conversation, forced (an administrator's moderation is not bound by the users' window).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recalled recallInConversation(App app, ConversationRef ref, long msgId) {
        return recall(app, requestFor(app, ref, msgId), null);
    }

    /** What recalling the message of this conversation would do, before it is done. */
    @Transactional(readOnly = true)
    public RecallPreview preview(App app, ConversationRef ref, long msgId) {
        MessageRecord m = message(app, ref, msgId);
        return new RecallPreview(Messages.entry(m, false), participants(app, ref.chatType(), ref.convId(), m),
                Math.max(0, clock.millis() - m.getServerTs()), windowMillis(app), m.getDeletedForAllAt() != null);
    }

    private RecallRequest requestFor(App app, ConversationRef ref, long msgId) {
        MessageRecord m = message(app, ref, msgId);
        String to = ref.chatType() == ChatType.GROUPCHAT ? ref.convId()
                : m.getSender().equals(ref.owner()) ? ref.convId() : ref.owner();
        return new RecallRequest(msgId, to, ref.chatType(), m.getSender(), true);
    }

    private MessageRecord message(App app, ConversationRef ref, long msgId) {
        var found = messageRows.messagesByKey(app.appId(), List.of(java.util.Map.entry(ref.convKey(), msgId))).get(msgId);
        if (found == null) {
            throw notInConversation(msgId);
        }
        return found;
    }

    private Target target(App app, RecallRequest request, @Nullable String asUser) {
        String caller = asUser != null ? asUser : ADMIN;
        String from = request.from() == null || request.from().isEmpty() ? caller
                : Usernames.normalize(request.from(), "from");
        if (asUser != null && !from.equals(asUser)) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", "a user token recalls only its own messages");
        }
        if (request.chatType() == ChatType.CHAT) {
            String to = Usernames.normalize(request.to(), "to");
            if (to.equals(from)) {
                throw RoamdeskException.badRequest("a single chat needs two different users");
            }
            return new Target(ConvKeys.single(from, to), ChatType.CHAT, from, to);
        }
        String group = Usernames.normalize(request.to(), "to");
        if (!groupRows.groupExists(app.appId(), group)) {
            throw RoamdeskException.notFound("resource_not_found", "group " + group + " does not exist");
        }
        return new Target(ConvKeys.group(group), ChatType.GROUPCHAT, from, group);
    }

    /** Every row that showed the message as its latest shows the newest message its owner still sees. */
    private void moveLatestBack(App app, Target target, MessageRecord m) {
        if (target.type() == ChatType.GROUPCHAT) {
            bigGroups.settleGroup(app, target.to()); // a big group's rows show the message only once it is folded in
        }
        List<ConversationRef> rows = rows(app, target, m);
        // every row locked first, in the global order; then their counters and the rows showing the message
        List<ConversationRecord> showing = conversationIndex.lockRows(app.appId(), target.type(), rows).stream()
                .filter(r -> m.getMsgId().equals(r.getLatestVisibleMsgId())).toList();
        counters.forget(app.appId(), rows);
        if (showing.isEmpty()) {
            return;
        }
        Optional<MessageRecord> previous = messageRows.newestNotDeletedForAll(app.appId(), target.convKey(), m.getMsgId());
        if (previous.isEmpty()) {
            conversationUpdates.setLatestVisible(app.appId(), target.type(), refs(showing), null, null);
            return;
        }
        // most owners see the message before it: one statement; the rest (they hid it, or cleared
        // past it) look further back one by one
        long prev = previous.get().getMsgId();
        Set<String> hiding = hiddenMarks.ownersHiding(app.appId(), target.convKey(), prev,
                showing.stream().map(ConversationRecord::getOwner).toList());
        List<ConversationRecord> simple = new ArrayList<>();
        List<ConversationRecord> rest = new ArrayList<>();
        for (ConversationRecord r : showing) {
            (prev > r.getClearedBeforeMsgId() && !hiding.contains(r.getOwner()) ? simple : rest).add(r);
        }
        conversationUpdates.setLatestVisible(app.appId(), target.type(), refs(simple), prev, JooqEnums.origin(previous.get().getOrigin()));
        for (ConversationRecord r : rest) {
            var newest = messageRows.newestVisible(app.appId(), target.convKey(), r.getOwner(), r.getClearedBeforeMsgId(), prev);
            conversationUpdates.setLatestVisible(app.appId(), target.type(), refs(List.of(r)), newest.map(MessageRecord::getMsgId).orElse(null),
                    newest.map(x -> JooqEnums.origin(x.getOrigin())).orElse(null));
        }
    }

    private List<ConversationRef> rows(App app, Target target, MessageRecord m) {
        if (target.type() == ChatType.CHAT) {
            return List.of(new ConversationRef(target.from(), ChatType.CHAT, target.to()),
                    new ConversationRef(target.to(), ChatType.CHAT, target.from()));
        }
        return participants(app, ChatType.GROUPCHAT, target.to(), m).stream()
                .map(u -> new ConversationRef(u, ChatType.GROUPCHAT, target.to()))
                .toList();
    }

    /** Who has the message in their history: both users of a single chat; the sender and every member of a group. */
    private List<String> participants(App app, ChatType type, String convId, MessageRecord m) {
        LinkedHashSet<String> users = new LinkedHashSet<>();
        users.add(m.getSender());
        if (type == ChatType.CHAT) {
            users.add(m.getTarget());
        } else {
            users.addAll(groupRows.members(app.appId(), convId));
        }
        return new ArrayList<>(users);
    }

    private static List<ConversationRef> refs(List<ConversationRecord> rows) {
        return rows.stream().map(r -> new ConversationRef(r.getOwner(), JooqEnums.chatType(r.getChatType()), r.getConvId()))
                .toList();
    }

    private static long windowMillis(App app) {
        return app.settings().recallWindowSeconds() * 1000L;
    }

    private static RoamdeskException notInConversation(long msgId) {
        return RoamdeskException.badRequest("message " + msgId + " is not a message of this conversation");
    }
}
