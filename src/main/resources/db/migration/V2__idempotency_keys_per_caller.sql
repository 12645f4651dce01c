-- Idempotency keys belong to the caller that sent them: two callers may use the same key.
-- idempotency_scope is the caller of a record that has a key ('' for a record without caller,
-- so that all anonymous requests share one scope); it is NULL when there is no key. It is an
-- index helper, not audited content: the chain hash covers caller and idempotency_key already.
ALTER TABLE audit_record ADD COLUMN idempotency_scope VARCHAR(200);
UPDATE audit_record SET idempotency_scope = COALESCE(caller, '') WHERE idempotency_key IS NOT NULL;

-- V1 declared idempotency_key UNIQUE on its own. The constraint has no name of ours: PostgreSQL
-- names it <table>_<column>_key, H2 derives CONSTRAINT_<hex of the table name's hash> in the order
-- V1 creates them (primary key A, decision_id AF, idempotency_key AF5). Each store ignores the
-- other's name.
ALTER TABLE audit_record DROP CONSTRAINT IF EXISTS audit_record_idempotency_key_key;
ALTER TABLE audit_record DROP CONSTRAINT IF EXISTS "CONSTRAINT_AF5";
ALTER TABLE audit_record ADD CONSTRAINT audit_record_idempotency_key UNIQUE (idempotency_key, idempotency_scope);

-- The retention purge deletes the rules fired of one slice of records at a time, by sequence.
CREATE INDEX audit_rule_fired_seq ON audit_rule_fired (seq);
