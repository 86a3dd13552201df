package io.roamdesk.roaming;

import static io.roamdesk.jooq.Tables.CHAT_GROUP;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Multi-row inserts of prepared rows (the bulk loader's): chunks of a thousand rows per statement,
 * each row keyed by its own primary key (app first).
 */
@Repository
class BulkInsertRepository {

    private static final int CHUNK = 1000;

    private final DSLContext db;

    BulkInsertRepository(DSLContext db) {
        this.db = db;
    }

    void insertGroup(long appId, String groupId, String name, String owner, long createdAt) {
        db.insertInto(CHAT_GROUP)
                .set(CHAT_GROUP.APP_ID, appId)
                .set(CHAT_GROUP.GROUP_ID, groupId)
                .set(CHAT_GROUP.GROUP_NAME, name)
                .set(CHAT_GROUP.OWNER, owner)
                .set(CHAT_GROUP.CREATED_AT, createdAt)
                .execute();
    }

    /** The rows, a chunk per statement; with {@code keepExisting} a row already there stays as it is. */
    <R extends org.jooq.TableRecord<R>> void insertChunked(List<R> rows, boolean keepExisting) {
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
        if (key.getTable().equals(io.roamdesk.jooq.Tables.CONVERSATION)) {
            // a live send's row now also holds the loaded messages, which its unread counter never saw
            return step.set(key, key).set(io.roamdesk.jooq.Tables.CONVERSATION.UNREAD_NUM,
                    UnreadCounter.UNKNOWN);
        }
        return step.set(key, key);
    }
}
