-- Analyst report, headline figures: plays, listeners, sessions, plays that found no song, paid plays,
-- and the first and last play (UTC). One row.
SELECT CAST(COUNT(*) AS BIGINT) AS plays,
       CAST(COUNT(DISTINCT user_id) AS BIGINT) AS users,
       CAST(COUNT(DISTINCT session_id) AS BIGINT) AS sessions,
       CAST(COALESCE(SUM(CASE WHEN song_id IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS unmatched_plays,
       CAST(COALESCE(SUM(CASE WHEN level = 'paid' THEN 1 ELSE 0 END), 0) AS BIGINT) AS paid_plays,
       MIN(start_time) AS first_play,
       MAX(start_time) AS last_play
FROM songplays;
