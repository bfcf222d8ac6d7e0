-- Stages the song metadata: every object the run's manifest lists, into staging_songs. One batch, like
-- stage_events.sql, whose comments explain the options.
-- The song files' keys are already the column names, so JSON 'auto ignorecase' maps them whatever their
-- order or layout in the file (one line, pretty-printed, several objects).
TRUNCATE staging_songs;

COPY staging_songs
FROM {{manifest}}
IAM_ROLE {{iam_role}}
REGION {{region}}
MANIFEST
FORMAT AS JSON 'auto ignorecase'
EMPTYASNULL
BLANKSASNULL
MAXERROR {{max_errors}}
COMPUPDATE OFF
STATUPDATE OFF;

SELECT pg_last_copy_count() AS rows_loaded,
       (SELECT COUNT(*) FROM stl_load_errors WHERE query = pg_last_copy_id()) AS rows_rejected;
