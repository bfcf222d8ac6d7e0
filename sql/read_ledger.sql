-- The objects already loaded: the Plan step reads the first statement's rows (which may be many) by
-- the statement's id. The state machine itself only carries the second, one small row.
SELECT object_uri, etag
FROM load_ledger;

SELECT COUNT(*) AS objects
FROM load_ledger;
