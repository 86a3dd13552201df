-- An app can be disabled (issue 11): its REST API then refuses every call with 403 forbidden_op,
-- its data stays, and enabling it again restores the API as it was.
ALTER TABLE app ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
