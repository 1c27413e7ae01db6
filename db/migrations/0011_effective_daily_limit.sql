-- The effective daily slot limit, defined once for every query (booking, import, availability,
-- the capacity calendar, statistics): the date's override if there is one, else the default for
-- the ISO weekday (1 = Monday ... 7 = Sunday), else 0 (capacity is granted, never assumed).
-- The TS twin is effectiveLimit in lib/capacity/rules.ts, tested against these functions.
-- Set-returning and plain SQL, so the planner inlines it as joins into the caller's query.
CREATE OR REPLACE FUNCTION effective_daily_limits(p_from date, p_to date)
RETURNS TABLE (port_id integer, service_date date, daily_limit integer, source text) AS $$
  SELECT p.id, d.date, coalesce(o.daily_limit, w.daily_limit, 0),
    CASE WHEN o.daily_limit IS NULL THEN 'weekday' ELSE 'override' END
  FROM ports p
  CROSS JOIN (SELECT p_from + k AS date FROM generate_series(0, p_to - p_from) k) d
  LEFT JOIN date_limit_overrides o ON o.port_id = p.id AND o.service_date = d.date
  LEFT JOIN weekday_limits w ON w.port_id = p.id AND w.iso_weekday = extract(isodow FROM d.date)::int
$$ LANGUAGE sql STABLE PARALLEL SAFE;
--> statement-breakpoint
-- One port on one date (0 for a port that does not exist).
CREATE OR REPLACE FUNCTION effective_daily_limit(p_port integer, p_date date) RETURNS integer AS $$
  SELECT coalesce((SELECT l.daily_limit FROM effective_daily_limits(p_date, p_date) l WHERE l.port_id = p_port), 0)
$$ LANGUAGE sql STABLE PARALLEL SAFE;
--> statement-breakpoint
-- The national cap on bookings per date over all ports (1000 until an admin sets it).
CREATE OR REPLACE FUNCTION national_daily_cap() RETURNS integer AS $$
  SELECT coalesce((SELECT daily_cap FROM national_cap WHERE id = 1), 1000)
$$ LANGUAGE sql STABLE PARALLEL SAFE;
