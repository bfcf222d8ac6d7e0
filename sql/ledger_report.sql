-- What was loaded when, by which run: one row per run and dataset, newest first.
SELECT run_id,
       MIN(loaded_at) AS loaded_at,
       dataset,
       COUNT(*) AS objects,
       CAST(SUM(object_size) AS BIGINT) AS bytes,
       CAST(SUM(rows_loaded) AS BIGINT) AS rows_loaded,
       CAST(SUM(rows_rejected) AS BIGINT) AS rows_rejected
FROM load_ledger
GROUP BY run_id, dataset
ORDER BY MIN(loaded_at) DESC, run_id, dataset;
