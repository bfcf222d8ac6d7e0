-- Analyst report: rows in each star-schema table.
SELECT 'songplays' AS table_name, CAST(COUNT(*) AS BIGINT) AS row_count FROM songplays
UNION ALL SELECT 'users', CAST(COUNT(*) AS BIGINT) FROM users
UNION ALL SELECT 'songs', CAST(COUNT(*) AS BIGINT) FROM songs
UNION ALL SELECT 'artists', CAST(COUNT(*) AS BIGINT) FROM artists
UNION ALL SELECT 'time', CAST(COUNT(*) AS BIGINT) FROM time;
