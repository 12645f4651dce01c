-- The audit trail. One schema for the embedded store (H2 in PostgreSQL mode) and PostgreSQL.

-- Every ruleset the service ever ran, content-addressed by its version (sha256 over its files).
CREATE TABLE ruleset (
    version          VARCHAR(80)  PRIMARY KEY,
    rule_count       INTEGER      NOT NULL,
    first_active_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ruleset_file (
    version  VARCHAR(80)      NOT NULL REFERENCES ruleset (version),
    path     VARCHAR(500)     NOT NULL,
    content  VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (version, path)
);

-- The hash chain, in order of seq. kind DECISION holds a decision; kind PURGE records that the
-- records up to a sequence were removed under the retention period, with the head they had.
CREATE TABLE audit_record (
    seq              BIGINT       PRIMARY KEY,
    kind             VARCHAR(16)  NOT NULL,
    decision_id      VARCHAR(36)  UNIQUE,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ruleset_version  VARCHAR(80),
    verdict          VARCHAR(32),
    idempotency_key  VARCHAR(200) UNIQUE,
    request_hash     VARCHAR(64),
    request_body     VARCHAR(1000000),
    response_body    VARCHAR(1000000),
    trace            VARCHAR(1000000),
    timings          VARCHAR(2000),
    caller           VARCHAR(200),
    payload          VARCHAR(2000),
    prev_hash        VARCHAR(64)  NOT NULL,
    hash             VARCHAR(64)  NOT NULL
);

CREATE INDEX audit_record_decided_at ON audit_record (decided_at);
CREATE INDEX audit_record_verdict ON audit_record (verdict, seq);
CREATE INDEX audit_record_ruleset ON audit_record (ruleset_version, seq);

-- Which rules fired in which decision: the index behind "every decision where rule X fired".
CREATE TABLE audit_rule_fired (
    rule_id     VARCHAR(100) NOT NULL,
    seq         BIGINT       NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (rule_id, seq)
);

-- The head of the chain, locked by the writer of each batch so that records are chained in one
-- order even if two service instances share the store.
CREATE TABLE audit_chain_head (
    id    INTEGER     PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
