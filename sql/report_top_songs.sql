-- Analyst report: the most played songs, with their artist. Only plays that found their song count;
-- ties are broken by song_id so the list is stable.
SELECT s.song_id,
       s.title,
       a.name AS artist_name,
       CAST(COUNT(*) AS BIGINT) AS plays
FROM songplays p
JOIN songs s ON s.song_id = p.song_id
LEFT JOIN artists a ON a.artist_id = s.artist_id
GROUP BY s.song_id, s.title, a.name
ORDER BY plays DESC, s.song_id
LIMIT {{top}};
