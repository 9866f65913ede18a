-- The platform's own association (ADR 0024): its accounts are the platform operators, who open,
-- suspend and reactivate the associations. At most one row has kind 'platform'.
ALTER TABLE "associations" ADD COLUMN "kind" text DEFAULT 'association' NOT NULL;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_kind_check" CHECK ("kind" in ('association', 'platform'));--> statement-breakpoint
CREATE UNIQUE INDEX "associations_one_platform" ON "associations" ("kind") WHERE "kind" = 'platform';--> statement-breakpoint
-- A suspended association's staff cannot sign in, its sessions end, its public pages say it is unavailable.
ALTER TABLE "associations" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "associations" ADD COLUMN "region" text;
--> statement-breakpoint
-- What the approved policy's wording means in this association (ADR 0024): its referral role text
-- and the bodies its committees text names, mapped by the administrator to a staff role or a committee.
CREATE TABLE "policy_wording_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"policy_version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"wording" text NOT NULL,
	"staff_role" text,
	"committee_id" uuid,
	"confirmed_by" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_wording_mappings_kind_check" CHECK (("kind" = 'referral_role' AND "staff_role" IS NOT NULL AND "committee_id" IS NULL) OR ("kind" = 'committee' AND "staff_role" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "policy_wording_mappings" ADD CONSTRAINT "policy_wording_mappings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_wording_mappings" ADD CONSTRAINT "policy_wording_mappings_policy_version_id_policy_versions_id_fk" FOREIGN KEY ("policy_version_id") REFERENCES "public"."policy_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_wording_mappings" ADD CONSTRAINT "policy_wording_mappings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_wording_mappings" ADD CONSTRAINT "policy_wording_mappings_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_wording_mappings_version_wording_key" ON "policy_wording_mappings" USING btree ("policy_version_id","kind","wording");--> statement-breakpoint
CREATE INDEX "policy_wording_mappings_association_id_idx" ON "policy_wording_mappings" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "policy_wording_mappings_committee_id_idx" ON "policy_wording_mappings" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "policy_wording_mappings_confirmed_by_idx" ON "policy_wording_mappings" USING btree ("confirmed_by");--> statement-breakpoint
SELECT silah_protect_tenant_table('policy_wording_mappings');
