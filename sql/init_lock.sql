-- The pipeline lock: one row that a run holds from before it plans until it has recorded what it
-- loaded, so overlapping executions (two files landing together, a replayed event, a schedule firing
-- during an event run) run one after the other and the second sees what the first loaded.
-- Created by every run before it asks for the lock; the PRIMARY KEY and Redshift's serializable
-- isolation keep two first runs from creating two rows (the loser fails and is retried).
CREATE TABLE IF NOT EXISTS pipeline_lock (
    lock_name           VARCHAR(32) NOT NULL PRIMARY KEY,
    run_id              VARCHAR(128),
    acquired_at         TIMESTAMP
)
DISTSTYLE ALL;

INSERT INTO pipeline_lock (lock_name, run_id, acquired_at)
SELECT 'etl', NULL, NULL
WHERE NOT EXISTS (SELECT 1 FROM pipeline_lock WHERE lock_name = 'etl');
