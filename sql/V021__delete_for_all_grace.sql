-- Delete-for-all is recoverable for a grace period: each one is recorded with the range it marked,
-- until when it may be restored, and what became of it (restored, or purged for good by a job).
CREATE TABLE for_all_deletion (
    app_id        BIGINT       NOT NULL,
    conv_key      VARCHAR(140) NOT NULL,
    deletion_id   BIGINT       NOT NULL,
    owner         VARCHAR(64)  NOT NULL,
    chat_type     VARCHAR(20)  NOT NULL,
    conv_id       VARCHAR(64)  NOT NULL,
    boundary_id   BIGINT       NOT NULL,
    deleted_at    BIGINT       NOT NULL,
    purge_after   BIGINT       NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    restored_at   BIGINT       NULL,
    restored_by   VARCHAR(64)  NULL,
    purge_job_id  BIGINT       NULL,
    purged_at     BIGINT       NULL,
    purged        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, conv_key, deletion_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_for_all_deletion_due ON for_all_deletion (state, purge_after);
CREATE INDEX ix_for_all_deletion_owner ON for_all_deletion (app_id, owner, deletion_id);

ALTER TABLE app_setting ADD COLUMN delete_grace_hours INT NOT NULL DEFAULT 24;
