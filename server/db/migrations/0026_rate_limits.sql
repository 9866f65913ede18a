-- Hand-written: the shared counters of the rate limits (server/http/rate-limit.ts). A system table:
-- the application role never reads it in tenant scope, so it has no row-level security.
CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expire_idx" ON "rate_limit_counters" USING btree ("expire");
