-- Analyst report: free and paid plays and users per day (UTC), by the level each play was made at. A
-- user who changed level during a day counts in both levels that day.
SELECT CAST(DATE_TRUNC('day', start_time) AS DATE) AS play_date,
       level,
       CAST(COUNT(*) AS BIGINT) AS plays,
       CAST(COUNT(DISTINCT user_id) AS BIGINT) AS users
FROM songplays
GROUP BY CAST(DATE_TRUNC('day', start_time) AS DATE), level
ORDER BY play_date, level;
