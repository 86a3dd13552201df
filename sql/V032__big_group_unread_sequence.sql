-- Unread counts of big groups without counting messages (issue 17): a big group's send writes its
-- state row, not its members' rows, so the list counted each big-group entry from the messages (one
-- primary-key walk per entry). With a sequence number per group and the sequence a member's read
-- point stands at, the count is a subtraction, valid while nothing the subtraction cannot see
-- happened (docs/roaming.md, "Unread counts of big groups").
--   group_state.msg_seq      how many messages the group has had (every send adds its messages,
--                            under the state row's lock, in id order)
--   group_state.seq_floor    read points whose sequence is below this are not trusted: raised when a
--                            message disappears for everyone (recall, delete for all, purge), when
--                            a message arrives late (its id below the newest) and when the group
--                            becomes big
--   conversation.read_seq_msg_id, conversation.read_seq
--                            the member's read point and the group's msg_seq that counted every
--                            message up to it, stored when the member reads up to the group's newest
--                            message or sends one; trusted only while read_seq_msg_id is still the
--                            row's read point. NULL: not known (the list counts the messages)
ALTER TABLE group_state
    ADD COLUMN msg_seq   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN seq_floor BIGINT NOT NULL DEFAULT 0;

ALTER TABLE conversation
    ADD COLUMN read_seq_msg_id BIGINT NULL,
    ADD COLUMN read_seq        BIGINT NULL;
