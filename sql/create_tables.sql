-- Creates the staging and star-schema tables if they do not exist. Never drops anything: a reset is
-- drop_tables.sql, run only when a run's input asks for it.
--
-- Types are chosen to mean the same in Redshift and in DuckDB: DOUBLE PRECISION (FLOAT is 4 bytes in
-- DuckDB), VARCHAR lengths in bytes as Redshift counts them (the local warehouse enforces them too).
-- Distribution and sort keys are Redshift's; the local warehouse strips them.

-- Staging: one run's COPY output, truncated before each load. Columns are the JSON keys lower-cased,
-- in the order of log_json_path.json, so both JSON 'auto ignorecase' and the jsonpaths file map them.
-- EVEN distribution: COPY writes it once, spread over every slice, and the loads read it whole.
-- NOT NULL on the natural key and timestamp: COPY rejects (and records) an event without them.
CREATE TABLE IF NOT EXISTS staging_events (
    artist          VARCHAR(512),
    auth            VARCHAR(32),
    firstname       VARCHAR(256),
    gender          VARCHAR(16),
    iteminsession   INTEGER NOT NULL,
    lastname        VARCHAR(256),
    length          DOUBLE PRECISION,
    level           VARCHAR(16),
    location        VARCHAR(512),
    method          VARCHAR(16),
    page            VARCHAR(64),
    registration    DOUBLE PRECISION,
    sessionid       INTEGER NOT NULL,
    song            VARCHAR(512),
    status          INTEGER,
    ts              TIMESTAMP NOT NULL,
    useragent       VARCHAR(1024),
    userid          VARCHAR(64)
)
DISTSTYLE EVEN;

CREATE TABLE IF NOT EXISTS staging_songs (
    num_songs           INTEGER,
    artist_id           VARCHAR(32) NOT NULL,
    artist_latitude     DOUBLE PRECISION,
    artist_longitude    DOUBLE PRECISION,
    artist_location     VARCHAR(512),
    artist_name         VARCHAR(512),
    song_id             VARCHAR(32) NOT NULL,
    title               VARCHAR(512),
    duration            DOUBLE PRECISION,
    year                INTEGER
)
DISTSTYLE EVEN;

-- Fact: one row per NextSong event. songplay_id is computed from (sessionId, itemInSession), unique
-- per event, so loading an event twice cannot make two rows.
-- DISTKEY(start_time): song_id is NULL for most plays (songs come from a subset of the catalogue), so
-- distributing on it would pile those rows on one slice; start_time is nearly unique, spreads evenly,
-- and co-locates the fact with the time table, which is as large as the fact itself.
-- SORTKEY(start_time): analysts filter plays by date range; loads append in time order.
CREATE TABLE IF NOT EXISTS songplays (
    songplay_id     BIGINT NOT NULL,
    start_time      TIMESTAMP NOT NULL DISTKEY SORTKEY,
    user_id         VARCHAR(64),
    level           VARCHAR(16),
    song_id         VARCHAR(32),
    artist_id       VARCHAR(32),
    session_id      INTEGER,
    location        VARCHAR(512),
    user_agent      VARCHAR(1024)
);

-- Dimensions small enough to copy to every node (DISTSTYLE ALL): joins to them never move data.
-- Sorted on their key for merge joins and point lookups.
CREATE TABLE IF NOT EXISTS users (
    user_id         VARCHAR(64) NOT NULL SORTKEY,
    first_name      VARCHAR(256),
    last_name       VARCHAR(256),
    gender          VARCHAR(16),
    level           VARCHAR(16)
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS songs (
    song_id         VARCHAR(32) NOT NULL SORTKEY,
    title           VARCHAR(512),
    artist_id       VARCHAR(32),
    year            INTEGER,
    duration        DOUBLE PRECISION
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS artists (
    artist_id       VARCHAR(32) NOT NULL SORTKEY,
    name            VARCHAR(512),
    location        VARCHAR(512),
    latitude        DOUBLE PRECISION,
    longitude       DOUBLE PRECISION
)
DISTSTYLE ALL;

-- One row per distinct songplays.start_time: nearly one per play, so it is distributed and sorted
-- like songplays, which it joins on.
CREATE TABLE IF NOT EXISTS time (
    start_time      TIMESTAMP NOT NULL DISTKEY SORTKEY,
    hour            SMALLINT,
    day             SMALLINT,
    week            SMALLINT,
    month           SMALLINT,
    year            SMALLINT,
    weekday         SMALLINT
);
