-- A run with no song file to load still empties staging_songs, so the loads after it see this run's
-- data only (none), not the previous run's.
TRUNCATE staging_songs;
