-- Recall (delete one message for everyone): each app's recall window, and when a message was
-- recalled. A recalled message is also marked deleted_for_all_at, so every read that hides
-- deleted-for-all messages hides it without a change; recalled_at tells the two apart.
ALTER TABLE app_setting ADD COLUMN recall_window_seconds INT NOT NULL DEFAULT 120;
ALTER TABLE message ADD COLUMN recalled_at BIGINT NULL;
