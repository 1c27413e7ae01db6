CREATE TABLE "stats_port_day" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"scheduled" integer DEFAULT 0 NOT NULL,
	"checked_in" integer DEFAULT 0 NOT NULL,
	"late" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_port_day_port_id_service_date_pk" PRIMARY KEY("port_id","service_date")
);
--> statement-breakpoint
CREATE TABLE "stats_port_day_hour" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"hour" smallint NOT NULL,
	"scheduled" integer DEFAULT 0 NOT NULL,
	"arrived" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_port_day_hour_port_id_service_date_hour_pk" PRIMARY KEY("port_id","service_date","hour")
);
--> statement-breakpoint
CREATE TABLE "stats_port_day_minutes" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"minute" smallint NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_port_day_minutes_port_id_service_date_minute_pk" PRIMARY KEY("port_id","service_date","minute")
);
--> statement-breakpoint
CREATE TABLE "stats_port_day_outcome" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"code" varchar(40) NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_port_day_outcome_port_id_service_date_code_pk" PRIMARY KEY("port_id","service_date","code")
);
--> statement-breakpoint
CREATE TABLE "stats_port_day_pending" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_port_day_pending_port_id_service_date_scheduled_at_pk" PRIMARY KEY("port_id","service_date","scheduled_at")
);
--> statement-breakpoint
ALTER TABLE "stats_port_day" ADD CONSTRAINT "stats_port_day_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_port_day_hour" ADD CONSTRAINT "stats_port_day_hour_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_port_day_minutes" ADD CONSTRAINT "stats_port_day_minutes_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_port_day_outcome" ADD CONSTRAINT "stats_port_day_outcome_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_port_day_pending" ADD CONSTRAINT "stats_port_day_pending_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP TABLE "stats_daily" CASCADE;--> statement-breakpoint
DROP TABLE "stats_daily_outcomes" CASCADE;--> statement-breakpoint
-- The 8-shard rollup (0003/0004/0006) is replaced: its statement-level triggers with transition
-- tables cost a tuplestore and four grouped upserts per single-row check-in, and no read needs
-- shards. Row-level triggers keep every statistics rollup in the same transaction as the write,
-- in two halves:
--   1. at each row change, the net deltas (net-zero ones skipped) are appended to this session's
--      temporary delta tables (no WAL, no shared row lock);
--   2. at commit, a deferred constraint trigger folds them into the shared rollup rows, upserted in
--      key order so concurrent writers lock them in the same order.
-- So a rollup row (e.g. one port-day, hit by every check-in of that day) is locked only for the
-- commit, not from the row change to the commit: a booking inserts its appointment before it
-- takes the slot counter, and 500 concurrent bookers would otherwise queue on the port-day row.
-- A rolled-back transaction leaves no delta (temporary tables are transactional).
DROP FUNCTION IF EXISTS stats_rollup_appointments() CASCADE;
--> statement-breakpoint
DROP FUNCTION IF EXISTS stats_rollup_outcomes() CASCADE;
--> statement-breakpoint
DROP FUNCTION IF EXISTS stats_shard();
--> statement-breakpoint
-- Hour (0..23) of the port-local day of an instant.
CREATE OR REPLACE FUNCTION stats_local_hour(at timestamptz, zone text) RETURNS smallint AS $$
  SELECT extract(hour FROM at AT TIME ZONE zone)::smallint
$$ LANGUAGE sql STABLE PARALLEL SAFE;
--> statement-breakpoint
-- Histogram bucket of the minutes from arrival to outcome: whole minutes, 0..239 exact, 240 = 240 or more,
-- a negative duration (clock skew) in bucket 0; null without an arrival.
CREATE OR REPLACE FUNCTION stats_outcome_minute(arrived timestamptz, recorded timestamptz) RETURNS smallint AS $$
  SELECT least(greatest(floor(extract(epoch FROM (recorded - arrived)) / 60), 0), 240)::smallint
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
--> statement-breakpoint
-- This session's delta tables (created on first use), and the mark that this transaction has deltas to fold.
CREATE OR REPLACE FUNCTION stats_delta_open() RETURNS void AS $$
BEGIN
  IF to_regclass('pg_temp.stats_delta_day') IS NULL THEN
    CREATE TEMPORARY TABLE stats_delta_day (port_id integer, service_date date, scheduled integer, checked_in integer,
      late integer, no_show integer, processed integer, cancelled integer);
    CREATE TEMPORARY TABLE stats_delta_hour (port_id integer, service_date date, hour smallint, scheduled integer, arrived integer);
    CREATE TEMPORARY TABLE stats_delta_pending (port_id integer, service_date date, scheduled_at timestamptz, n integer);
    CREATE TEMPORARY TABLE stats_delta_outcome (port_id integer, service_date date, code varchar(40), n integer);
    CREATE TEMPORARY TABLE stats_delta_minutes (port_id integer, service_date date, minute smallint, n integer);
  END IF;
  PERFORM set_config('stats.dirty', 'on', true);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rollup_appointment() RETURNS trigger AS $$
BEGIN
  PERFORM stats_delta_open();
  WITH d AS (
      SELECT -1 AS k, OLD.id AS id, OLD.port_id AS port_id, OLD.service_date AS service_date, OLD.status AS status,
        OLD.scheduled_at AS scheduled_at, OLD.arrived_at AS arrived_at
      WHERE TG_OP <> 'INSERT'
      UNION ALL
      SELECT 1, NEW.id, NEW.port_id, NEW.service_date, NEW.status, NEW.scheduled_at, NEW.arrived_at
      WHERE TG_OP <> 'DELETE'),
    by_status AS (
      SELECT port_id, service_date, status, sum(k)::int AS n FROM d GROUP BY 1, 2, 3 HAVING sum(k) <> 0),
    day AS (
      INSERT INTO pg_temp.stats_delta_day (port_id, service_date, scheduled, checked_in, late, no_show, processed, cancelled)
      SELECT port_id, service_date,
        coalesce(sum(n) FILTER (WHERE status = 'scheduled'), 0), coalesce(sum(n) FILTER (WHERE status = 'checked_in'), 0),
        coalesce(sum(n) FILTER (WHERE status = 'late'), 0), coalesce(sum(n) FILTER (WHERE status = 'no_show'), 0),
        coalesce(sum(n) FILTER (WHERE status = 'processed'), 0), coalesce(sum(n) FILTER (WHERE status = 'cancelled'), 0)
      FROM by_status GROUP BY 1, 2
      RETURNING 1),
    hr AS (
      INSERT INTO pg_temp.stats_delta_hour (port_id, service_date, hour, scheduled, arrived)
      SELECT port_id, service_date, hour, sum(sch)::int, sum(arr)::int FROM (
        SELECT d.port_id, d.service_date, stats_local_hour(d.scheduled_at, p.time_zone) AS hour, d.k AS sch, 0 AS arr
        FROM d JOIN ports p ON p.id = d.port_id WHERE d.status <> 'cancelled'
        UNION ALL
        SELECT d.port_id, d.service_date, stats_local_hour(d.arrived_at, p.time_zone), 0, d.k
        FROM d JOIN ports p ON p.id = d.port_id WHERE d.arrived_at IS NOT NULL) x
      GROUP BY 1, 2, 3 HAVING sum(sch) <> 0 OR sum(arr) <> 0
      RETURNING 1),
    pend AS (
      INSERT INTO pg_temp.stats_delta_pending (port_id, service_date, scheduled_at, n)
      SELECT port_id, service_date, scheduled_at, sum(k)::int FROM d WHERE status = 'scheduled'
      GROUP BY 1, 2, 3 HAVING sum(k) <> 0
      RETURNING 1),
    -- Outcomes count only while the stored status is processed (an outcome row cannot exist on insert,
    -- and blocks a delete by its foreign key, so only updates reach these two). Read at the change,
    -- so a transaction writing both the outcome and the status counts it once, in either order.
    done AS (
      SELECT d.k, d.port_id, d.service_date, o.code, stats_outcome_minute(d.arrived_at, o.recorded_at) AS minute
      FROM d JOIN outcomes o ON o.appointment_id = d.id
      WHERE TG_OP = 'UPDATE' AND d.status = 'processed'),
    oc AS (
      INSERT INTO pg_temp.stats_delta_outcome (port_id, service_date, code, n)
      SELECT port_id, service_date, code, sum(k)::int FROM done GROUP BY 1, 2, 3 HAVING sum(k) <> 0
      RETURNING 1)
  INSERT INTO pg_temp.stats_delta_minutes (port_id, service_date, minute, n)
  SELECT port_id, service_date, minute, sum(k)::int FROM done WHERE minute IS NOT NULL
  GROUP BY 1, 2, 3 HAVING sum(k) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rollup_outcome() RETURNS trigger AS $$
BEGIN
  PERFORM stats_delta_open();
  WITH d AS (
      SELECT -1 AS k, OLD.appointment_id AS appointment_id, OLD.code AS code, OLD.recorded_at AS recorded_at
      WHERE TG_OP <> 'INSERT'
      UNION ALL
      SELECT 1, NEW.appointment_id, NEW.code, NEW.recorded_at
      WHERE TG_OP <> 'DELETE'),
    done AS (
      SELECT d.k, a.port_id, a.service_date, d.code, stats_outcome_minute(a.arrived_at, d.recorded_at) AS minute
      FROM d JOIN appointments a ON a.id = d.appointment_id WHERE a.status = 'processed'),
    oc AS (
      INSERT INTO pg_temp.stats_delta_outcome (port_id, service_date, code, n)
      SELECT port_id, service_date, code, sum(k)::int FROM done GROUP BY 1, 2, 3 HAVING sum(k) <> 0
      RETURNING 1)
  INSERT INTO pg_temp.stats_delta_minutes (port_id, service_date, minute, n)
  SELECT port_id, service_date, minute, sum(k)::int FROM done WHERE minute IS NOT NULL
  GROUP BY 1, 2, 3 HAVING sum(k) <> 0;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- At commit: fold this transaction's deltas into the rollups (the first deferred event does it, the others find nothing).
CREATE OR REPLACE FUNCTION stats_rollup_flush() RETURNS trigger AS $$
BEGIN
  IF coalesce(current_setting('stats.dirty', true), '') <> 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('stats.dirty', '', true);
  WITH dd AS (DELETE FROM pg_temp.stats_delta_day RETURNING *),
    day AS (
      INSERT INTO stats_port_day AS s (port_id, service_date, scheduled, checked_in, late, no_show, processed, cancelled)
      SELECT port_id, service_date, sum(scheduled), sum(checked_in), sum(late), sum(no_show), sum(processed), sum(cancelled)
      FROM dd GROUP BY 1, 2
      HAVING sum(scheduled) <> 0 OR sum(checked_in) <> 0 OR sum(late) <> 0 OR sum(no_show) <> 0 OR sum(processed) <> 0 OR sum(cancelled) <> 0
      ORDER BY 1, 2
      ON CONFLICT (port_id, service_date) DO UPDATE SET
        scheduled = s.scheduled + excluded.scheduled, checked_in = s.checked_in + excluded.checked_in,
        late = s.late + excluded.late, no_show = s.no_show + excluded.no_show,
        processed = s.processed + excluded.processed, cancelled = s.cancelled + excluded.cancelled
      RETURNING 1),
    dh AS (DELETE FROM pg_temp.stats_delta_hour RETURNING *),
    hr AS (
      INSERT INTO stats_port_day_hour AS s (port_id, service_date, hour, scheduled, arrived)
      SELECT port_id, service_date, hour, sum(scheduled), sum(arrived) FROM dh
      GROUP BY 1, 2, 3 HAVING sum(scheduled) <> 0 OR sum(arrived) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (port_id, service_date, hour) DO UPDATE SET
        scheduled = s.scheduled + excluded.scheduled, arrived = s.arrived + excluded.arrived
      RETURNING 1),
    dp AS (DELETE FROM pg_temp.stats_delta_pending RETURNING *),
    pend AS (
      INSERT INTO stats_port_day_pending AS s (port_id, service_date, scheduled_at, n)
      SELECT port_id, service_date, scheduled_at, sum(n) FROM dp GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (port_id, service_date, scheduled_at) DO UPDATE SET n = s.n + excluded.n
      RETURNING 1),
    dox AS (DELETE FROM pg_temp.stats_delta_outcome RETURNING *),
    oc AS (
      INSERT INTO stats_port_day_outcome AS s (port_id, service_date, code, n)
      SELECT port_id, service_date, code, sum(n) FROM dox GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (port_id, service_date, code) DO UPDATE SET n = s.n + excluded.n
      RETURNING 1),
    dm AS (DELETE FROM pg_temp.stats_delta_minutes RETURNING *)
  INSERT INTO stats_port_day_minutes AS s (port_id, service_date, minute, n)
  SELECT port_id, service_date, minute, sum(n) FROM dm GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (port_id, service_date, minute) DO UPDATE SET n = s.n + excluded.n;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stats_rollup_appointment_insert_delete AFTER INSERT OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION stats_rollup_appointment();
--> statement-breakpoint
-- Edits that move no figure (names, version, flags, keys) fire nothing.
CREATE TRIGGER stats_rollup_appointment_update AFTER UPDATE ON appointments
  FOR EACH ROW WHEN ((OLD.port_id, OLD.service_date, OLD.status, OLD.scheduled_at, OLD.arrived_at)
    IS DISTINCT FROM (NEW.port_id, NEW.service_date, NEW.status, NEW.scheduled_at, NEW.arrived_at))
  EXECUTE FUNCTION stats_rollup_appointment();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_outcome_insert_delete AFTER INSERT OR DELETE ON outcomes
  FOR EACH ROW EXECUTE FUNCTION stats_rollup_outcome();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_outcome_update AFTER UPDATE ON outcomes
  FOR EACH ROW WHEN ((OLD.appointment_id, OLD.code, OLD.recorded_at) IS DISTINCT FROM (NEW.appointment_id, NEW.code, NEW.recorded_at))
  EXECUTE FUNCTION stats_rollup_outcome();
--> statement-breakpoint
-- The same events, deferred to commit (and the same WHEN: a bulk edit that moves no figure queues nothing).
CREATE CONSTRAINT TRIGGER stats_rollup_flush_appointment_insert_delete AFTER INSERT OR DELETE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_rollup_flush();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_rollup_flush_appointment_update AFTER UPDATE ON appointments
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.port_id, OLD.service_date, OLD.status, OLD.scheduled_at, OLD.arrived_at)
    IS DISTINCT FROM (NEW.port_id, NEW.service_date, NEW.status, NEW.scheduled_at, NEW.arrived_at))
  EXECUTE FUNCTION stats_rollup_flush();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_rollup_flush_outcome_insert_delete AFTER INSERT OR DELETE ON outcomes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_rollup_flush();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_rollup_flush_outcome_update AFTER UPDATE ON outcomes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.appointment_id, OLD.code, OLD.recorded_at) IS DISTINCT FROM (NEW.appointment_id, NEW.code, NEW.recorded_at))
  EXECUTE FUNCTION stats_rollup_flush();
--> statement-breakpoint
-- Recount every rollup of one port (all ports when null) from the appointments: the rebuild
-- (lib/stats/rollup.ts, under a share lock on appointments and outcomes) and this migration's first fill.
CREATE OR REPLACE FUNCTION stats_rollup_rebuild(p_port integer) RETURNS void AS $$
BEGIN
  DELETE FROM stats_port_day WHERE p_port IS NULL OR port_id = p_port;
  DELETE FROM stats_port_day_hour WHERE p_port IS NULL OR port_id = p_port;
  DELETE FROM stats_port_day_pending WHERE p_port IS NULL OR port_id = p_port;
  DELETE FROM stats_port_day_outcome WHERE p_port IS NULL OR port_id = p_port;
  DELETE FROM stats_port_day_minutes WHERE p_port IS NULL OR port_id = p_port;
  INSERT INTO stats_port_day (port_id, service_date, scheduled, checked_in, late, no_show, processed, cancelled)
  SELECT port_id, service_date,
    count(*) FILTER (WHERE status = 'scheduled'), count(*) FILTER (WHERE status = 'checked_in'),
    count(*) FILTER (WHERE status = 'late'), count(*) FILTER (WHERE status = 'no_show'),
    count(*) FILTER (WHERE status = 'processed'), count(*) FILTER (WHERE status = 'cancelled')
  FROM appointments WHERE p_port IS NULL OR port_id = p_port GROUP BY 1, 2;
  INSERT INTO stats_port_day_hour (port_id, service_date, hour, scheduled, arrived)
  SELECT port_id, service_date, hour, sum(sch)::int, sum(arr)::int FROM (
    SELECT a.port_id, a.service_date, stats_local_hour(a.scheduled_at, p.time_zone) AS hour, 1 AS sch, 0 AS arr
    FROM appointments a JOIN ports p ON p.id = a.port_id WHERE (p_port IS NULL OR a.port_id = p_port) AND a.status <> 'cancelled'
    UNION ALL
    SELECT a.port_id, a.service_date, stats_local_hour(a.arrived_at, p.time_zone), 0, 1
    FROM appointments a JOIN ports p ON p.id = a.port_id WHERE (p_port IS NULL OR a.port_id = p_port) AND a.arrived_at IS NOT NULL) x
  GROUP BY 1, 2, 3;
  INSERT INTO stats_port_day_pending (port_id, service_date, scheduled_at, n)
  SELECT port_id, service_date, scheduled_at, count(*)::int FROM appointments
  WHERE (p_port IS NULL OR port_id = p_port) AND status = 'scheduled' GROUP BY 1, 2, 3;
  INSERT INTO stats_port_day_outcome (port_id, service_date, code, n)
  SELECT a.port_id, a.service_date, o.code, count(*)::int FROM appointments a JOIN outcomes o ON o.appointment_id = a.id
  WHERE (p_port IS NULL OR a.port_id = p_port) AND a.status = 'processed' GROUP BY 1, 2, 3;
  INSERT INTO stats_port_day_minutes (port_id, service_date, minute, n)
  SELECT a.port_id, a.service_date, stats_outcome_minute(a.arrived_at, o.recorded_at), count(*)::int
  FROM appointments a JOIN outcomes o ON o.appointment_id = a.id
  WHERE (p_port IS NULL OR a.port_id = p_port) AND a.status = 'processed' AND a.arrived_at IS NOT NULL GROUP BY 1, 2, 3;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT stats_rollup_rebuild(NULL);
