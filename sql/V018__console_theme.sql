-- Each console account's colour theme (light or Lumo's dark variant), remembered across sign-ins.
-- A table of its own rather than a column on console_account: preferences are read and written
-- apart from the account's credentials and role.
CREATE TABLE console_preference (
    username   VARCHAR(64) NOT NULL,
    theme      VARCHAR(10) NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
