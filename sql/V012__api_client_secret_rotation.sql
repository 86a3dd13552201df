-- Rotating an API client's secret (issue 11): the previous secret's hash stays valid for new grants
-- until previous_secret_until (epoch ms, 0 = no previous secret), so integrators can switch over.
-- A disabled client is the existing revoked flag.
ALTER TABLE api_client ADD COLUMN previous_secret_hash VARCHAR(100) NULL;
ALTER TABLE api_client ADD COLUMN previous_secret_until BIGINT NOT NULL DEFAULT 0;
