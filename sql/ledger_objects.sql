-- Every object in the ledger, newest first.
SELECT loaded_at, run_id, dataset, object_uri, etag, object_size, rows_loaded, rows_rejected
FROM load_ledger
ORDER BY loaded_at DESC, object_uri;
