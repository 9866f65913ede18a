-- The management dashboard at a million requests (issue 12, ADR 0026, update of 2026-11-29): daily
-- counts per association, kept by statement triggers in the same transaction as every change to the
-- rows they count, so a year is read from a few thousand rows instead of half a million and the
-- figures are never stale. Only what depends on "now" (open and past due) is still read live.
--
-- request_day_counts: requests by the Riyadh day they were opened, one row per dimension and key:
--   state   — the request's state;             channel — the channel it came by;
--   service — the service's id;                 timing  — 'in_time' | 'late' for a decided request
--   span    — calendar days from opening          with a due time, not a draft and not cancelled;
--             to decision (Riyadh days).
CREATE TABLE "request_day_counts" (
	"association_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "request_day_counts_pkey" PRIMARY KEY ("association_id","dimension","opened_on","key")
);
--> statement-breakpoint
-- Inquiries by the Riyadh day they came in and their channel.
CREATE TABLE "inquiry_day_counts" (
	"association_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"channel" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "inquiry_day_counts_pkey" PRIMARY KEY ("association_id","occurred_on","channel")
);
--> statement-breakpoint
-- Routed inquiries answered, by the day answered, the liaison officer, and the day they came in:
-- all the liaison load needs to age an answer in working days (ADR 0021).
CREATE TABLE "liaison_answer_counts" (
	"association_id" uuid NOT NULL,
	"answered_on" date NOT NULL,
	"routed_to_user_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "liaison_answer_counts_pkey" PRIMARY KEY ("association_id","answered_on","routed_to_user_id","occurred_on")
);
--> statement-breakpoint
ALTER TABLE "request_day_counts" ADD CONSTRAINT "request_day_counts_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_day_counts" ADD CONSTRAINT "inquiry_day_counts_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_answer_counts" ADD CONSTRAINT "liaison_answer_counts_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_answer_counts" ADD CONSTRAINT "liaison_answer_counts_routed_to_user_id_users_id_fk" FOREIGN KEY ("routed_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "liaison_answer_counts_routed_to_user_id_idx" ON "liaison_answer_counts" USING btree ("routed_to_user_id");--> statement-breakpoint
SELECT silah_protect_tenant_table('request_day_counts');--> statement-breakpoint
SELECT silah_protect_tenant_table('inquiry_day_counts');--> statement-breakpoint
SELECT silah_protect_tenant_table('liaison_answer_counts');--> statement-breakpoint
-- The keys one request is counted under (a Riyadh day is the UTC instant plus three hours, all year).
CREATE FUNCTION silah_request_day_keys(opened_at timestamptz, state text, channel text, service_id uuid,
                                       due_at timestamptz, decided_at timestamptz)
  RETURNS TABLE (opened_on date, dimension text, key text) LANGUAGE sql STABLE AS $$
  SELECT ((opened_at AT TIME ZONE 'UTC') + interval '3 hours')::date, d.dimension, d.key
  FROM (VALUES
    ('state', state),
    ('channel', channel),
    ('service', service_id::text),
    ('timing', CASE WHEN decided_at IS NOT NULL AND due_at IS NOT NULL AND state NOT IN ('draft', 'cancelled')
                    THEN CASE WHEN decided_at <= due_at THEN 'in_time' ELSE 'late' END END),
    ('span', CASE WHEN decided_at IS NOT NULL
                  THEN (((decided_at AT TIME ZONE 'UTC') + interval '3 hours')::date
                        - ((opened_at AT TIME ZONE 'UTC') + interval '3 hours')::date)::text END)
  ) AS d (dimension, key)
  WHERE d.key IS NOT NULL
$$;
--> statement-breakpoint
-- The rows a statement trigger changed, as SQL over its transition tables: the new rows count +1,
-- the old ones -1. An update takes the old rows' keys away and adds the new ones'; a row whose
-- counted columns did not change (a merge re-pointing the beneficiary, an edit of the data) cancels
-- out and writes nothing.
CREATE FUNCTION silah_changed_rows(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o'
  END
$$;
--> statement-breakpoint
-- One grouped upsert per statement: a bulk insert (an import, the bench) adds its counts at once.
-- Keys are upserted in key order, so two transactions counting the same days lock them in the same
-- order. A count that falls to zero stays as a zero row; the readers skip it.
CREATE FUNCTION silah_count_request_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO request_day_counts AS c (association_id, opened_on, dimension, key, n)
    SELECT r.association_id, k.opened_on, k.dimension, k.key, sum(r.sign)::int
    FROM (%s) r,
         silah_request_day_keys(r.opened_at, r.state, r.channel, r.service_id, r.due_at, r.decided_at) k
    GROUP BY 1, 2, 3, 4
    HAVING sum(r.sign) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (association_id, dimension, opened_on, key) DO UPDATE SET n = c.n + excluded.n
  $q$, silah_changed_rows(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION silah_count_inquiry_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO inquiry_day_counts AS c (association_id, occurred_on, channel, n)
    SELECT r.association_id, ((r.occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date, r.channel,
           sum(r.sign)::int
    FROM (%s) r
    WHERE r.kind = 'inquiry'
    GROUP BY 1, 2, 3
    HAVING sum(r.sign) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (association_id, occurred_on, channel) DO UPDATE SET n = c.n + excluded.n
  $q$, silah_changed_rows(TG_OP));
  EXECUTE format($q$
    INSERT INTO liaison_answer_counts AS c (association_id, answered_on, routed_to_user_id, occurred_on, n)
    SELECT r.association_id, ((r.answered_at AT TIME ZONE 'UTC') + interval '3 hours')::date,
           r.routed_to_user_id, ((r.occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date,
           sum(r.sign)::int
    FROM (%s) r
    WHERE r.kind = 'inquiry' AND r.routed_to_user_id IS NOT NULL AND r.answered_at IS NOT NULL
    GROUP BY 1, 2, 3, 4
    HAVING sum(r.sign) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (association_id, answered_on, routed_to_user_id, occurred_on) DO UPDATE SET n = c.n + excluded.n
  $q$, silah_changed_rows(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER support_requests_count_insert AFTER INSERT ON support_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_request_days();--> statement-breakpoint
CREATE TRIGGER support_requests_count_update AFTER UPDATE ON support_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_request_days();--> statement-breakpoint
CREATE TRIGGER support_requests_count_delete AFTER DELETE ON support_requests
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_request_days();--> statement-breakpoint
CREATE TRIGGER interactions_count_insert AFTER INSERT ON interactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_inquiry_days();--> statement-breakpoint
CREATE TRIGGER interactions_count_update AFTER UPDATE ON interactions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_inquiry_days();--> statement-breakpoint
CREATE TRIGGER interactions_count_delete AFTER DELETE ON interactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION silah_count_inquiry_days();--> statement-breakpoint
-- What is already there is counted once, here.
INSERT INTO request_day_counts (association_id, opened_on, dimension, key, n)
SELECT r.association_id, k.opened_on, k.dimension, k.key, count(*)::int
FROM support_requests r,
     silah_request_day_keys(r.opened_at, r.state, r.channel, r.service_id, r.due_at, r.decided_at) k
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO inquiry_day_counts (association_id, occurred_on, channel, n)
SELECT association_id, ((occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date, channel, count(*)::int
FROM interactions WHERE kind = 'inquiry'
GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO liaison_answer_counts (association_id, answered_on, routed_to_user_id, occurred_on, n)
SELECT association_id, ((answered_at AT TIME ZONE 'UTC') + interval '3 hours')::date, routed_to_user_id,
       ((occurred_at AT TIME ZONE 'UTC') + interval '3 hours')::date, count(*)::int
FROM interactions WHERE kind = 'inquiry' AND routed_to_user_id IS NOT NULL AND answered_at IS NOT NULL
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
-- Live, by the period: requests still awaiting a decision (overdue or pending now), a small partial
-- index whatever the table's size; the routed inquiries still open, for the liaison load.
CREATE INDEX IF NOT EXISTS "support_requests_undecided_opened_idx" ON "support_requests" USING btree ("association_id","opened_at","due_at") WHERE "support_requests"."decided_at" is null and "support_requests"."state" not in ('draft', 'cancelled');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "interactions_open_routed_idx" ON "interactions" USING btree ("association_id","routed_to_user_id","occurred_at") WHERE "interactions"."kind" = 'inquiry' and "interactions"."answered_at" is null and "interactions"."routed_to_user_id" is not null;--> statement-breakpoint
-- Complaints stay live (a twentieth of the requests): their period index carries what they are grouped by.
DROP INDEX IF EXISTS "complaints_received_at_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaints_received_at_idx" ON "complaints" USING btree ("association_id","received_at","status","outcome");--> statement-breakpoint
-- Complaints not closed yet, by who holds them: what is open now, whatever the table's size.
CREATE INDEX IF NOT EXISTS "complaints_unclosed_idx" ON "complaints" USING btree ("association_id","assigned_to","due_at") WHERE "complaints"."status" <> 'closed';--> statement-breakpoint
-- The planner's statistics for the new tables now, not when autovacuum first comes by.
ANALYZE "request_day_counts";--> statement-breakpoint
ANALYZE "inquiry_day_counts";--> statement-breakpoint
ANALYZE "liaison_answer_counts";
