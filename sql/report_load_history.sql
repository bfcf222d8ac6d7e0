-- Analyst report: the load history from the ledger, per run and dataset, for the most recent runs
-- (oldest first).
WITH recent_runs AS (
    SELECT run_id, MIN(loaded_at) AS loaded_at
    FROM load_ledger
    GROUP BY run_id
    ORDER BY MIN(loaded_at) DESC, run_id
    LIMIT {{runs}}
)
SELECT r.run_id,
       r.loaded_at,
       l.dataset,
       CAST(COUNT(*) AS BIGINT) AS objects,
       CAST(COALESCE(SUM(l.object_size), 0) AS BIGINT) AS bytes,
       CAST(COALESCE(SUM(l.rows_loaded), 0) AS BIGINT) AS rows_loaded,
       CAST(COALESCE(SUM(l.rows_rejected), 0) AS BIGINT) AS rows_rejected
FROM load_ledger l
JOIN recent_runs r ON r.run_id = l.run_id
GROUP BY r.run_id, r.loaded_at, l.dataset
ORDER BY r.loaded_at, r.run_id, l.dataset;
