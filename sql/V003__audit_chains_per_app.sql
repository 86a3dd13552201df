-- The audit trail becomes one hash chain per app (chain 0: events of no app, and every event written
-- before this migration), so audited actions of different apps never wait on each other. Each
-- chain's head row is what writers lock: a record lock on an existing row, where locking the
-- newest event took gap locks that deadlocked concurrent appenders.
CREATE TABLE audit_chain (
    chain_id      BIGINT   NOT NULL,
    last_seq      BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    last_event_id BIGINT   NOT NULL,
    PRIMARY KEY (chain_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE audit_event ADD COLUMN chain_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_event ADD COLUMN chain_seq BIGINT NOT NULL DEFAULT 0;

/* [jooq ignore start] */
-- events so far were numbered 1, 2, 3 … in one chain: that chain is chain 0, in the same order
UPDATE audit_event SET chain_seq = event_id;
INSERT INTO audit_chain (chain_id, last_seq, last_hash, last_event_id)
    VALUES (0, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);
UPDATE audit_chain
    SET last_seq = (SELECT MAX(event_id) FROM audit_event),
        last_hash = (SELECT row_hash FROM audit_event ORDER BY event_id DESC LIMIT 1),
        last_event_id = (SELECT MAX(event_id) FROM audit_event)
    WHERE chain_id = 0 AND EXISTS (SELECT 1 FROM audit_event);
/* [jooq ignore stop] */

CREATE UNIQUE INDEX ux_audit_event_chain ON audit_event (chain_id, chain_seq);
