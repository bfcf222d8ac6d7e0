-- Analyst report: plays per calendar day (UTC). Days without plays are absent; the report fills them.
SELECT CAST(DATE_TRUNC('day', start_time) AS DATE) AS play_date,
       CAST(COUNT(*) AS BIGINT) AS plays
FROM songplays
GROUP BY CAST(DATE_TRUNC('day', start_time) AS DATE)
ORDER BY play_date;
