-- Data-quality checks: one row per check with the number of rows that violate it. The run fails when
-- any count is not zero. NULL foreign keys are not violations (a play whose song is unknown has
-- song_id NULL); a foreign key naming a missing row is.
SELECT 'songplays_null_key' AS check_name, COUNT(*) AS violations
FROM songplays WHERE songplay_id IS NULL OR start_time IS NULL
UNION ALL
SELECT 'songplays_duplicate_key', COUNT(*)
FROM (SELECT songplay_id FROM songplays GROUP BY songplay_id HAVING COUNT(*) > 1) d
UNION ALL
SELECT 'songplays_missing_user', COUNT(*)
FROM songplays p LEFT JOIN users u ON u.user_id = p.user_id
WHERE p.user_id IS NOT NULL AND u.user_id IS NULL
UNION ALL
SELECT 'songplays_missing_song', COUNT(*)
FROM songplays p LEFT JOIN songs s ON s.song_id = p.song_id
WHERE p.song_id IS NOT NULL AND s.song_id IS NULL
UNION ALL
SELECT 'songplays_missing_artist', COUNT(*)
FROM songplays p LEFT JOIN artists a ON a.artist_id = p.artist_id
WHERE p.artist_id IS NOT NULL AND a.artist_id IS NULL
UNION ALL
SELECT 'songplays_missing_time', COUNT(*)
FROM songplays p LEFT JOIN time t ON t.start_time = p.start_time
WHERE t.start_time IS NULL
UNION ALL
SELECT 'songplays_without_source', COUNT(*)
FROM songplays p LEFT JOIN songplay_sources src ON src.songplay_id = p.songplay_id
WHERE src.songplay_id IS NULL
UNION ALL
SELECT 'users_null_key', COUNT(*) FROM users WHERE user_id IS NULL
UNION ALL
SELECT 'users_duplicate_key', COUNT(*)
FROM (SELECT user_id FROM users GROUP BY user_id HAVING COUNT(*) > 1) d
UNION ALL
SELECT 'songs_null_key', COUNT(*) FROM songs WHERE song_id IS NULL
UNION ALL
SELECT 'songs_duplicate_key', COUNT(*)
FROM (SELECT song_id FROM songs GROUP BY song_id HAVING COUNT(*) > 1) d
UNION ALL
SELECT 'songs_missing_artist', COUNT(*)
FROM songs s LEFT JOIN artists a ON a.artist_id = s.artist_id
WHERE s.artist_id IS NOT NULL AND a.artist_id IS NULL
UNION ALL
SELECT 'artists_null_key', COUNT(*) FROM artists WHERE artist_id IS NULL
UNION ALL
SELECT 'artists_duplicate_key', COUNT(*)
FROM (SELECT artist_id FROM artists GROUP BY artist_id HAVING COUNT(*) > 1) d
UNION ALL
SELECT 'time_null_key', COUNT(*) FROM time WHERE start_time IS NULL
UNION ALL
SELECT 'time_duplicate_key', COUNT(*)
FROM (SELECT start_time FROM time GROUP BY start_time HAVING COUNT(*) > 1) d
UNION ALL
SELECT 'time_parts_mismatch', COUNT(*)
FROM time
WHERE hour <> EXTRACT(HOUR FROM start_time)
   OR day <> EXTRACT(DAY FROM start_time)
   OR month <> EXTRACT(MONTH FROM start_time)
   OR year <> EXTRACT(YEAR FROM start_time);
