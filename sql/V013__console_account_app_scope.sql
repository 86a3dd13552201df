-- Which apps a console account may act on (issue 11): every app (all_apps, the default, so existing
-- accounts keep what they had), or exactly the apps listed in console_account_app.
ALTER TABLE console_account ADD COLUMN all_apps BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE console_account_app (
    username VARCHAR(64) NOT NULL,
    app_id   BIGINT      NOT NULL,
    PRIMARY KEY (username, app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
