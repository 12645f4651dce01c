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
