-- Drops every table of the pipeline, the history and the ledger with them: only for a run whose input
-- asks for a reset. The lock stays: the resetting run holds it.
DROP TABLE IF EXISTS staging_events;
DROP TABLE IF EXISTS staging_songs;
DROP TABLE IF EXISTS songplays;
DROP TABLE IF EXISTS users;
DROP TABLE IF EXISTS songs;
DROP TABLE IF EXISTS artists;
DROP TABLE IF EXISTS time;
DROP TABLE IF EXISTS song_rows;
DROP TABLE IF EXISTS user_recency;
DROP TABLE IF EXISTS songplay_sources;
DROP TABLE IF EXISTS load_ledger;
DROP TABLE IF EXISTS staging_ledger;
DROP TABLE IF EXISTS staging_file_loads;
