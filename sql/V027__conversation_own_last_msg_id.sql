-- The owner's newest own message in each conversation, kept on the owner's row by the same upserts
-- that move last_msg_id (a send, a batch, a group's fan-out). The owner has read everything up to
-- the message they sent, so unread counts start after it: the cursor list reads it with the row
-- instead of probing the sender index once per entry. It never moves back: a message the owner
-- sent and that is later recalled or purged still marks what the owner had read when answering.
ALTER TABLE conversation ADD COLUMN own_last_msg_id BIGINT NOT NULL DEFAULT 0;

/* [jooq ignore start] */
-- rows written before this column: the newest message of the owner still stored (the old probe)
UPDATE conversation c
SET own_last_msg_id = COALESCE((SELECT MAX(m.msg_id) FROM message m
                                WHERE m.app_id = c.app_id AND m.conv_key = c.conv_key AND m.sender = c.owner), 0);
/* [jooq ignore stop] */
