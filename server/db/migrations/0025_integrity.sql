-- Issue 10, data integrity. Every foreign key gets an index led by its column(s): these were missing.
-- A test (server/db/foreign-key-indexes.test.ts) reads pg_catalog so none goes missing again.
CREATE INDEX IF NOT EXISTS "agenda_items_association_id_idx" ON "agenda_items" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "committee_meetings_association_id_idx" ON "committee_meetings" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "committee_members_association_id_idx" ON "committee_members" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "committee_votes_association_id_idx" ON "committee_votes" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "compensation_claims_association_id_idx" ON "compensation_claims" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "compensation_events_association_id_idx" ON "compensation_events" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaint_events_association_id_idx" ON "complaint_events" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaint_files_association_id_idx" ON "complaint_files" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "conflict_declarations_association_id_idx" ON "conflict_declarations" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "consents_association_id_idx" ON "consents" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "declarations_association_id_idx" ON "declarations" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "deliveries_association_id_idx" ON "deliveries" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interaction_files_association_id_idx" ON "interaction_files" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interactions_association_id_idx" ON "interactions" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "liaison_routes_association_id_idx" ON "liaison_routes" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "library_document_versions_association_id_idx" ON "library_document_versions" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "minutes_approvals_association_id_idx" ON "minutes_approvals" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "policy_acknowledgements_association_id_idx" ON "policy_acknowledgements" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "policy_approvals_association_id_idx" ON "policy_approvals" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "referrals_association_id_idx" ON "referrals" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "request_documents_association_id_idx" ON "request_documents" USING btree ("association_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "agenda_items_request_id_idx" ON "agenda_items" USING btree ("request_id");
--> statement-breakpoint
-- A contact names a support request or a complaint of its own association only: the keys are
-- composite with the tenant, so another association's id is refused as surely as a random one.
CREATE UNIQUE INDEX "support_requests_association_id_id_key" ON "support_requests" USING btree ("association_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_association_id_id_key" ON "complaints" USING btree ("association_id","id");
--> statement-breakpoint
-- Links recorded before the keys existed that point nowhere in their own association are cut
-- (the contact itself stays); the key could not be added over them.
UPDATE "interactions" i SET "support_request_id" = NULL
WHERE i."support_request_id" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "support_requests" s WHERE s."id" = i."support_request_id" AND s."association_id" = i."association_id");
--> statement-breakpoint
UPDATE "interactions" i SET "complaint_id" = NULL
WHERE i."complaint_id" IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM "complaints" c WHERE c."id" = i."complaint_id" AND c."association_id" = i."association_id");
--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_support_request_fk" FOREIGN KEY ("association_id","support_request_id") REFERENCES "public"."support_requests"("association_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_complaint_fk" FOREIGN KEY ("association_id","complaint_id") REFERENCES "public"."complaints"("association_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "interactions_support_request_id_idx" ON "interactions" USING btree ("support_request_id","association_id");
--> statement-breakpoint
CREATE INDEX "interactions_complaint_id_idx" ON "interactions" USING btree ("complaint_id","association_id");
