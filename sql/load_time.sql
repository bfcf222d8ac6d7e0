-- time: one row per distinct songplays.start_time not yet in the table. Milliseconds are kept in
-- start_time. week is the ISO 8601 week; weekday is 0 for Sunday, as DATE_PART(dow, ...).
-- Runs after load_songplays.sql.
INSERT INTO time (start_time, hour, day, week, month, year, weekday)
SELECT p.start_time,
       EXTRACT(HOUR FROM p.start_time),
       EXTRACT(DAY FROM p.start_time),
       EXTRACT(WEEK FROM p.start_time),
       EXTRACT(MONTH FROM p.start_time),
       EXTRACT(YEAR FROM p.start_time),
       EXTRACT(DOW FROM p.start_time)
FROM (SELECT DISTINCT start_time FROM songplays) p
LEFT JOIN time t
    ON t.start_time = p.start_time
WHERE t.start_time IS NULL;
