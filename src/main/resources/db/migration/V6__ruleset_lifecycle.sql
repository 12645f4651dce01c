-- The rulesets' life: which version was activated when, by whom and why (each activation is also a
-- record of kind ACTIVATION in the hash chain), and the rules folder's content as last seen, so that
-- a restart restores a rollback while the folder is unchanged. Failures (a rule that threw, ran away
-- or ran too long) are chain records of kind FAILURE; both carry their details in payload.

ALTER TABLE audit_record ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);

-- Kept apart from audit_record, so that the retention purge (which removes old chain records)
-- never removes the history of what was active.
CREATE TABLE ruleset_activation (
    seq                BIGINT        PRIMARY KEY,
    version            VARCHAR(80)   NOT NULL REFERENCES ruleset (version),
    activated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_by       VARCHAR(200)  NOT NULL,
    reason             VARCHAR(2000) NOT NULL,
    failing_scenarios  VARCHAR(1000000) NOT NULL
);

CREATE TABLE ruleset_folder (
    id            INTEGER      PRIMARY KEY,
    seen_version  VARCHAR(80)  NOT NULL,
    seen_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
