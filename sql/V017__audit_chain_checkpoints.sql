-- How far each audit chain has been verified: the number and hash of the last event a verification
-- walked and found intact, so opening the audit view checks only the events written since. A full
-- verification (from the chain's first event) still finds tampering before the checkpoint, and
-- also checks that the checkpoint itself matches the chain.
CREATE TABLE audit_checkpoint (
    chain_id          BIGINT   NOT NULL,
    verified_seq      BIGINT   NOT NULL,
    verified_hash     CHAR(64) NOT NULL,
    verified_event_id BIGINT   NOT NULL,
    verified_event_at BIGINT   NOT NULL,
    checked_at        BIGINT   NOT NULL,
    PRIMARY KEY (chain_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
