-- Sign-in rate limiting: failed attempts in a row and the lockout they lead to (epoch ms, 0 = none).
ALTER TABLE console_account ADD COLUMN failed_sign_ins INT NOT NULL DEFAULT 0;
ALTER TABLE console_account ADD COLUMN locked_until BIGINT NOT NULL DEFAULT 0;
