-- Hand-written (ADR 0011). Sign-in throttling moved to the shared rate limits: the attempts table and
-- the per-user lockout counters go (the audit log keeps the sign-in events).
DROP TABLE "sign_in_attempts";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_sign_ins";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
--> statement-breakpoint
-- Staff e-mail addresses are unique per association, not across the deployment.
DROP INDEX "users_email_key";
--> statement-breakpoint
CREATE UNIQUE INDEX "users_association_email_key" ON "users" USING btree ("association_id", lower("email"));
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" USING btree (lower("email"));
--> statement-breakpoint
CREATE TABLE "second_factors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"association_id" uuid NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_used_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "second_factors_association_id_idx" ON "second_factors" USING btree ("association_id");
--> statement-breakpoint
CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "second_factors" ADD CONSTRAINT "second_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "second_factors" ADD CONSTRAINT "second_factors_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "recovery_codes_user_id_idx" ON "recovery_codes" USING btree ("user_id", "code_hash");
--> statement-breakpoint
CREATE INDEX "recovery_codes_association_id_idx" ON "recovery_codes" USING btree ("association_id");
--> statement-breakpoint
SELECT silah_protect_tenant_table('second_factors');
--> statement-breakpoint
SELECT silah_protect_tenant_table('recovery_codes');
