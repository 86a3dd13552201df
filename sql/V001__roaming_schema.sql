-- Roamdesk schema v1: the whole roaming schema.
-- Rules (see docs/schema.md): every roaming table's primary key starts with app_id, hot queries are
-- bounded by app + owner user or app + conversation, no foreign keys, message ids come from the
-- service (snowflake), times are epoch milliseconds.

CREATE TABLE app (
    app_id     BIGINT      NOT NULL,
    org_name   VARCHAR(64) NOT NULL,
    app_name   VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id),
    UNIQUE KEY uk_app_org_name (org_name, app_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE api_client (
    app_id      BIGINT       NOT NULL,
    client_id   VARCHAR(64)  NOT NULL,
    secret_hash VARCHAR(100) NOT NULL,
    description VARCHAR(200) NOT NULL,
    revoked     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (app_id, client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE api_token (
    app_id     BIGINT      NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    client_id  VARCHAR(64) NOT NULL,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_api_token_client ON api_token (app_id, client_id);

CREATE TABLE app_setting (
    app_id                 BIGINT  NOT NULL,
    roaming_enabled        BOOLEAN NOT NULL,
    one_way_delete_enabled BOOLEAN NOT NULL,
    rest_in_list           BOOLEAN NOT NULL,
    conversation_cap       INT     NOT NULL,
    legacy_days            INT     NOT NULL,
    legacy_count           INT     NOT NULL,
    updated_at             BIGINT  NOT NULL,
    version                INT     NOT NULL,
    PRIMARY KEY (app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE app_setting_change (
    app_id     BIGINT       NOT NULL,
    change_id  BIGINT       NOT NULL,
    changed_at BIGINT       NOT NULL,
    actor      VARCHAR(64)  NOT NULL,
    setting    VARCHAR(40)  NOT NULL,
    old_value  VARCHAR(64)  NOT NULL,
    new_value  VARCHAR(64)  NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    PRIMARY KEY (app_id, change_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE app_user (
    app_id     BIGINT      NOT NULL,
    username   VARCHAR(64) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE chat_group (
    app_id     BIGINT       NOT NULL,
    group_id   VARCHAR(64)  NOT NULL,
    group_name VARCHAR(128) NOT NULL,
    owner      VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (app_id, group_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE group_member (
    app_id    BIGINT      NOT NULL,
    group_id  VARCHAR(64) NOT NULL,
    username  VARCHAR(64) NOT NULL,
    joined_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, group_id, username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_group_member_user ON group_member (app_id, username, group_id);

-- conv_key names the conversation independent of who looks at it:
-- 'c:<smaller username>:<larger username>' for a single chat, 'g:<group id>' for a group.
CREATE TABLE message (
    app_id             BIGINT                                                      NOT NULL,
    conv_key           VARCHAR(140)                                                NOT NULL,
    msg_id             BIGINT                                                      NOT NULL,
    sender             VARCHAR(64)                                                 NOT NULL,
    target             VARCHAR(64)                                                 NOT NULL,
    chat_type          ENUM ('chat', 'groupchat')                                  NOT NULL,
    body_type          ENUM ('txt', 'img', 'loc', 'audio', 'video', 'file', 'cmd', 'custom') NOT NULL,
    body               JSON                                                        NOT NULL,
    ext                JSON                                                        NULL,
    origin             ENUM ('sdk', 'rest')                                        NOT NULL,
    server_ts          BIGINT                                                      NOT NULL,
    deleted_for_all_at BIGINT                                                      NULL,
    PRIMARY KEY (app_id, conv_key, msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_message_sender ON message (app_id, conv_key, sender, msg_id);
CREATE INDEX ix_message_body_type ON message (app_id, conv_key, body_type, msg_id);

-- One row per (owner, conversation): the owner's server conversation list.
CREATE TABLE conversation (
    app_id                BIGINT                     NOT NULL,
    owner                 VARCHAR(64)                NOT NULL,
    chat_type             ENUM ('chat', 'groupchat') NOT NULL,
    conv_id               VARCHAR(64)                NOT NULL,
    conv_key              VARCHAR(140)               NOT NULL,
    last_msg_id           BIGINT                     NOT NULL,
    latest_visible_msg_id BIGINT                     NULL,
    latest_visible_origin ENUM ('sdk', 'rest')       NULL,
    hidden                BOOLEAN                    NOT NULL DEFAULT FALSE,
    cleared_before_msg_id BIGINT                     NOT NULL DEFAULT 0,
    PRIMARY KEY (app_id, owner, chat_type, conv_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_conversation_activity ON conversation (app_id, owner, last_msg_id);

-- One-way deletions by id: keyed by the conversation (like message) so the anti-join stays on one shard.
CREATE TABLE message_hidden (
    app_id     BIGINT       NOT NULL,
    conv_key   VARCHAR(140) NOT NULL,
    owner      VARCHAR(64)  NOT NULL,
    msg_id     BIGINT       NOT NULL,
    deleted_at BIGINT       NOT NULL,
    PRIMARY KEY (app_id, conv_key, owner, msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE console_account (
    username      VARCHAR(64)                              NOT NULL,
    password_hash VARCHAR(100)                             NOT NULL,
    role          ENUM ('SUPPORT', 'APP_ADMIN', 'AUDITOR') NOT NULL,
    enabled       BOOLEAN                                  NOT NULL DEFAULT TRUE,
    created_at    BIGINT                                   NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE audit_event (
    event_id    BIGINT        NOT NULL,
    occurred_at BIGINT        NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    actor_role  VARCHAR(20)   NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    app_id      BIGINT        NULL,
    target_user VARCHAR(64)   NULL,
    target      VARCHAR(200)  NULL,
    params      JSON          NULL,
    outcome     VARCHAR(20)   NOT NULL,
    reason      VARCHAR(500)  NULL,
    prev_hash   CHAR(64)      NOT NULL,
    row_hash    CHAR(64)      NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_app_user ON audit_event (app_id, target_user, event_id);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, event_id);

-- Snowflake worker ids leased by running instances, so several instances share one database.
CREATE TABLE worker_lease (
    worker_id   INT         NOT NULL,
    instance_id VARCHAR(64) NOT NULL,
    lease_until BIGINT      NOT NULL,
    PRIMARY KEY (worker_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
