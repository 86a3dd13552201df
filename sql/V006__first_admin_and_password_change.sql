-- Operators set up Roamdesk without code (issue 11): the first account is a platform administrator
-- created from settings, and an account created with a temporary password must change it at its
-- first sign-in. PLATFORM_ADMIN: every app, and everything APP_ADMIN may do.
ALTER TABLE console_account MODIFY COLUMN role ENUM ('SUPPORT', 'APP_ADMIN', 'AUDITOR', 'PLATFORM_ADMIN') NOT NULL;
ALTER TABLE console_account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
