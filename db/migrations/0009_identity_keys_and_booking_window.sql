ALTER TABLE "appointments" ALTER COLUMN "search_key" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "ports" ADD COLUMN "booking_window_days" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "document_key" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "identity_key_version" smallint;--> statement-breakpoint
ALTER TABLE "appointment_flags" ADD COLUMN "match_reasons" text[];--> statement-breakpoint
CREATE INDEX "appointments_document_key_idx" ON "appointments" USING btree ("document_key","service_date") WHERE "appointments"."document_key" is not null;--> statement-breakpoint
CREATE INDEX "appointments_identity_version_idx" ON "appointments" USING btree ("identity_key_version");--> statement-breakpoint
ALTER TABLE "ports" ADD CONSTRAINT "ports_booking_window_range" CHECK ("ports"."booking_window_days" between 1 and 366);