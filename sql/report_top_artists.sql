-- Analyst report: the most played artists. Only plays that found their song (and so its artist) count;
-- ties are broken by artist_id so the list is stable.
SELECT a.artist_id,
       a.name AS artist_name,
       CAST(COUNT(*) AS BIGINT) AS plays
FROM songplays p
JOIN artists a ON a.artist_id = p.artist_id
GROUP BY a.artist_id, a.name
ORDER BY plays DESC, a.artist_id
LIMIT {{top}};
