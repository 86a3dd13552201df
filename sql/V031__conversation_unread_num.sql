-- A maintained unread count on each conversation row (issue 16): the cursor list reads it with the
-- row instead of counting the messages at list time. Same meaning as the count it replaces:
-- messages of others after the read point (the highest of read_up_to_msg_id, cleared_before_msg_id
-- and own_last_msg_id), up to last_msg_id, that the owner can see, 100 meaning "100 or more".
--   unread_num  kept by the arrival upserts (+1 per message above the read point, 0 on the owner's
--               own newest message); NULL means "not known": the list counts that row as before,
--               until the owner's next read stores the exact value again. Deletions, recalls,
--               purges, restores and membership changes set it to NULL (docs/roaming.md).
ALTER TABLE conversation ADD COLUMN unread_num INT NULL;

/* [jooq ignore start] */
-- rows written before this column, in one statement: the bounded count of today (a migration may
-- read the messages once). Big-group rows (follow_from_msg_id) are counted at list time anyway, and a
-- former member's frozen group row stays NULL (a recall only reaches the current members' rows).
UPDATE conversation c
SET c.unread_num = LEAST(100, (SELECT COUNT(*) FROM message m
        LEFT JOIN message_hidden h ON h.app_id = m.app_id AND h.conv_key = m.conv_key AND h.owner = c.owner
            AND h.msg_id = m.msg_id
        WHERE m.app_id = c.app_id AND m.conv_key = c.conv_key
          AND m.msg_id > GREATEST(c.read_up_to_msg_id, c.cleared_before_msg_id, c.own_last_msg_id)
          AND m.msg_id <= c.last_msg_id
          AND m.sender <> c.owner AND m.deleted_for_all_at IS NULL AND h.msg_id IS NULL))
WHERE c.follow_from_msg_id IS NULL
  AND (c.chat_type = 'chat' OR EXISTS (SELECT 1 FROM group_member g
        WHERE g.app_id = c.app_id AND g.group_id = c.conv_id AND g.username = c.owner));
/* [jooq ignore stop] */
