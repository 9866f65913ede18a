-- The beneficiary portal's sign-in (ADR 0029): one-time codes asked for by national ID or Iqama,
-- and the sessions they open. Neither table holds an ID number, a code or a cookie in clear: the ID
-- is a keyed hash, the code a keyed hash bound to its row, the cookie token a keyed hash.
-- A request for an ID the association does not know still writes a row (no beneficiary): both
-- answers do the same work, and the decoy can never be used.
CREATE TABLE "portal_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid,
	"id_key" text NOT NULL,
	"code_hash" text NOT NULL,
	"channel" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	CONSTRAINT "portal_codes_attempts_check" CHECK ("attempts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "portal_sessions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "portal_codes" ADD CONSTRAINT "portal_codes_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_codes" ADD CONSTRAINT "portal_codes_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_codes_association_id_idx" ON "portal_codes" USING btree ("association_id","id_key","created_at");--> statement-breakpoint
CREATE INDEX "portal_codes_beneficiary_id_idx" ON "portal_codes" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "portal_sessions_association_id_idx" ON "portal_sessions" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "portal_sessions_beneficiary_id_idx" ON "portal_sessions" USING btree ("beneficiary_id");--> statement-breakpoint
SELECT silah_protect_tenant_table('portal_codes');--> statement-breakpoint
SELECT silah_protect_tenant_table('portal_sessions');
