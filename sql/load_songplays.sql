-- songplays: one row per NextSong event, keyed by songplay_id, which is computed from the event's
-- natural key (sessionId, itemInSession): sessionId * 2^32 + (itemInSession + 2^31) maps every pair of
-- 32-bit integers to a distinct BIGINT, so an event loaded twice never makes two rows.
-- When one event comes in more than one copy (in one file or in several), the copy with the latest ts
-- (then the other columns) is kept, comparing this run's copies with the one already loaded.
--
-- The song is the one whose title, artist name and duration equal the event's song, artist and length,
-- among every song row ever staged (song_rows); when several match, the smallest song_id. No match
-- leaves song_id and artist_id NULL. artist_id is taken from songs, so a play names its song's artist.
-- A song that arrives after its plays is found for them here too: plays already loaded that name a song
-- this run staged are matched again. Runs after load_songs.sql.

-- Every copy of the plays this run stages: its NextSong events, and the plays already loaded that one of
-- them repeats (with what they named, from songplay_sources).
CREATE TEMP TABLE staged_plays AS
SELECT CAST(sessionid AS BIGINT) * 4294967296 + (CAST(iteminsession AS BIGINT) + 2147483648) AS songplay_id,
       ts AS start_time, userid AS user_id, level, song, artist, length, sessionid AS session_id,
       location, useragent AS user_agent
FROM staging_events
WHERE page = 'NextSong'
UNION ALL
SELECT p.songplay_id, p.start_time, p.user_id, p.level, src.song, src.artist, src.length, p.session_id,
       p.location, p.user_agent
FROM songplays p
JOIN songplay_sources src
    ON src.songplay_id = p.songplay_id
WHERE p.songplay_id IN (
    SELECT CAST(sessionid AS BIGINT) * 4294967296 + (CAST(iteminsession AS BIGINT) + 2147483648)
    FROM staging_events
    WHERE page = 'NextSong');

-- The best copy of each play staged more than once. Few are: ranking only them, rather than every
-- staged play, spares sorting the whole table.
CREATE TEMP TABLE best_copies AS
SELECT songplay_id, start_time, user_id, level, song, artist, length, session_id, location, user_agent
FROM (
    SELECT staged.*,
           ROW_NUMBER() OVER (
               PARTITION BY songplay_id
               ORDER BY start_time DESC, user_id NULLS LAST, level NULLS LAST, song NULLS LAST,
                        artist NULLS LAST, length NULLS LAST, location NULLS LAST, user_agent NULLS LAST
           ) AS copy_number
    FROM staged_plays staged
    WHERE songplay_id IN (SELECT songplay_id FROM staged_plays GROUP BY songplay_id HAVING COUNT(*) > 1)
) ranked
WHERE copy_number = 1;

-- The best song row for each (title, artist name, duration) some play may name.
CREATE TEMP TABLE song_matches AS
SELECT title, artist_name, duration, MIN(song_id) AS song_id
FROM song_rows
GROUP BY title, artist_name, duration;

-- From here on staged_plays holds one copy of each play: the best.
DELETE FROM staged_plays WHERE songplay_id IN (SELECT songplay_id FROM best_copies);

INSERT INTO staged_plays (songplay_id, start_time, user_id, level, song, artist, length, session_id, location,
                          user_agent)
SELECT songplay_id, start_time, user_id, level, song, artist, length, session_id, location, user_agent
FROM best_copies;

DELETE FROM songplays USING staged_plays s WHERE songplays.songplay_id = s.songplay_id;

DELETE FROM songplay_sources USING staged_plays s WHERE songplay_sources.songplay_id = s.songplay_id;

-- Late-arriving songs: plays loaded by earlier runs that name a song this run staged get their song
-- (and plays of a song whose row changed get its artist) now. Done before this run's plays are
-- inserted, which are matched as they go in, so only earlier plays are touched.
UPDATE songplays
SET song_id = rematched.song_id, artist_id = rematched.artist_id
FROM (
    SELECT src.songplay_id, matched.song_id, s.artist_id
    FROM songplay_sources src
    JOIN song_matches matched
        ON matched.title = src.song
       AND matched.artist_name = src.artist
       AND matched.duration = src.length
    JOIN songs s
        ON s.song_id = matched.song_id
    JOIN (SELECT DISTINCT title, artist_name, duration FROM staging_songs) staged
        ON staged.title = src.song
       AND staged.artist_name = src.artist
       AND staged.duration = src.length
) rematched
WHERE songplays.songplay_id = rematched.songplay_id;

UPDATE songplays
SET artist_id = s.artist_id
FROM songs s
WHERE songplays.song_id = s.song_id
  AND s.song_id IN (SELECT song_id FROM staging_songs);

INSERT INTO songplays (songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT p.songplay_id, p.start_time, p.user_id, p.level, s.song_id, s.artist_id, p.session_id, p.location,
       p.user_agent
FROM staged_plays p
LEFT JOIN song_matches matched
    ON matched.title = p.song
   AND matched.artist_name = p.artist
   AND matched.duration = p.length
LEFT JOIN songs s
    ON s.song_id = matched.song_id;

INSERT INTO songplay_sources (songplay_id, start_time, song, artist, length)
SELECT songplay_id, start_time, song, artist, length FROM staged_plays;

SELECT COUNT(*) AS rows_written FROM staged_plays;
