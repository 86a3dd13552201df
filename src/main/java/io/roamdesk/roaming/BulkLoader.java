package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CHAT_GROUP;

import io.roamdesk.jooq.tables.records.AppUserRecord;
import io.roamdesk.jooq.tables.records.ConversationRecord;
import io.roamdesk.jooq.tables.records.GroupMemberRecord;
import io.roamdesk.jooq.tables.records.MessageRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.springframework.stereotype.Service;

/**
 * Writes prepared users, groups, messages and conversation rows in multi-row inserts: the path of
 * the demo data and of benchmark data sets, where the conversation index is computed up front
 * instead of message by message.
 */
@Service
public class BulkLoader {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    BulkLoader(DSLContext db) {
        this.db = db;
    }

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
        insertChunked(rows, true); // a live send may have registered the user first
    }

    public void insertGroup(long appId, String groupId, String name, String owner, Collection<String> members,
            long createdAt) {
        db.insertInto(CHAT_GROUP)
                .set(CHAT_GROUP.APP_ID, appId)
                .set(CHAT_GROUP.GROUP_ID, groupId)
                .set(CHAT_GROUP.GROUP_NAME, name)
                .set(CHAT_GROUP.OWNER, owner)
                .set(CHAT_GROUP.CREATED_AT, createdAt)
                .execute();
        List<GroupMemberRecord> rows = new ArrayList<>();
        for (String m : members) {
            rows.add(new GroupMemberRecord(appId, groupId, m, createdAt));
        }
        insertChunked(rows, false);
    }

    public void insertMessages(long appId, List<StoredMessage> messages) {
        List<MessageRecord> rows = new ArrayList<>(messages.size());
        for (StoredMessage m : messages) {
            rows.add(new MessageRecord(appId, m.convKey(), m.msgId(), m.from(), m.to(),
                    JooqEnums.messageChatType(m.chatType()), JooqEnums.bodyType(m.bodyType()),
                    JSON.json(m.body()), m.ext() == null ? null : JSON.json(m.ext()),
                    JooqEnums.messageOrigin(m.origin()), m.timestamp(), null, null));
        }
        insertChunked(rows, false);
    }

    /**
     * Conversation rows of a loaded set. A row that already exists was written by a live send
     * while the set was loading (the demo starts taking requests before its data is in); that
     * send is newer than every loaded message, so its row stays.
     */
    public void insertConversations(long appId, Collection<ConversationState> conversations) {
        List<ConversationRecord> rows = new ArrayList<>(conversations.size());
        for (ConversationState c : conversations) {
            rows.add(new ConversationRecord(appId, c.owner(), JooqEnums.conversationChatType(c.chatType()),
                    c.convId(), c.convKey(), c.lastMsgId(), c.latestVisibleMsgId(),
                    JooqEnums.conversationOrigin(c.latestVisibleOrigin()), false, 0L, null, 0, 0L));
        }
        insertChunked(rows, true);
    }

    private <R extends org.jooq.TableRecord<R>> void insertChunked(List<R> rows, boolean keepExisting) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            var first = chunk.get(0);
            // the columns the rows set; the others keep their defaults
            org.jooq.Field<?>[] fields = java.util.Arrays.stream(first.fields()).filter(first::changed)
                    .toArray(org.jooq.Field[]::new);
            var insert = db.insertInto(first.getTable()).columns(fields);
            for (R r : chunk) {
                insert = insert.values(r.into(fields).intoArray());
            }
            (keepExisting ? keepRow(insert.onDuplicateKeyUpdate(), first.getTable().getPrimaryKey().getFields().get(0))
                    : insert).execute();
        }
    }

    // a no-op update rather than INSERT IGNORE, which would also turn real errors into warnings
    private static <R extends org.jooq.Record, T> org.jooq.Insert<R> keepRow(
            org.jooq.InsertOnDuplicateSetStep<R> step, org.jooq.TableField<R, T> key) {
        return step.set(key, key);
    }
}
