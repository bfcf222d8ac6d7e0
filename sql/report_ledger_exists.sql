-- Analyst report: whether the ledger exists yet (a run creates it); without it the report shows no load
-- history instead of failing.
SELECT CAST(COUNT(*) AS BIGINT) AS ledger_tables
FROM information_schema.tables
WHERE table_name = 'load_ledger'
  AND table_schema = CURRENT_SCHEMA();
