-- Takes the pipeline lock for {{run_id}} if it is free, already this run's, or held by a run that
-- started before {{stale_before}} (a crashed execution must not block the pipeline for ever). Two runs
-- updating the one row at once conflict, and one of them is retried. The last statement says who holds
-- it; the state machine waits and asks again while another run does.
UPDATE pipeline_lock
SET run_id = {{run_id}}, acquired_at = CAST({{now}} AS TIMESTAMP)
WHERE lock_name = 'etl'
  AND (run_id IS NULL OR run_id = {{run_id}} OR acquired_at < CAST({{stale_before}} AS TIMESTAMP));

SELECT CASE WHEN run_id = {{run_id}} THEN 1 ELSE 0 END AS acquired, run_id AS holder, acquired_at
FROM pipeline_lock
WHERE lock_name = 'etl';
