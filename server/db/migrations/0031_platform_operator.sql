-- The platform's own association (ADR 0024): its accounts are the platform operators, who open,
-- suspend and reactivate the associations. At most one row has kind 'platform'.
ALTER TABLE "associations" ADD COLUMN "kind" text DEFAULT 'association' NOT NULL;--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_kind_check" CHECK ("kind" in ('association', 'platform'));--> statement-breakpoint
CREATE UNIQUE INDEX "associations_one_platform" ON "associations" ("kind") WHERE "kind" = 'platform';--> statement-breakpoint
-- A suspended association's staff cannot sign in, its sessions end, its public pages say it is unavailable.
ALTER TABLE "associations" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "associations" ADD COLUMN "region" text;
