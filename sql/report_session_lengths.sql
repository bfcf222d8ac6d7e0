-- Analyst report: sessions by number of plays, in fixed bins (every bin, empty ones too). A session is
-- a session_id, as in songplay_id's natural key (sessionId, itemInSession).
WITH bins AS (
    SELECT 1 AS min_plays, 1 AS max_plays
    UNION ALL SELECT 2, 5
    UNION ALL SELECT 6, 10
    UNION ALL SELECT 11, 20
    UNION ALL SELECT 21, 50
    UNION ALL SELECT 51, 100
    UNION ALL SELECT 101, CAST(NULL AS INTEGER)
),
per_session AS (
    SELECT session_id, COUNT(*) AS plays
    FROM songplays
    GROUP BY session_id
)
SELECT b.min_plays,
       b.max_plays,
       CAST(COUNT(s.session_id) AS BIGINT) AS sessions,
       CAST(COALESCE(SUM(s.plays), 0) AS BIGINT) AS plays
FROM bins b
LEFT JOIN per_session s
    ON s.plays >= b.min_plays
   AND (b.max_plays IS NULL OR s.plays <= b.max_plays)
GROUP BY b.min_plays, b.max_plays
ORDER BY b.min_plays;
