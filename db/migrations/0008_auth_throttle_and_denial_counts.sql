CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "access_denial_counts" (
	"minute" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "access_denial_counts_minute_address_pk" PRIMARY KEY("minute","address")
);
--> statement-breakpoint
ALTER TABLE "intake_rate_windows" DROP CONSTRAINT "intake_rate_windows_key_id_intake_keys_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "sign_in_attempts" ADD COLUMN "address" text;--> statement-breakpoint
CREATE INDEX "auth_throttle_window_idx" ON "auth_throttle" USING btree ("window_start");