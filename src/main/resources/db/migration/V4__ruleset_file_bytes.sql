-- A rule file is kept as its exact bytes. Until now it was kept as text, decoded as UTF-8: bytes
-- that are not valid UTF-8 were replaced, so such a file no longer hashed to its version (and
-- PostgreSQL cannot keep a NUL character in text at all). Files stored before keep their text
-- in content, which is exact for every file that was valid UTF-8; new files fill content_bytes.
ALTER TABLE ruleset_file ADD COLUMN content_bytes BYTEA;
ALTER TABLE ruleset_file ALTER COLUMN content DROP NOT NULL;
