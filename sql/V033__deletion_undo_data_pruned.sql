-- The undo data of a one-way deletion (what it asked for in deletion_hidden, the watermarks it set in
-- deletion_watermark) is of use only while some undo window could still reach it. Past the longest
-- window the setting allows (a week) no setting change can make it undoable again, so a scheduled
-- pass drops that data, folding the watermarks into the rows that stay (docs/roaming.md, "Undo").
-- The log row itself stays (the console's "Recent deletions"); undo_pruned_at says its data is gone,
-- and the index finds an app's deletions still to prune, oldest first.
ALTER TABLE deletion_log ADD COLUMN undo_pruned_at BIGINT NULL;

CREATE INDEX ix_deletion_log_unpruned ON deletion_log (app_id, undo_pruned_at, deleted_at);
