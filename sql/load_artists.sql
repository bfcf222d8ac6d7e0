-- artists: one row per artist_id. The same artist comes with different spellings and locations across
-- songs; the row kept is the most complete one: with coordinates first, then with a location, then
-- from the smallest song_id (and name, location, to break the last ties). Known facts are never traded
-- for an empty value, and the result does not depend on file order.
DELETE FROM artists
USING staging_songs s
WHERE artists.artist_id = s.artist_id;

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
    FROM staging_songs
) ranked
WHERE pick = 1;
