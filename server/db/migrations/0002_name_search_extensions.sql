-- Hand-written: drizzle-kit does not emit CREATE EXTENSION. pg_trgm backs Arabic name search on the
-- application-normalised name key (ADR 0001: never registered with btree_gin on PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
