-- Heads of the chain that a full verify found valid, newest last: "verify since the last signed-off
-- head" checks only the records after the newest of them. Only sequence and hash are kept, so a
-- retention purge has nothing to remove here.
CREATE TABLE audit_signed_off_head (
    seq            BIGINT      PRIMARY KEY,
    hash           VARCHAR(64) NOT NULL,
    checked        BIGINT      NOT NULL,
    signed_off_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
