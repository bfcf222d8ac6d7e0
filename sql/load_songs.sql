-- songs: one row per song_id. When several staged rows share a song_id (a file repeating a song found in
-- another), the row that sorts first by title, artist_id, year, duration wins: an arbitrary rule, but
-- the same one whatever the file order. year 0 means unknown in the source and loads as NULL.
DELETE FROM songs
USING staging_songs s
WHERE songs.song_id = s.song_id;

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, NULLIF(year, 0), duration
FROM (
    SELECT song_id, title, artist_id, year, duration,
           ROW_NUMBER() OVER (
               PARTITION BY song_id
               ORDER BY title NULLS LAST, artist_id NULLS LAST, year NULLS LAST, duration NULLS LAST
           ) AS pick
    FROM staging_songs
) ranked
WHERE pick = 1;
