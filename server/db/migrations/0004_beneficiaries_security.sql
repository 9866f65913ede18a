-- Hand-written: every new tenant table is protected the same way (ADR 0002).
SELECT silah_protect_tenant_table('beneficiary_categories');
--> statement-breakpoint
SELECT silah_protect_tenant_table('beneficiaries');
--> statement-breakpoint
SELECT silah_protect_tenant_table('beneficiary_counters');
--> statement-breakpoint
SELECT silah_protect_tenant_table('household_members');
--> statement-breakpoint
SELECT silah_protect_tenant_table('consents');
--> statement-breakpoint
SELECT silah_protect_tenant_table('interactions');
--> statement-breakpoint
SELECT silah_protect_tenant_table('liaison_routes');
