-- users: one row per non-empty userId in staging. A user's names, gender and level are those of the
-- user's most recent event by ts; ties (several events share a ts) go to the higher sessionId, then the
-- higher itemInSession, so the result never depends on the order files were loaded in.
-- Delete-then-insert in one batch (one transaction): running it twice leaves the same rows.
DELETE FROM users
USING staging_events e
WHERE users.user_id = e.userid;

INSERT INTO users (user_id, first_name, last_name, gender, level)
SELECT userid, firstname, lastname, gender, level
FROM (
    SELECT userid, firstname, lastname, gender, level,
           ROW_NUMBER() OVER (
               PARTITION BY userid
               ORDER BY ts DESC NULLS LAST, sessionid DESC NULLS LAST, iteminsession DESC NULLS LAST
           ) AS recency
    FROM staging_events
    WHERE userid IS NOT NULL
) latest
WHERE recency = 1;
