-- songs and artists, in one transaction with the song history they are computed from, so that no run
-- ever sees a song without its artist or a history ahead of the tables.
--
-- First every distinct song row this run staged joins the song history (song_rows): songs, artists and
-- the matching of plays to songs are computed from all of it, whatever order the files came in.
INSERT INTO song_rows (song_id, title, artist_id, artist_name, artist_location, artist_latitude,
                       artist_longitude, year, duration)
SELECT DISTINCT s.song_id, s.title, s.artist_id, s.artist_name, s.artist_location, s.artist_latitude,
       s.artist_longitude, s.year, s.duration
FROM staging_songs s
LEFT JOIN song_rows known
    ON known.song_id = s.song_id
   AND known.artist_id = s.artist_id
   AND (known.title = s.title OR (known.title IS NULL AND s.title IS NULL))
   AND (known.artist_name = s.artist_name OR (known.artist_name IS NULL AND s.artist_name IS NULL))
   AND (known.artist_location = s.artist_location OR (known.artist_location IS NULL AND s.artist_location IS NULL))
   AND (known.artist_latitude = s.artist_latitude OR (known.artist_latitude IS NULL AND s.artist_latitude IS NULL))
   AND (known.artist_longitude = s.artist_longitude OR (known.artist_longitude IS NULL AND s.artist_longitude IS NULL))
   AND (known.year = s.year OR (known.year IS NULL AND s.year IS NULL))
   AND (known.duration = s.duration OR (known.duration IS NULL AND s.duration IS NULL))
WHERE known.song_id IS NULL;

-- songs: one row per song_id, for the song ids this run staged, picked from every row the history holds
-- for them: the row that sorts first by title, artist_id, year, duration wins. An arbitrary rule, but the
-- same one whatever order the files came in. year 0 means unknown in the source and loads as NULL.
DELETE FROM songs
USING (SELECT DISTINCT song_id FROM staging_songs) staged
WHERE songs.song_id = staged.song_id;

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, NULLIF(year, 0), duration
FROM (
    SELECT song_id, title, artist_id, year, duration,
           ROW_NUMBER() OVER (
               PARTITION BY song_id
               ORDER BY title NULLS LAST, artist_id NULLS LAST, year NULLS LAST, duration NULLS LAST
           ) AS pick
    FROM song_rows
    WHERE song_id IN (SELECT song_id FROM staging_songs)
) ranked
WHERE pick = 1;

-- artists: one row per artist_id, for the artists this run staged songs of, picked from every song row
-- the history holds for them. The same artist comes with different spellings and locations across
-- songs; the row kept is the most complete one: with coordinates first, then with a location, then from
-- the smallest song_id (and name, location, to break the last ties). Known facts are never traded for
-- an empty value.
DELETE FROM artists
USING (SELECT DISTINCT artist_id FROM staging_songs) staged
WHERE artists.artist_id = staged.artist_id;

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT artist_id, artist_name, artist_location, artist_latitude, artist_longitude
FROM (
    SELECT artist_id, artist_name, artist_location, artist_latitude, artist_longitude,
           ROW_NUMBER() OVER (
               PARTITION BY artist_id
               ORDER BY CASE WHEN artist_latitude IS NULL OR artist_longitude IS NULL THEN 1 ELSE 0 END,
                        CASE WHEN artist_location IS NULL THEN 1 ELSE 0 END,
                        song_id,
                        artist_name NULLS LAST,
                        artist_location NULLS LAST
           ) AS pick
    FROM song_rows
    WHERE artist_id IN (SELECT artist_id FROM staging_songs)
) ranked
WHERE pick = 1;

SELECT (SELECT COUNT(DISTINCT song_id) FROM staging_songs) AS rows_written,
       (SELECT COUNT(DISTINCT artist_id) FROM staging_songs) AS artists_written;
