-- Hybrid fan-out (issue 17): groups with more members than the app's big_group_members keep one
-- "latest message" state row per group instead of one conversation row per member touched by
-- every send. Keyed by app + group, like group_member: on a sharded deployment it lives on the
-- group's shard.
--   member_count   the group's members, kept by the membership changes (the send reads it, not counts)
--   read_fanout    whether the members' rows follow this state (the group is big) or are written
--                  by every send (write fan-out); it changes only under this row's lock
--   last_msg_id    the group's newest message (kept in both modes), 0 when none
--   last_origin    the origin of that message
ALTER TABLE app_setting ADD COLUMN big_group_members INT NOT NULL DEFAULT 500;

CREATE TABLE group_state (
    app_id       BIGINT               NOT NULL,
    group_id     VARCHAR(64)          NOT NULL,
    member_count INT                  NOT NULL,
    read_fanout  BOOLEAN              NOT NULL DEFAULT FALSE,
    last_msg_id  BIGINT               NOT NULL DEFAULT 0,
    last_origin  ENUM ('sdk', 'rest') NULL,
    PRIMARY KEY (app_id, group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A member's row of a big group: the group's state up to follow_from_msg_id is folded into the
-- row; a newer group message is merged in when the list is read. NULL: the row is written by the
-- sends themselves (small groups, single chats) or frozen (a member who left).
ALTER TABLE conversation ADD COLUMN follow_from_msg_id BIGINT NULL;

-- no index of its own: a list finds the owner's big-group rows among the owner's group rows on
-- the primary key (app_id, owner, chat_type = 'groupchat'), and a new index here would compete
-- with ix_conversation_activity in the list's plan

-- the groups that exist before this migration start in write fan-out; their first send decides
/* [jooq ignore start] */
INSERT INTO group_state (app_id, group_id, member_count, read_fanout, last_msg_id, last_origin)
SELECT g.app_id, g.group_id,
       (SELECT COUNT(*) FROM group_member m WHERE m.app_id = g.app_id AND m.group_id = g.group_id),
       FALSE,
       COALESCE((SELECT MAX(x.msg_id) FROM message x WHERE x.app_id = g.app_id AND x.conv_key = CONCAT('g:', g.group_id)), 0),
       (SELECT y.origin FROM message y WHERE y.app_id = g.app_id AND y.conv_key = CONCAT('g:', g.group_id)
        ORDER BY y.msg_id DESC LIMIT 1)
FROM chat_group g;
/* [jooq ignore stop] */
