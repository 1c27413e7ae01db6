CREATE TYPE "public"."appointment_status" AS ENUM('scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'es');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('officer', 'supervisor', 'admin');--> statement-breakpoint
CREATE TABLE "ports" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"state" varchar(2) NOT NULL,
	"time_zone" text NOT NULL,
	"code" varchar(4) NOT NULL,
	"grace_minutes" smallint DEFAULT 15 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ports_slug_unique" UNIQUE("slug"),
	CONSTRAINT "ports_code_unique" UNIQUE("code"),
	CONSTRAINT "ports_grace_minutes_range" CHECK ("ports"."grace_minutes" between 0 and 120),
	CONSTRAINT "ports_slug_format" CHECK ("ports"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "ports_code_format" CHECK ("ports"."code" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_active_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_key" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"port_id" integer,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_officer_has_port" CHECK ("users"."role" <> 'officer' or "users"."port_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"confirmation_code" varchar(16) NOT NULL,
	"port_id" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"service_date" date NOT NULL,
	"party_size" smallint DEFAULT 1 NOT NULL,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"nationality" varchar(2) NOT NULL,
	"language" varchar(3) NOT NULL,
	"document_number" text,
	"external_ref" text,
	"status" "appointment_status" DEFAULT 'scheduled' NOT NULL,
	"arrived_at" timestamp with time zone,
	"arrived_by" uuid,
	"members_present" smallint,
	"status_changed_at" timestamp with time zone,
	"status_changed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_confirmationCode_unique" UNIQUE("confirmation_code"),
	CONSTRAINT "appointments_party_size_range" CHECK ("appointments"."party_size" between 1 and 12),
	CONSTRAINT "appointments_members_present_range" CHECK ("appointments"."members_present" is null or ("appointments"."members_present" between 1 and "appointments"."party_size")),
	CONSTRAINT "appointments_arrival_recorded" CHECK (("appointments"."status" in ('checked_in', 'late', 'processed')) = ("appointments"."arrived_at" is not null)),
	CONSTRAINT "appointments_version_positive" CHECK ("appointments"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "outcome_codes" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_es" text NOT NULL,
	"requires_note" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "outcome_codes_code_format" CHECK ("outcome_codes"."code" ~ '^[a-z][a-z0-9_]*$')
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"code" varchar(40) NOT NULL,
	"notes" text,
	"interpreter_language" varchar(3),
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "date_limit_overrides" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"daily_limit" integer NOT NULL,
	CONSTRAINT "date_limit_overrides_port_id_service_date_pk" PRIMARY KEY("port_id","service_date"),
	CONSTRAINT "date_limit_overrides_non_negative" CHECK ("date_limit_overrides"."daily_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "national_cap" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"daily_cap" integer DEFAULT 1000 NOT NULL,
	CONSTRAINT "national_cap_singleton" CHECK ("national_cap"."id" = 1),
	CONSTRAINT "national_cap_non_negative" CHECK ("national_cap"."daily_cap" >= 0)
);
--> statement-breakpoint
CREATE TABLE "weekday_limits" (
	"port_id" integer NOT NULL,
	"iso_weekday" smallint NOT NULL,
	"daily_limit" integer NOT NULL,
	CONSTRAINT "weekday_limits_port_id_iso_weekday_pk" PRIMARY KEY("port_id","iso_weekday"),
	CONSTRAINT "weekday_limits_weekday_range" CHECK ("weekday_limits"."iso_weekday" between 1 and 7),
	CONSTRAINT "weekday_limits_non_negative" CHECK ("weekday_limits"."daily_limit" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"actor_label" text,
	"port_id" integer,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" text,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_records" (
	"scope" text NOT NULL,
	"key" varchar(255) NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_records_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "idempotency_key_length" CHECK (length("idempotency_records"."key") between 1 and 255)
);
--> statement-breakpoint
CREATE TABLE "intake_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" varchar(16) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "intake_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_arrived_by_users_id_fk" FOREIGN KEY ("arrived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_code_outcome_codes_code_fk" FOREIGN KEY ("code") REFERENCES "public"."outcome_codes"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "date_limit_overrides" ADD CONSTRAINT "date_limit_overrides_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekday_limits" ADD CONSTRAINT "weekday_limits_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_keys" ADD CONSTRAINT "intake_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email_key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_port_idx" ON "users" USING btree ("port_id");--> statement-breakpoint
CREATE INDEX "appointments_port_date_time_idx" ON "appointments" USING btree ("port_id","service_date","scheduled_at");--> statement-breakpoint
CREATE INDEX "appointments_date_idx" ON "appointments" USING btree ("service_date");--> statement-breakpoint
CREATE INDEX "outcomes_code_idx" ON "outcomes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "audit_events_port_at_idx" ON "audit_events" USING btree ("port_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_target_idx" ON "audit_events" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "idempotency_records_created_idx" ON "idempotency_records" USING btree ("created_at");