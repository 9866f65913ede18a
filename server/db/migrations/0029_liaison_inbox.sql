-- Issue 11, the liaison officer's inbox (SPEC I1, H1, S3): an answer may cite the library document
-- (the version in force when it was given) it was taken from. The key is composite with the tenant,
-- like a contact's request and complaint (0025), so an answer cites only its own association's library.
CREATE UNIQUE INDEX "library_document_versions_association_id_id_key" ON "library_document_versions" USING btree ("association_id","id");
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "cited_library_version_id" uuid;
--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_cited_library_version_fk" FOREIGN KEY ("association_id","cited_library_version_id") REFERENCES "public"."library_document_versions"("association_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "interactions_cited_library_version_id_idx" ON "interactions" USING btree ("cited_library_version_id","association_id");
--> statement-breakpoint
-- The inbox and the management view read a liaison officer's routed inquiries, open or answered.
DROP INDEX IF EXISTS "interactions_routed_to_user_id_idx";
--> statement-breakpoint
CREATE INDEX "interactions_routed_to_user_id_idx" ON "interactions" USING btree ("routed_to_user_id","occurred_at");
