-- Destructive work that spans many transactions (a conversation deleted with its messages for
-- everyone) is a job: recorded with its scope before the first batch, advanced by a checkpoint in
-- each batch's own transaction, and resumed after a crash by whichever instance takes its lease.
CREATE TABLE job (
    job_id        BIGINT        NOT NULL,
    app_id        BIGINT        NOT NULL,
    kind          VARCHAR(40)   NOT NULL,
    owner         VARCHAR(64)   NOT NULL,
    chat_type     VARCHAR(20)   NOT NULL,
    conv_id       VARCHAR(64)   NOT NULL,
    boundary_id   BIGINT        NOT NULL,
    checkpoint_id BIGINT        NOT NULL,
    processed     BIGINT        NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    actor_role    VARCHAR(20)   NOT NULL,
    reason        VARCHAR(500)  NULL,
    lease_owner   VARCHAR(64)   NOT NULL,
    lease_until   BIGINT        NOT NULL,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    PRIMARY KEY (job_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_job_state_lease ON job (state, lease_until);
CREATE INDEX ix_job_app ON job (app_id, job_id);
