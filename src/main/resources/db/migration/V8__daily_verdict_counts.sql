-- Decisions per UTC day and verdict, kept by the writer in the transaction of each batch (and by the
-- retention purge), so that the console's chart over a period reads a few rows per day instead of
-- counting every decision of the period. The day is the UTC day number (epoch seconds / 86400), which
-- both stores compute alike whatever the session's time zone.
CREATE TABLE audit_daily_verdict (
    utc_day    BIGINT       NOT NULL,
    verdict    VARCHAR(32)  NOT NULL,
    decisions  BIGINT       NOT NULL,
    PRIMARY KEY (utc_day, verdict)
);

INSERT INTO audit_daily_verdict (utc_day, verdict, decisions)
SELECT utc_day, verdict, COUNT(*)
FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM decided_at) / 86400) AS BIGINT) AS utc_day, verdict
      FROM audit_record WHERE kind = 'DECISION') d
GROUP BY utc_day, verdict;

-- Per UTC hour (epoch seconds / 3600), ruleset version and rule: in how many decisions the rule
-- fired, and how often in all (a per-stakeholder rule fires once per stakeholder). Kept like the
-- verdict counts, for the rules page and GET /api/v1/rules/usage, which read the partial hours at the
-- ends of a period from the traces; by the hour, so that those are few. The counts of records stored
-- before this table are made from their traces by the next migration (V9, Java: SQL cannot read a trace).
CREATE TABLE audit_hourly_rule (
    utc_hour         BIGINT        NOT NULL,
    ruleset_version  VARCHAR(80)   NOT NULL,
    rule_id          VARCHAR(100)  NOT NULL,
    decisions        BIGINT        NOT NULL,
    firings          BIGINT        NOT NULL,
    PRIMARY KEY (utc_hour, ruleset_version, rule_id)
);
