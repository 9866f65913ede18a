-- Hand-written (issue 11, registry): the lawful basis a beneficiary's data is processed under
-- (PDPL, ADR 0022), the other names a category answers to in an import, household members found
-- by the one search box, and the progress of an import the page follows while it runs.
ALTER TABLE "beneficiaries" ADD COLUMN "lawful_basis" text;
--> statement-breakpoint
ALTER TABLE "beneficiary_categories" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
CREATE INDEX "household_members_name_key_trgm_idx" ON "household_members" USING gin ("name_key" gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE "beneficiary_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"association_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beneficiary_imports" ADD CONSTRAINT "beneficiary_imports_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "beneficiary_imports" ADD CONSTRAINT "beneficiary_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "beneficiary_imports_association_id_idx" ON "beneficiary_imports" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX "beneficiary_imports_created_by_idx" ON "beneficiary_imports" USING btree ("created_by");
--> statement-breakpoint
SELECT silah_protect_tenant_table('beneficiary_imports');
