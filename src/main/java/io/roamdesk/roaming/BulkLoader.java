package io.roamdesk.roaming;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.jooq.tables.records.AppUserRecord;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.GroupMemberRecord;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.JSON;
import org.springframework.stereotype.Service;

/**
 * Writes prepared users, groups, messages and conversation rows in multi-row inserts: the path of
 * the demo data and of benchmark data sets, where the conversation index is computed up front
 * instead of message by message.
 */
@Service
public class BulkLoader {

    private final BulkInsertRepository inserts;

    BulkLoader(BulkInsertRepository inserts) {
        this.inserts = inserts;
    }

    @AutoCommit
    public void insertUsers(long appId, Collection<String> usernames, long createdAt) {
        List<AppUserRecord> rows = new ArrayList<>();
        for (String u : usernames) {
            // set by name: columns added later (passwords, V009) keep their defaults
            AppUserRecord r = new AppUserRecord();
            r.setAppId(appId);
            r.setUsername(u);
            r.setCreatedAt(createdAt);
            rows.add(r);
        }
        inserts.insertChunked(rows, true); // a live send may have registered the user first
    }

    @AutoCommit
    public void insertGroup(long appId, String groupId, String name, String owner, Collection<String> members,
            long createdAt) {
        inserts.insertGroup(appId, groupId, name, owner, createdAt);
        List<GroupMemberRecord> rows = new ArrayList<>();
        for (String m : members) {
            rows.add(new GroupMemberRecord(appId, groupId, m, createdAt));
        }
        inserts.insertChunked(rows, false);
    }

    @AutoCommit
    public void insertMessages(long appId, List<StoredMessage> messages) {
        List<MessageRecord> rows = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            rows.add(new MessageRecord(appId, m.convKey(), m.msgId(), m.from(), m.to(),
                    JooqEnums.messageChatType(m.chatType()), JooqEnums.bodyType(m.bodyType()),
                    JSON.json(m.body()), m.ext() == null ? null : JSON.json(m.ext()),
                    JooqEnums.messageOrigin(m.origin()), m.timestamp(), null, null));
        }
        inserts.insertChunked(rows, false);
    }

    /**
     * Conversation rows of a loaded set. A row that already exists was written by a live send
     * while the set was loading (the demo starts taking requests before its data is in); that
     * send is newer than every loaded message, so its row stays.
     */
    @AutoCommit
    public void insertConversations(long appId, Collection<ConversationState> conversations) {
        List<ConversationRecord> rows = new ArrayList<>(conversations.size());
        for (ConversationState c : conversations) {
            rows.add(new ConversationRecord(appId, c.owner(), JooqEnums.conversationChatType(c.chatType()),
                    c.convId(), c.convKey(), c.lastMsgId(), c.latestVisibleMsgId(),
                    JooqEnums.conversationOrigin(c.latestVisibleOrigin()), false, 0L, null, 0, 0L, c.ownLastMsgId(), null,
                    c.unreadNum(), null, null));
        }
        inserts.insertChunked(rows, true);
    }
}
