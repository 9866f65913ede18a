SELECT silah_protect_tenant_table('files');
--> statement-breakpoint
SELECT silah_protect_tenant_table('interaction_files');
--> statement-breakpoint
SELECT silah_protect_tenant_table('correspondence');
--> statement-breakpoint
SELECT silah_protect_tenant_table('register_counters');
