-- Records the run's objects in the ledger, with what each COPY did per object. Runs after the loads and
-- the checks: a run that fails before this leaves its objects to the next run, which loads them again
-- (the loads are idempotent, so that changes nothing twice). The Plan step wrote {{ledger_file}}, one JSON
-- line per planned object.
DELETE FROM staging_ledger;

COPY staging_ledger
FROM {{ledger_file}}
IAM_ROLE {{iam_role}}
REGION {{region}}
FORMAT AS JSON 'auto'
COMPUPDATE OFF
STATUPDATE OFF;

INSERT INTO load_ledger (dataset, object_uri, etag, object_size, rows_loaded, rows_rejected, run_id, loaded_at)
SELECT l.dataset, l.object_uri, l.etag, l.object_size,
       COALESCE(f.rows_loaded, 0), COALESCE(f.rows_rejected, 0),
       {{run_id}}, CAST({{loaded_at}} AS TIMESTAMP)
FROM staging_ledger l
LEFT JOIN staging_file_loads f
    ON f.object_uri = l.object_uri AND f.dataset = l.dataset
LEFT JOIN load_ledger recorded
    ON recorded.object_uri = l.object_uri AND recorded.etag = l.etag
WHERE recorded.object_uri IS NULL;

SELECT COUNT(*) AS rows_written FROM staging_ledger;
