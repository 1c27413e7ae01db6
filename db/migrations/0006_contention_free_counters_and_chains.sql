ALTER TABLE "audit_events" ADD COLUMN "chain" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_daily" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_daily_outcomes" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_daily" DROP CONSTRAINT "stats_daily_service_date_port_id_status_pk";--> statement-breakpoint
ALTER TABLE "stats_daily_outcomes" DROP CONSTRAINT "stats_daily_outcomes_service_date_port_id_code_pk";--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_service_date_port_id_status_shard_pk" PRIMARY KEY("service_date","port_id","status","shard");--> statement-breakpoint
ALTER TABLE "stats_daily_outcomes" ADD CONSTRAINT "stats_daily_outcomes_service_date_port_id_code_shard_pk" PRIMARY KEY("service_date","port_id","code","shard");--> statement-breakpoint
CREATE INDEX "audit_events_chain_head_idx" ON "audit_events" USING btree ("port_id","chain","id");--> statement-breakpoint
-- Sixty-four kiosks checking in at one port on one day all moved the same few rollup rows, and
-- each row lock was held until commit, so check-ins queued one behind another. Each counter is
-- now spread over eight rows (readers sum them); a transaction writes the shard of its own
-- backend, so concurrent connections rarely meet on a row, and one connection never waits on itself.
CREATE OR REPLACE FUNCTION stats_shard() RETURNS smallint AS $$
  SELECT (pg_backend_pid() % 8)::smallint
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rollup_appointments() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stats_daily AS s (port_id, service_date, status, shard, n)
    SELECT port_id, service_date, status, stats_shard(), count(*)::int FROM stats_new GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, status, shard) DO UPDATE SET n = s.n + excluded.n;
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, shard, n)
    SELECT a.port_id, a.service_date, o.code, stats_shard(), count(*)::int
    FROM stats_new a JOIN outcomes o ON o.appointment_id = a.id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, code, shard) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stats_daily AS s (port_id, service_date, status, shard, n)
    SELECT port_id, service_date, status, stats_shard(), sum(k)::int FROM (
      SELECT port_id, service_date, status, 1 AS k FROM stats_new
      UNION ALL
      SELECT port_id, service_date, status, -1 FROM stats_old) d
    GROUP BY 1, 2, 3, 4 HAVING sum(k) <> 0 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, status, shard) DO UPDATE SET n = s.n + excluded.n;
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, shard, n)
    SELECT port_id, service_date, code, stats_shard(), sum(k)::int FROM (
      SELECT a.port_id, a.service_date, o.code, 1 AS k
      FROM stats_new a JOIN outcomes o ON o.appointment_id = a.id WHERE a.status = 'processed'
      UNION ALL
      SELECT a.port_id, a.service_date, o.code, -1
      FROM stats_old a JOIN outcomes o ON o.appointment_id = a.id WHERE a.status = 'processed') d
    GROUP BY 1, 2, 3, 4 HAVING sum(k) <> 0 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, code, shard) DO UPDATE SET n = s.n + excluded.n;
  ELSE
    INSERT INTO stats_daily AS s (port_id, service_date, status, shard, n)
    SELECT port_id, service_date, status, stats_shard(), -count(*)::int FROM stats_old GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, status, shard) DO UPDATE SET n = s.n + excluded.n;
    -- An appointment with an outcome cannot be deleted (foreign key), so no outcome count moves.
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rollup_outcomes() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, shard, n)
    SELECT a.port_id, a.service_date, o.code, stats_shard(), count(*)::int
    FROM stats_new o JOIN appointments a ON a.id = o.appointment_id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, code, shard) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, shard, n)
    SELECT port_id, service_date, code, stats_shard(), sum(k)::int FROM (
      SELECT a.port_id, a.service_date, o.code, 1 AS k
      FROM stats_new o JOIN appointments a ON a.id = o.appointment_id WHERE a.status = 'processed'
      UNION ALL
      SELECT a.port_id, a.service_date, o.code, -1
      FROM stats_old o JOIN appointments a ON a.id = o.appointment_id WHERE a.status = 'processed') d
    GROUP BY 1, 2, 3, 4 HAVING sum(k) <> 0 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, code, shard) DO UPDATE SET n = s.n + excluded.n;
  ELSE
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, shard, n)
    SELECT a.port_id, a.service_date, o.code, stats_shard(), -count(*)::int
    FROM stats_old o JOIN appointments a ON a.id = o.appointment_id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3, 4 ORDER BY 2, 1, 3, 4
    ON CONFLICT (service_date, port_id, code, shard) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
