-- Creates the staging, history, ledger and star-schema tables if they do not exist. Never drops
-- anything: a reset is drop_tables.sql, run only when a run's input asks for it.
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

-- History kept so that loading files one at a time, in any order, ends where one full load would.

-- Every distinct song row ever staged: songs and artists are picked from all of them, and plays are
-- matched against all of them, also plays loaded before their song arrived. Replicated like the
-- dimensions it feeds.
CREATE TABLE IF NOT EXISTS song_rows (
    song_id             VARCHAR(32) NOT NULL,
    title               VARCHAR(512),
    artist_id           VARCHAR(32) NOT NULL,
    artist_name         VARCHAR(512),
    artist_location     VARCHAR(512),
    artist_latitude     DOUBLE PRECISION,
    artist_longitude    DOUBLE PRECISION,
    year                INTEGER,
    duration            DOUBLE PRECISION
)
DISTSTYLE ALL;

-- The event each users row was taken from: a file loaded later with an older event for the user does
-- not overwrite it.
CREATE TABLE IF NOT EXISTS user_recency (
    user_id             VARCHAR(64) NOT NULL SORTKEY,
    ts                  TIMESTAMP NOT NULL,
    session_id          INTEGER NOT NULL,
    item_in_session     INTEGER NOT NULL
)
DISTSTYLE ALL;

-- What each play named (song, artist, length): to find its song when the song arrives after the play,
-- and to choose between two copies of one event loaded from different files. Distributed like
-- songplays, which it joins on.
CREATE TABLE IF NOT EXISTS songplay_sources (
    songplay_id         BIGINT NOT NULL,
    start_time          TIMESTAMP NOT NULL DISTKEY,
    song                VARCHAR(512),
    artist              VARCHAR(512),
    length              DOUBLE PRECISION
)
SORTKEY (songplay_id);

-- The ledger: every object a run loaded, recorded once its rows are in the star schema. A run plans
-- only the objects not in it (same key and ETag), so a replayed trigger loads nothing twice.
CREATE TABLE IF NOT EXISTS load_ledger (
    dataset             VARCHAR(16) NOT NULL,
    object_uri          VARCHAR(1100) NOT NULL,
    etag                VARCHAR(128),
    object_size         BIGINT,
    rows_loaded         BIGINT,
    rows_rejected       BIGINT,
    run_id              VARCHAR(128) NOT NULL,
    loaded_at           TIMESTAMP NOT NULL
)
DISTSTYLE ALL
SORTKEY (object_uri);

-- The objects a run planned (COPY of the plan's ledger file), and what each COPY did per object.
CREATE TABLE IF NOT EXISTS staging_ledger (
    dataset             VARCHAR(16) NOT NULL,
    object_uri          VARCHAR(1100) NOT NULL,
    etag                VARCHAR(128),
    object_size         BIGINT
)
DISTSTYLE ALL;

CREATE TABLE IF NOT EXISTS staging_file_loads (
    dataset             VARCHAR(16) NOT NULL,
    object_uri          VARCHAR(1100) NOT NULL,
    rows_loaded         BIGINT,
    rows_rejected       BIGINT
)
DISTSTYLE ALL;
