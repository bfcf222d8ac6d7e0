-- A run with no log file to load still empties staging_events, so the loads after it see this run's
-- data only (none), not the previous run's.
TRUNCATE staging_events;
