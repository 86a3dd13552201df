-- Retention (issue 15 part 2): each app keeps its messages retention_days days (0 = forever); a
-- scheduled purge deletes older ones. The schedule runs on one instance at a time through ShedLock's
-- lock row (table shedlock, ShedLock's own layout); each purge run is a durable job (kind
-- RETENTION_PURGE) whose checkpoint is the conversation key it reached: checkpoint_key.
ALTER TABLE app_setting ADD COLUMN retention_days INT NOT NULL DEFAULT 0;

ALTER TABLE job ADD COLUMN checkpoint_key VARCHAR(140) NULL;

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
