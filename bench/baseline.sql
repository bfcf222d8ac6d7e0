-- The baseline: the same tables built by plain DuckDB SQL, as fast as this machine does it, with none
-- of the pipeline's machinery (no COPY emulation, no state machine, no ledger, no incremental merge).
-- bench/pipeline-vs-duckdb.sh runs it with DATA_DIR replaced by the data folder.
SET integer_division = true;
-- Row order is not needed; without keeping it DuckDB reads the many small song files in parallel.
SET preserve_insertion_order = false;

CREATE TABLE staging_events AS
SELECT artist, auth, firstName AS firstname, gender, itemInSession AS iteminsession, lastName AS lastname,
       length, level, location, method, page, registration, sessionId AS sessionid, song, status,
       make_timestamp(ts * 1000) AS ts, userAgent AS useragent, NULLIF(userId, '') AS userid
FROM read_json('DATA_DIR/log_data/**/*.json', format = 'auto', columns = {
    artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR', itemInSession: 'INTEGER',
    lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR', location: 'VARCHAR', method: 'VARCHAR',
    page: 'VARCHAR', registration: 'DOUBLE', sessionId: 'INTEGER', song: 'VARCHAR', status: 'INTEGER',
    ts: 'BIGINT', userAgent: 'VARCHAR', userId: 'VARCHAR'});

-- Many small files: read_json_objects with one list extraction is several times faster here than
-- read_json, which works out each file's layout.
CREATE TABLE staging_songs AS
SELECT CAST(v[1] AS INTEGER) AS num_songs, v[2] AS artist_id, CAST(v[3] AS DOUBLE) AS artist_latitude,
       CAST(v[4] AS DOUBLE) AS artist_longitude, NULLIF(v[5], '') AS artist_location, v[6] AS artist_name,
       v[7] AS song_id, v[8] AS title, CAST(v[9] AS DOUBLE) AS duration, CAST(v[10] AS INTEGER) AS year
FROM (SELECT json_extract_string(json, ['$.num_songs', '$.artist_id', '$.artist_latitude', '$.artist_longitude',
                                        '$.artist_location', '$.artist_name', '$.song_id', '$.title', '$.duration',
                                        '$.year']) AS v
      FROM read_json_objects('DATA_DIR/song_data/**/*.json', format = 'unstructured'));

CREATE TABLE users AS
SELECT userid AS user_id, firstname AS first_name, lastname AS last_name, gender, level
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY userid ORDER BY ts DESC, sessionid DESC, iteminsession DESC) AS r
      FROM staging_events WHERE userid IS NOT NULL)
WHERE r = 1;

CREATE TABLE songs AS
SELECT song_id, title, artist_id, NULLIF(year, 0) AS year, duration
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY song_id ORDER BY title, artist_id, year, duration) AS r FROM staging_songs)
WHERE r = 1;

CREATE TABLE artists AS
SELECT artist_id, artist_name AS name, artist_location AS location, artist_latitude AS latitude, artist_longitude AS longitude
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY artist_id ORDER BY
          CASE WHEN artist_latitude IS NULL OR artist_longitude IS NULL THEN 1 ELSE 0 END,
          CASE WHEN artist_location IS NULL THEN 1 ELSE 0 END, song_id) AS r
      FROM staging_songs)
WHERE r = 1;

CREATE TABLE songplays AS
SELECT CAST(e.sessionid AS BIGINT) * 4294967296 + (CAST(e.iteminsession AS BIGINT) + 2147483648) AS songplay_id,
       e.ts AS start_time, e.userid AS user_id, e.level, s.song_id, s.artist_id, e.sessionid AS session_id,
       e.location, e.useragent AS user_agent
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY sessionid, iteminsession ORDER BY ts DESC) AS r
      FROM staging_events WHERE page = 'NextSong') e
LEFT JOIN (SELECT title, artist_name, duration, MIN(song_id) AS song_id FROM staging_songs GROUP BY ALL) m
    ON m.title = e.song AND m.artist_name = e.artist AND m.duration = e.length
LEFT JOIN songs s ON s.song_id = m.song_id
WHERE e.r = 1;

CREATE TABLE time AS
SELECT start_time, EXTRACT(HOUR FROM start_time) AS hour, EXTRACT(DAY FROM start_time) AS day,
       EXTRACT(WEEK FROM start_time) AS week, EXTRACT(MONTH FROM start_time) AS month,
       EXTRACT(YEAR FROM start_time) AS year, EXTRACT(DOW FROM start_time) AS weekday
FROM (SELECT DISTINCT start_time FROM songplays);
