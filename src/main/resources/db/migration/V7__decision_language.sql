-- The language a decision's findings were answered in ('en' or 'nl', from Accept-Language), so an
-- idempotent retry and a replay use the language of the stored answer. Records stored before this
-- column were answered in English. Not part of the chain hash: the response body it describes
-- (whose "language" field says the same) is.
ALTER TABLE audit_record ADD COLUMN language VARCHAR(8);
