-- End users of an app (vendor user management): a password (Spring Security hash, NULL for users
-- created by sends until one is set), whether the user may sign in, and when it last changed.
ALTER TABLE app_user ADD COLUMN password_hash VARCHAR(100) NULL;
ALTER TABLE app_user ADD COLUMN activated BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE app_user ADD COLUMN modified_at BIGINT NULL;
