-- The management dashboard (issue 12, ADR 0026): every figure is a GROUP BY over one association's
-- rows in a period, so each table gets an index led by the tenant and the instant the period reads.
-- The figures it groups by follow the period in the key, so a period is read from the index alone.
CREATE INDEX IF NOT EXISTS "support_requests_opened_at_idx" ON "support_requests" USING btree ("association_id","opened_at","state","channel","service_id","due_at","decided_at");--> statement-breakpoint
-- What waits for a decision now, by who opened it: a small partial index, whatever the table's size.
CREATE INDEX IF NOT EXISTS "support_requests_undecided_idx" ON "support_requests" USING btree ("association_id","opened_by","due_at") WHERE "support_requests"."decided_at" is null and "support_requests"."state" not in ('draft', 'cancelled');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaints_received_at_idx" ON "complaints" USING btree ("association_id","received_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interactions_inquiries_idx" ON "interactions" USING btree ("association_id","occurred_at") WHERE "interactions"."kind" = 'inquiry';
