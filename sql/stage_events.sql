-- Stages the activity logs: every object the run's manifest lists, into staging_events. The Plan step
-- wrote the manifest; it names each object exactly, so a run loads what it planned and nothing else.
-- Run as one batch, so the last statement sees this COPY's figures through pg_last_copy_*().
--
-- JSON {{json_format}}: 'auto ignorecase' maps the camelCase keys to the lower-case columns; a jsonpaths
-- file (s3://udacity-dend/log_json_path.json) maps them by position instead.
-- TIMEFORMAT 'epochmillisecs': ts is epoch milliseconds; loaded straight into a TIMESTAMP, milliseconds kept.
-- EMPTYASNULL BLANKSASNULL: "" (the userId of logged-out events) and blank text load as NULL.
-- MAXERROR: bad rows tolerated before the whole COPY fails; each rejected row is in
-- SYS_LOAD_ERROR_DETAIL (and STL_LOAD_ERRORS on a provisioned cluster).
-- COMPUPDATE OFF: staging is truncated every run, so analysing compression each time is wasted work.
-- STATUPDATE OFF: the loads read staging whole; fresh statistics would not change their plans.
-- No TRUNCATECOLUMNS: a value too long for its column is rejected and recorded, never cut silently.
TRUNCATE staging_events;

COPY staging_events
FROM {{manifest}}
IAM_ROLE {{iam_role}}
REGION {{region}}
MANIFEST
FORMAT AS JSON {{json_format}}
TIMEFORMAT 'epochmillisecs'
EMPTYASNULL
BLANKSASNULL
MAXERROR {{max_errors}}
COMPUPDATE OFF
STATUPDATE OFF;

-- What the COPY did per object, for the ledger. lines_scanned counts every record read, the rejected
-- ones with the loaded ones. The SYS monitoring views exist on provisioned clusters and on Serverless
-- alike (the STL tables only on clusters); AWS's own examples find a COPY's rows in them by
-- pg_last_copy_id().
DELETE FROM staging_file_loads WHERE dataset = 'events';

INSERT INTO staging_file_loads (dataset, object_uri, rows_loaded, rows_rejected)
SELECT 'events', scanned.object_uri, scanned.records - COALESCE(rejected.records, 0), COALESCE(rejected.records, 0)
FROM (SELECT TRIM(file_name) AS object_uri, SUM(lines_scanned) AS records
      FROM sys_load_detail WHERE query_id = pg_last_copy_id() GROUP BY TRIM(file_name)) scanned
LEFT JOIN (SELECT TRIM(file_name) AS object_uri, COUNT(*) AS records
           FROM sys_load_error_detail WHERE query_id = pg_last_copy_id() GROUP BY TRIM(file_name)) rejected
    ON rejected.object_uri = scanned.object_uri;

SELECT pg_last_copy_count() AS rows_loaded,
       (SELECT COUNT(*) FROM sys_load_error_detail WHERE query_id = pg_last_copy_id()) AS rows_rejected;
