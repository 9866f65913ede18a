-- Hand-written: the application role and row-level security (ADR 0002).
-- The connection's own login role owns the tables and runs migrations, seeding and the few
-- system lookups (sign-in by e-mail, session by token, the job queue). Every request that acts
-- for an association runs as `silah_app` with `app.association_id` set for the transaction; RLS is
-- forced, so a query that forgets its tenant filter still sees only that association's rows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'silah_app') THEN
    CREATE ROLE silah_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT silah_app TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO silah_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO silah_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO silah_app;
--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO silah_app;
--> statement-breakpoint
CREATE FUNCTION silah_current_association() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.association_id', true), '')::uuid $$;
--> statement-breakpoint
-- Every tenant table, now and in later migrations, is protected by this one call: RLS enabled and
-- forced, the application role confined to the current association, and the owner (which FORCE
-- would otherwise lock out unless it is a superuser) allowed through for system work.
CREATE FUNCTION silah_protect_tenant_table(target regclass, tenant_column text DEFAULT 'association_id')
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO silah_app', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO silah_app USING (%I = silah_current_association()) WITH CHECK (%I = silah_current_association())',
    target, tenant_column, tenant_column);
  EXECUTE format('CREATE POLICY system_access ON %s TO %I USING (true) WITH CHECK (true)', target, current_user);
END
$$;
--> statement-breakpoint
SELECT silah_protect_tenant_table('associations', 'id');
--> statement-breakpoint
SELECT silah_protect_tenant_table('users');
--> statement-breakpoint
SELECT silah_protect_tenant_table('sessions');
--> statement-breakpoint
SELECT silah_protect_tenant_table('audit_events');
--> statement-breakpoint
-- The audit log is append-only for the application: it may add and read, never change or remove.
REVOKE UPDATE, DELETE ON audit_events FROM silah_app;
--> statement-breakpoint
-- Owners bypass grants, so the append-only rule is also a trigger: nobody edits history.
CREATE FUNCTION silah_audit_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION silah_audit_is_append_only();
--> statement-breakpoint
-- System tables: never granted to the application role.
REVOKE ALL ON sign_in_attempts, jobs FROM silah_app;
