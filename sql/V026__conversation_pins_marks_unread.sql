-- Pins, marks and read pointers of server conversations (the vendor's cursor list with is_top,
-- marks and unread_num). They are the owner's own state of one conversation row, so they live on
-- that row: the list reads them with no join, and every query stays keyed by app + owner.
--   pinned_at          when the owner pinned it (epoch ms), NULL when not pinned (at most 50 per owner)
--   marks              MARK_0..MARK_19 as bits 0..19
--   read_up_to_msg_id  "read up to here": messages of others with a higher id are unread
ALTER TABLE conversation ADD COLUMN pinned_at BIGINT NULL;
ALTER TABLE conversation ADD COLUMN marks INT NOT NULL DEFAULT 0;
ALTER TABLE conversation ADD COLUMN read_up_to_msg_id BIGINT NOT NULL DEFAULT 0;

-- the pinned list (newest pin first) of one owner
CREATE INDEX ix_conversation_pinned ON conversation (app_id, owner, pinned_at);
