-- Analyst report, data quality: per day (UTC), the plays whose song, artist and length matched no song
-- of the catalogue (song_id NULL). The songs are a subset of the Million Song Dataset, so many plays find
-- none; a sudden change is the signal.
SELECT CAST(DATE_TRUNC('day', start_time) AS DATE) AS play_date,
       CAST(COUNT(*) AS BIGINT) AS plays,
       CAST(SUM(CASE WHEN song_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unmatched_plays
FROM songplays
GROUP BY CAST(DATE_TRUNC('day', start_time) AS DATE)
ORDER BY play_date;
