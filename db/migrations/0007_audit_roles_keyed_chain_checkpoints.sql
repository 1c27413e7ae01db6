CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"max_event_id" bigint NOT NULL,
	"events" bigint NOT NULL,
	"key_id" text NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_installation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "key_id" text;--> statement-breakpoint
-- This database's identity, signed into every checkpoint (lib/audit/checkpoint.ts).
INSERT INTO "audit_installation" DEFAULT VALUES;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Least privilege. Migrations run as the owner (MIGRATION_DATABASE_URL); the running app connects
-- as a login role IN ROLE portroster_app. Roles are cluster-wide, so creating it is idempotent and
-- tolerates a parallel migration of another database creating it at the same moment.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portroster_app') THEN
    CREATE ROLE portroster_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
-- Nobody but the owner creates objects here (a function or table the app owned could shadow ours).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portroster_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portroster_app;
--> statement-breakpoint
-- nextval only: UPDATE on a sequence would allow setval, i.e. reusing or skipping event ids.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portroster_app;
--> statement-breakpoint
-- Tables and sequences that later migrations (run by the same owner) create get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portroster_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portroster_app;
--> statement-breakpoint
-- The audit trail and its checkpoints: read and append, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_events, audit_checkpoints FROM portroster_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_installation FROM portroster_app;
--> statement-breakpoint
-- The app counts applied migrations at start (db/migrate.ts pendingMigrations).
GRANT USAGE ON SCHEMA drizzle TO portroster_app;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO portroster_app;
