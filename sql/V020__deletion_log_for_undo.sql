-- Undo of one-way deletions: one row per deletion (by ids, by time, clear-all) with who, when, why
-- and whether it was undone, plus exactly what it changed, so an undo reverses that and nothing else.
-- Keyed by app + owner (the log and the watermarks) or app + conversation (the hidden ids), like
-- the rows they describe.
CREATE TABLE deletion_log (
    app_id       BIGINT       NOT NULL,
    owner        VARCHAR(64)  NOT NULL,
    deletion_id  BIGINT       NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    chat_type    VARCHAR(20)  NULL,
    conv_id      VARCHAR(64)  NULL,
    conv_key     VARCHAR(140) NULL,
    before_time  BIGINT       NULL,
    messages     INT          NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    actor_role   VARCHAR(20)  NOT NULL,
    reason       VARCHAR(500) NULL,
    deleted_at   BIGINT       NOT NULL,
    undone_at    BIGINT       NULL,
    undone_by    VARCHAR(64)  NULL,
    undo_reason  VARCHAR(500) NULL,
    PRIMARY KEY (app_id, owner, deletion_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A delete by ids: every id it asked for; created_row says the message_hidden row is the log's own
-- (made by a logged deletion, not there before), so the last undo asking for it may remove it.
CREATE TABLE deletion_hidden (
    app_id      BIGINT       NOT NULL,
    conv_key    VARCHAR(140) NOT NULL,
    owner       VARCHAR(64)  NOT NULL,
    msg_id      BIGINT       NOT NULL,
    deletion_id BIGINT       NOT NULL,
    created_row BOOLEAN      NOT NULL,
    PRIMARY KEY (app_id, conv_key, owner, msg_id, deletion_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_deletion_hidden_deletion ON deletion_hidden (app_id, conv_key, owner, deletion_id);

-- A watermark deletion (by time, clear-all): per conversation the watermark it set and the one
-- before it; the oldest row's previous watermark is the base no logged deletion explains.
CREATE TABLE deletion_watermark (
    app_id         BIGINT       NOT NULL,
    owner          VARCHAR(64)  NOT NULL,
    chat_type      VARCHAR(20)  NOT NULL,
    conv_id        VARCHAR(64)  NOT NULL,
    deletion_id    BIGINT       NOT NULL,
    conv_key       VARCHAR(140) NOT NULL,
    watermark      BIGINT       NOT NULL,
    prev_watermark BIGINT       NOT NULL,
    PRIMARY KEY (app_id, owner, chat_type, conv_id, deletion_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_deletion_watermark_deletion ON deletion_watermark (app_id, owner, deletion_id);

ALTER TABLE app_setting ADD COLUMN undo_window_minutes INT NOT NULL DEFAULT 30;
