-- A change and the background work it causes commit together: the application role may add jobs
-- for its own association (never read, change or add them for another); the owner runs them.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_enqueue ON jobs FOR INSERT TO silah_app
  WITH CHECK (association_id = silah_current_association());
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('CREATE POLICY system_access ON jobs TO %I USING (true) WITH CHECK (true)', current_user);
END $$;
--> statement-breakpoint
GRANT INSERT ON jobs TO silah_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE jobs_id_seq TO silah_app;
--> statement-breakpoint
-- ON CONFLICT (dedupe_key) needs to compare that one column; nothing else of the table is readable.
GRANT SELECT (dedupe_key) ON jobs TO silah_app;
--> statement-breakpoint
-- The conflict check reads the row through SELECT policies too: confined to the association.
CREATE POLICY tenant_dedupe ON jobs FOR SELECT TO silah_app
  USING (association_id = silah_current_association());
