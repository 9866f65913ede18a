-- Hand-written (ADR 0020): every notice has a state a person can read, what it is about, and, when
-- done by hand, who did it and when. Older unsent notices of the same subject and purpose are
-- superseded, so three one-time codes leave one task to do, not three.
ALTER TABLE "notifications" ADD COLUMN "subject_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "failure_reason" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "handled_by" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_handled_by_idx" ON "notifications" USING btree ("handled_by");--> statement-breakpoint
-- Event keys read `<subject type>:<subject id>:<purpose>[:<instance>]`; the older rows follow it.
UPDATE "notifications" SET
	"subject_type" = split_part("event_key", ':', 1),
	"subject_id" = CASE WHEN split_part("event_key", ':', 2) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
		THEN split_part("event_key", ':', 2)::uuid END,
	"purpose" = CASE WHEN split_part("event_key", ':', 2) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
		THEN nullif(split_part("event_key", ':', 3), '') END;--> statement-breakpoint
UPDATE "notifications" SET "status" = 'queued' WHERE "status" IN ('pending', 'sending');--> statement-breakpoint
UPDATE "notifications" SET "status" = 'failed', "failure_reason" = CASE WHEN "recipient" = '' THEN 'no_recipient' ELSE 'no_transport' END
	WHERE "status" = 'undeliverable';--> statement-breakpoint
UPDATE "notifications" SET "failure_reason" = 'gateway_error' WHERE "status" = 'failed' AND "failure_reason" IS NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "status" SET DEFAULT 'queued';--> statement-breakpoint
CREATE INDEX "notifications_subject_idx" ON "notifications" USING btree ("subject_type","subject_id");--> statement-breakpoint
-- One open task by hand per subject and purpose: the newest supersedes the others.
UPDATE "notifications" AS n SET "status" = 'superseded'
	WHERE n."status" = 'manual' AND n."purpose" IS NOT NULL AND n."subject_id" IS NOT NULL AND EXISTS (
		SELECT 1 FROM "notifications" AS m
		WHERE m."association_id" = n."association_id" AND m."subject_type" = n."subject_type"
			AND m."subject_id" = n."subject_id" AND m."purpose" = n."purpose" AND m."status" = 'manual'
			AND (m."created_at", m."id") > (n."created_at", n."id")
	);--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_open_task" ON "notifications" USING btree ("association_id","subject_type","subject_id","purpose")
	WHERE "status" = 'manual' AND "subject_id" IS NOT NULL AND "purpose" IS NOT NULL;
