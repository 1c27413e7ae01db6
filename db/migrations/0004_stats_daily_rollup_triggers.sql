-- The daily statistics rollup follows every change to appointments and outcomes in the same
-- transaction, whichever code path writes (kiosk verbs, corrections, intake, imports, seeds).
-- Statement-level triggers with transition tables: a bulk insert costs one grouped upsert,
-- a single check-in one small upsert. Rows are upserted in key order so concurrent writers
-- take their row locks in the same order.
-- stats_daily counts stored statuses; stats_daily_outcomes counts the outcomes of appointments
-- whose stored status is processed (the rule the plain aggregate uses too).
-- Each IF branch names only the transition tables its event has (PL/pgSQL plans lazily).
CREATE OR REPLACE FUNCTION stats_rollup_appointments() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stats_daily AS s (port_id, service_date, status, n)
    SELECT port_id, service_date, status, count(*)::int FROM stats_new GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, status) DO UPDATE SET n = s.n + excluded.n;
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, n)
    SELECT a.port_id, a.service_date, o.code, count(*)::int
    FROM stats_new a JOIN outcomes o ON o.appointment_id = a.id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, code) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stats_daily AS s (port_id, service_date, status, n)
    SELECT port_id, service_date, status, sum(k)::int FROM (
      SELECT port_id, service_date, status, 1 AS k FROM stats_new
      UNION ALL
      SELECT port_id, service_date, status, -1 FROM stats_old) d
    GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, status) DO UPDATE SET n = s.n + excluded.n;
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, n)
    SELECT port_id, service_date, code, sum(k)::int FROM (
      SELECT a.port_id, a.service_date, o.code, 1 AS k
      FROM stats_new a JOIN outcomes o ON o.appointment_id = a.id WHERE a.status = 'processed'
      UNION ALL
      SELECT a.port_id, a.service_date, o.code, -1
      FROM stats_old a JOIN outcomes o ON o.appointment_id = a.id WHERE a.status = 'processed') d
    GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, code) DO UPDATE SET n = s.n + excluded.n;
  ELSE
    INSERT INTO stats_daily AS s (port_id, service_date, status, n)
    SELECT port_id, service_date, status, -count(*)::int FROM stats_old GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, status) DO UPDATE SET n = s.n + excluded.n;
    -- An appointment with an outcome cannot be deleted (foreign key), so no outcome count moves.
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stats_rollup_appointments_insert AFTER INSERT ON appointments
  REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_appointments();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_appointments_update AFTER UPDATE ON appointments
  REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_appointments();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_appointments_delete AFTER DELETE ON appointments
  REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_appointments();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_rollup_outcomes() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, n)
    SELECT a.port_id, a.service_date, o.code, count(*)::int
    FROM stats_new o JOIN appointments a ON a.id = o.appointment_id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, code) DO UPDATE SET n = s.n + excluded.n;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, n)
    SELECT port_id, service_date, code, sum(k)::int FROM (
      SELECT a.port_id, a.service_date, o.code, 1 AS k
      FROM stats_new o JOIN appointments a ON a.id = o.appointment_id WHERE a.status = 'processed'
      UNION ALL
      SELECT a.port_id, a.service_date, o.code, -1
      FROM stats_old o JOIN appointments a ON a.id = o.appointment_id WHERE a.status = 'processed') d
    GROUP BY 1, 2, 3 HAVING sum(k) <> 0 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, code) DO UPDATE SET n = s.n + excluded.n;
  ELSE
    INSERT INTO stats_daily_outcomes AS s (port_id, service_date, code, n)
    SELECT a.port_id, a.service_date, o.code, -count(*)::int
    FROM stats_old o JOIN appointments a ON a.id = o.appointment_id
    WHERE a.status = 'processed' GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
    ON CONFLICT (service_date, port_id, code) DO UPDATE SET n = s.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER stats_rollup_outcomes_insert AFTER INSERT ON outcomes
  REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_outcomes();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_outcomes_update AFTER UPDATE ON outcomes
  REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_outcomes();
--> statement-breakpoint
CREATE TRIGGER stats_rollup_outcomes_delete AFTER DELETE ON outcomes
  REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_outcomes();
--> statement-breakpoint
-- Existing rows (an upgraded database): fill the rollup once.
INSERT INTO stats_daily (port_id, service_date, status, n)
SELECT port_id, service_date, status, count(*)::int FROM appointments GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO stats_daily_outcomes (port_id, service_date, code, n)
SELECT a.port_id, a.service_date, o.code, count(*)::int
FROM appointments a JOIN outcomes o ON o.appointment_id = a.id WHERE a.status = 'processed' GROUP BY 1, 2, 3;
