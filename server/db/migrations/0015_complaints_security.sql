SELECT silah_protect_tenant_table('complaints');
--> statement-breakpoint
SELECT silah_protect_tenant_table('complaint_events');
--> statement-breakpoint
SELECT silah_protect_tenant_table('complaint_files');
--> statement-breakpoint
SELECT silah_protect_tenant_table('compensation_claims');
--> statement-breakpoint
SELECT silah_protect_tenant_table('compensation_events');
--> statement-breakpoint
-- System table: the public-page rate limit, never granted to the application role.
REVOKE ALL ON public_submissions FROM silah_app;
