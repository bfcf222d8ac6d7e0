-- Gives the pipeline lock back, if {{run_id}} still holds it.
UPDATE pipeline_lock
SET run_id = NULL, acquired_at = NULL
WHERE lock_name = 'etl'
  AND run_id = {{run_id}};
