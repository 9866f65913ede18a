-- The public complaint limit moved to the shared rate limits (rate_limit_counters, keyed hashes,
-- pruned); the per-address log of submissions, which kept raw addresses, goes with its rows.
DROP TABLE IF EXISTS "public_submissions";
