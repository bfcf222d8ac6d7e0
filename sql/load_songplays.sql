-- songplays: one row per NextSong event, keyed by songplay_id, which is computed from the event's
-- natural key (sessionId, itemInSession): sessionId * 2^32 + (itemInSession + 2^31) maps every pair of
-- 32-bit integers to a distinct BIGINT. Events already loaded are skipped, so a re-run adds nothing.
-- If one event is staged twice, the copy with the latest ts (then the other columns) is kept.
--
-- The song is the one whose title, artist name and duration equal the event's song, artist and length;
-- when several songs match, the smallest song_id. No match leaves song_id and artist_id NULL.
-- artist_id is taken from songs, so a play always names the artist its song has.
-- Runs after load_songs.sql.
INSERT INTO songplays (songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent)
SELECT e.songplay_id, e.ts, e.userid, e.level, s.song_id, s.artist_id, e.sessionid, e.location, e.useragent
FROM (
    SELECT CAST(sessionid AS BIGINT) * 4294967296 + (CAST(iteminsession AS BIGINT) + 2147483648) AS songplay_id,
           ts, userid, level, song, artist, length, sessionid, location, useragent,
           ROW_NUMBER() OVER (
               PARTITION BY sessionid, iteminsession
               ORDER BY ts DESC, userid NULLS LAST, level NULLS LAST, song NULLS LAST, artist NULLS LAST,
                        length NULLS LAST, location NULLS LAST, useragent NULLS LAST
           ) AS copy_number
    FROM staging_events
    WHERE page = 'NextSong'
) e
LEFT JOIN (
    SELECT title, artist_name, duration, MIN(song_id) AS song_id
    FROM staging_songs
    GROUP BY title, artist_name, duration
) matched
    ON matched.title = e.song
   AND matched.artist_name = e.artist
   AND matched.duration = e.length
LEFT JOIN songs s
    ON s.song_id = matched.song_id
LEFT JOIN songplays existing
    ON existing.songplay_id = e.songplay_id
WHERE e.copy_number = 1
  AND existing.songplay_id IS NULL;
