CREATE TYPE "public"."appointment_flag_kind" AS ENUM('multiple_bookings', 'identity_match', 'repeated_reference');--> statement-breakpoint
CREATE TYPE "public"."appointment_flag_status" AS ENUM('open', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TABLE "appointment_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"kind" "appointment_flag_kind" NOT NULL,
	"linked_appointment_ids" uuid[] NOT NULL,
	"status" "appointment_flag_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "appointment_flags_reviewed" CHECK (("appointment_flags"."status" = 'open') = ("appointment_flags"."reviewed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "daily_bookings" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_bookings_port_id_service_date_pk" PRIMARY KEY("port_id","service_date"),
	CONSTRAINT "daily_bookings_non_negative" CHECK ("daily_bookings"."booked" >= 0)
);
--> statement-breakpoint
CREATE TABLE "intake_rate_windows" (
	"key_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"shard" smallint NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "intake_rate_windows_key_id_window_start_shard_pk" PRIMARY KEY("key_id","window_start","shard")
);
--> statement-breakpoint
CREATE TABLE "national_daily_bookings" (
	"service_date" date PRIMARY KEY NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "national_daily_bookings_non_negative" CHECK ("national_daily_bookings"."booked" >= 0)
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "identity_key" text;--> statement-breakpoint
ALTER TABLE "appointment_flags" ADD CONSTRAINT "appointment_flags_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_flags" ADD CONSTRAINT "appointment_flags_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_bookings" ADD CONSTRAINT "daily_bookings_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_rate_windows" ADD CONSTRAINT "intake_rate_windows_key_id_intake_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."intake_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_flags_appointment_kind_unique" ON "appointment_flags" USING btree ("appointment_id","kind");--> statement-breakpoint
CREATE INDEX "appointment_flags_status_idx" ON "appointment_flags" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "intake_rate_windows_start_idx" ON "intake_rate_windows" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_person_date_active_unique" ON "appointments" USING btree ("identity_key","service_date") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_identity_idx" ON "appointments" USING btree ("identity_key","service_date");--> statement-breakpoint
CREATE INDEX "appointments_dob_nationality_idx" ON "appointments" USING btree ("date_of_birth","nationality");--> statement-breakpoint
CREATE INDEX "appointments_document_idx" ON "appointments" USING btree ("document_number") WHERE "appointments"."document_number" is not null;--> statement-breakpoint
CREATE INDEX "appointments_external_ref_idx" ON "appointments" USING btree ("external_ref") WHERE "appointments"."external_ref" is not null;