-- The evidence pack for the annual governance assessment (SPEC G7, P2, P3; ADR 0028): a period the
-- manager picked, made by a background job into one Arabic PDF and one Excel workbook kept as the
-- association's files. Progress is the percent done and the step in hand; a failure keeps its code.
CREATE TABLE "evidence_packs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"progress_step" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"pdf_file_id" uuid,
	"workbook_file_id" uuid,
	"failure_code" text,
	CONSTRAINT "evidence_packs_status_check" CHECK ("status" in ('queued', 'running', 'done', 'failed')),
	CONSTRAINT "evidence_packs_period_check" CHECK ("period_from" <= "period_to"),
	CONSTRAINT "evidence_packs_progress_check" CHECK ("progress_percent" between 0 and 100),
	-- Done means both files are there; failed means a code says why.
	CONSTRAINT "evidence_packs_done_check" CHECK (("status" = 'done') = ("pdf_file_id" IS NOT NULL AND "workbook_file_id" IS NOT NULL)),
	CONSTRAINT "evidence_packs_failed_check" CHECK (("status" = 'failed') = ("failure_code" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "evidence_packs" ADD CONSTRAINT "evidence_packs_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_packs" ADD CONSTRAINT "evidence_packs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_packs" ADD CONSTRAINT "evidence_packs_pdf_file_id_files_id_fk" FOREIGN KEY ("pdf_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_packs" ADD CONSTRAINT "evidence_packs_workbook_file_id_files_id_fk" FOREIGN KEY ("workbook_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_packs_association_id_idx" ON "evidence_packs" USING btree ("association_id","requested_at");--> statement-breakpoint
CREATE INDEX "evidence_packs_requested_by_idx" ON "evidence_packs" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "evidence_packs_pdf_file_id_idx" ON "evidence_packs" USING btree ("pdf_file_id");--> statement-breakpoint
CREATE INDEX "evidence_packs_workbook_file_id_idx" ON "evidence_packs" USING btree ("workbook_file_id");--> statement-breakpoint
SELECT silah_protect_tenant_table('evidence_packs');
