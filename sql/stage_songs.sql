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

DELETE FROM staging_file_loads WHERE dataset = 'songs';

INSERT INTO staging_file_loads (dataset, object_uri, rows_loaded, rows_rejected)
SELECT 'songs', scanned.object_uri, scanned.records - COALESCE(rejected.records, 0), COALESCE(rejected.records, 0)
FROM (SELECT TRIM(file_name) AS object_uri, SUM(lines_scanned) AS records
      FROM sys_load_detail WHERE query_id = pg_last_copy_id() GROUP BY TRIM(file_name)) scanned
LEFT JOIN (SELECT TRIM(file_name) AS object_uri, COUNT(*) AS records
           FROM sys_load_error_detail WHERE query_id = pg_last_copy_id() GROUP BY TRIM(file_name)) rejected
    ON rejected.object_uri = scanned.object_uri;

SELECT pg_last_copy_count() AS rows_loaded,
       (SELECT COUNT(*) FROM sys_load_error_detail WHERE query_id = pg_last_copy_id()) AS rows_rejected;
