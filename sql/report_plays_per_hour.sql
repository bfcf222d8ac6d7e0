-- Analyst report: plays per hour of the day (0-23, UTC), through the time dimension.
SELECT t.hour AS hour_of_day,
       CAST(COUNT(*) AS BIGINT) AS plays
FROM songplays p
JOIN time t ON t.start_time = p.start_time
GROUP BY t.hour
ORDER BY t.hour;
