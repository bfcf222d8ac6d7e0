-- time: one row per distinct songplays.start_time. Milliseconds are kept in start_time. week is the ISO
-- 8601 week; weekday is 0 for Sunday, as DATE_PART(dow, ...). Rows for a start_time no play has any more
-- (a later copy of an event moved it) go. Runs after load_songplays.sql.
DELETE FROM time
USING (
    SELECT t.start_time
    FROM time t
    LEFT JOIN (SELECT DISTINCT start_time FROM songplays) p
        ON p.start_time = t.start_time
    WHERE p.start_time IS NULL
) orphan
WHERE time.start_time = orphan.start_time;

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
