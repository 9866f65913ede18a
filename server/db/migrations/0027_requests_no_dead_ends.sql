-- Issue 11, requests without dead ends.
-- A cancelled request keeps the reason it was cancelled for.
ALTER TABLE "support_requests" ADD COLUMN "cancel_reason" text;
--> statement-breakpoint
-- What a declaration covers, kept readable (H5: "the exact data it covers are kept"): the data
-- fields and the documents' hashes and dates, so the page can say what changed since signing.
ALTER TABLE "declarations" ADD COLUMN "covered" jsonb;
--> statement-breakpoint
-- Who attended a committee meeting: the minutes name the members present and absent.
CREATE TABLE "meeting_attendance" (
	"association_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "meeting_attendance_association_id_idx" ON "meeting_attendance" USING btree ("association_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_key" ON "meeting_attendance" USING btree ("meeting_id","user_id");
--> statement-breakpoint
CREATE INDEX "meeting_attendance_user_id_idx" ON "meeting_attendance" USING btree ("user_id");
--> statement-breakpoint
CREATE INDEX "meeting_attendance_recorded_by_idx" ON "meeting_attendance" USING btree ("recorded_by");
--> statement-breakpoint
SELECT silah_protect_tenant_table('meeting_attendance');
