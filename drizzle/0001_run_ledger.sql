CREATE TABLE "canonical_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"input_generation" bigint DEFAULT 0 NOT NULL,
	"built_generation" bigint,
	"built_options_hash" text,
	"built_at" timestamp with time zone,
	"records_rejected" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "canonical_state_single_row" CHECK ("canonical_state"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "gone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "pid" integer;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "hostname" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_outcome_known" CHECK ("run_events"."outcome" in ('fetched', 'unchanged', 'not-modified', 'gone', 'skipped', 'skipped-by-robots', 'failed'));