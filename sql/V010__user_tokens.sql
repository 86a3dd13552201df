-- Bearer tokens of end users (password and inherit grants). Only the SHA-256 of a token is stored.
-- Keyed by app + user (the shard key): the token names its user, so a check never scans other
-- users' rows; a user's deletion or password change deletes its rows.
CREATE TABLE user_token (
    app_id     BIGINT      NOT NULL,
    username   VARCHAR(64) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (app_id, username, token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
