-- Search by caller (GET /api/v1/decisions?caller=...), newest first: read backwards along this
-- index and stop at the page's end, as for verdict and ruleset version.
CREATE INDEX audit_record_caller ON audit_record (caller, seq);
