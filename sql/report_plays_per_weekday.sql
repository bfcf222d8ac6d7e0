-- Analyst report: plays per day of the week (UTC), through the time dimension; 0 is Sunday, as
-- DATE_PART(dow, ...).
SELECT t.weekday AS weekday,
       CAST(COUNT(*) AS BIGINT) AS plays
FROM songplays p
JOIN time t ON t.start_time = p.start_time
GROUP BY t.weekday
ORDER BY t.weekday;
