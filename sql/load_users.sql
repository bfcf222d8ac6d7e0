-- users: one row per non-empty userId. A user's names, gender and level are those of the user's most
-- recent event by ts; ties (several events share a ts) go to the higher sessionId, then the higher
-- itemInSession. user_recency remembers which event each row came from, so a file loaded later with
-- older events for the user changes nothing: the result is the same whatever order files arrive in.
-- One batch (one transaction): running it twice leaves the same rows.

-- Each user's latest ts first (a hash aggregate), then only the events at that ts are ranked: sorting
-- every event by user costs several times as much for the same rows. ts is NOT NULL in staging_events.
CREATE TEMP TABLE staged_users AS
SELECT user_id, firstname, lastname, gender, level, ts, sessionid, iteminsession
FROM (
    SELECT e.userid AS user_id, e.firstname, e.lastname, e.gender, e.level, e.ts, e.sessionid, e.iteminsession,
           ROW_NUMBER() OVER (
               PARTITION BY e.userid
               ORDER BY e.sessionid DESC, e.iteminsession DESC
           ) AS recency
    FROM staging_events e
    JOIN (SELECT userid, MAX(ts) AS ts FROM staging_events WHERE userid IS NOT NULL GROUP BY userid) latest
        ON latest.userid = e.userid
       AND latest.ts = e.ts
) latest_events
WHERE recency = 1;

-- Keep only the users whose staged event is more recent than the one their row came from.
DELETE FROM staged_users
USING user_recency known
WHERE staged_users.user_id = known.user_id
  AND NOT (staged_users.ts > known.ts
           OR (staged_users.ts = known.ts AND staged_users.sessionid > known.session_id)
           OR (staged_users.ts = known.ts AND staged_users.sessionid = known.session_id
               AND staged_users.iteminsession > known.item_in_session));

DELETE FROM users USING staged_users s WHERE users.user_id = s.user_id;

DELETE FROM user_recency USING staged_users s WHERE user_recency.user_id = s.user_id;

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT user_id, firstname, lastname, gender, level FROM staged_users;

INSERT INTO user_recency (user_id, ts, session_id, item_in_session)
SELECT user_id, ts, sessionid, iteminsession FROM staged_users;

SELECT COUNT(*) AS rows_written FROM staged_users;
