-- Analyst report: upgrades and downgrades per day (UTC). The star schema keeps plays, not the page
-- events (Submit Upgrade, Submit Downgrade), so a change of level is seen between two consecutive plays
-- of one user: a free play followed by a paid one is an upgrade, on the day of the paid play; paid then
-- free, a downgrade. A change with no play after it is not seen.
WITH consecutive AS (
    SELECT start_time,
           level,
           LAG(level) OVER (PARTITION BY user_id ORDER BY start_time, songplay_id) AS previous_level
    FROM songplays
    WHERE user_id IS NOT NULL
      AND level IN ('free', 'paid')
)
SELECT CAST(DATE_TRUNC('day', start_time) AS DATE) AS play_date,
       CAST(SUM(CASE WHEN previous_level = 'free' THEN 1 ELSE 0 END) AS BIGINT) AS upgrades,
       CAST(SUM(CASE WHEN previous_level = 'paid' THEN 1 ELSE 0 END) AS BIGINT) AS downgrades
FROM consecutive
WHERE previous_level IS NOT NULL
  AND previous_level <> level
GROUP BY CAST(DATE_TRUNC('day', start_time) AS DATE)
ORDER BY play_date;
