CREATE TABLE "stats_daily" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"status" "appointment_status" NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_daily_service_date_port_id_status_pk" PRIMARY KEY("service_date","port_id","status")
);
--> statement-breakpoint
CREATE TABLE "stats_daily_outcomes" (
	"port_id" integer NOT NULL,
	"service_date" date NOT NULL,
	"code" varchar(40) NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "stats_daily_outcomes_service_date_port_id_code_pk" PRIMARY KEY("service_date","port_id","code")
);
--> statement-breakpoint
ALTER TABLE "stats_daily" ADD CONSTRAINT "stats_daily_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_daily_outcomes" ADD CONSTRAINT "stats_daily_outcomes_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;