CREATE TABLE "document_bodies" (
	"sha256" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"final_url" text NOT NULL,
	"source" text NOT NULL,
	"http_status" integer NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"etag" text,
	"last_modified" text,
	"fetched_at" timestamp with time zone NOT NULL,
	"last_checked_at" timestamp with time zone NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "documents_url_unique" UNIQUE("url")
);
--> statement-breakpoint
CREATE TABLE "merge_decisions" (
	"left_source_record_id" uuid NOT NULL,
	"right_source_record_id" uuid NOT NULL,
	"score" double precision,
	"features" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision" text NOT NULL,
	"decided_by" text NOT NULL,
	"run_id" uuid,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merge_decisions_left_source_record_id_right_source_record_id_pk" PRIMARY KEY("left_source_record_id","right_source_record_id"),
	CONSTRAINT "merge_decisions_ordered_pair" CHECK ("merge_decisions"."left_source_record_id" < "merge_decisions"."right_source_record_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_aliases" (
	"organisation_id" uuid NOT NULL,
	"alias" text,
	"match_key" text,
	CONSTRAINT "organisation_aliases_key" UNIQUE NULLS NOT DISTINCT("organisation_id","alias","match_key"),
	CONSTRAINT "organisation_aliases_one_kind" CHECK (num_nonnulls("organisation_aliases"."alias", "organisation_aliases"."match_key") = 1)
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" text,
	"website" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_countries" (
	"project_id" uuid NOT NULL,
	"country" text NOT NULL,
	"source_record_ids" uuid[] NOT NULL,
	CONSTRAINT "project_countries_project_id_country_pk" PRIMARY KEY("project_id","country")
);
--> statement-breakpoint
CREATE TABLE "project_outputs" (
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"count" integer,
	"source_record_ids" uuid[] NOT NULL,
	CONSTRAINT "project_outputs_project_id_position_pk" PRIMARY KEY("project_id","position")
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"city" text,
	"country" text,
	"contact_name" text,
	"email" text,
	"website" text,
	"source_record_ids" uuid[] NOT NULL,
	CONSTRAINT "project_partners_project_id_position_pk" PRIMARY KEY("project_id","position")
);
--> statement-breakpoint
CREATE TABLE "project_sources" (
	"project_id" uuid NOT NULL,
	"source_record_id" uuid NOT NULL,
	CONSTRAINT "project_sources_project_id_source_record_id_pk" PRIMARY KEY("project_id","source_record_id")
);
--> statement-breakpoint
CREATE TABLE "project_target_groups" (
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"source_record_ids" uuid[] NOT NULL,
	CONSTRAINT "project_target_groups_project_id_position_pk" PRIMARY KEY("project_id","position")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"acronym" text,
	"summary" text,
	"language" text NOT NULL,
	"start_date" text,
	"end_date" text,
	"status" text,
	"programme" text,
	"identifiers" text[] DEFAULT '{}'::text[] NOT NULL,
	"education_levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"measure_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"lineage" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "run_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "run_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"url" text NOT NULL,
	"source" text,
	"outcome" text NOT NULL,
	"http_status" integer,
	"error_class" text,
	"message" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"bytes" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_url" text NOT NULL,
	"ordinal" integer NOT NULL,
	"record" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_sha256_document_bodies_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."document_bodies"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_left_source_record_id_source_records_id_fk" FOREIGN KEY ("left_source_record_id") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_right_source_record_id_source_records_id_fk" FOREIGN KEY ("right_source_record_id") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_decisions" ADD CONSTRAINT "merge_decisions_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_aliases" ADD CONSTRAINT "organisation_aliases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_countries" ADD CONSTRAINT "project_countries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_outputs" ADD CONSTRAINT "project_outputs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sources" ADD CONSTRAINT "project_sources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sources" ADD CONSTRAINT "project_sources_source_record_id_source_records_id_fk" FOREIGN KEY ("source_record_id") REFERENCES "public"."source_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_target_groups" ADD CONSTRAINT "project_target_groups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_events" ADD CONSTRAINT "run_events_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "documents_source_idx" ON "documents" USING btree ("source");--> statement-breakpoint
CREATE INDEX "merge_decisions_right_idx" ON "merge_decisions" USING btree ("right_source_record_id");--> statement-breakpoint
CREATE INDEX "merge_decisions_decision_idx" ON "merge_decisions" USING btree ("decision");--> statement-breakpoint
CREATE INDEX "organisation_aliases_match_key_idx" ON "organisation_aliases" USING btree ("match_key");--> statement-breakpoint
CREATE INDEX "project_countries_country_idx" ON "project_countries" USING btree ("country");--> statement-breakpoint
CREATE INDEX "project_outputs_type_idx" ON "project_outputs" USING btree ("type");--> statement-breakpoint
CREATE INDEX "project_partners_organisation_idx" ON "project_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_sources_source_record_key" ON "project_sources" USING btree ("source_record_id");--> statement-breakpoint
CREATE INDEX "project_target_groups_code_idx" ON "project_target_groups" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_title_idx" ON "projects" USING btree ("title");--> statement-breakpoint
CREATE INDEX "run_events_run_idx" ON "run_events" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "run_events_url_idx" ON "run_events" USING btree ("url");--> statement-breakpoint
CREATE INDEX "run_events_outcome_idx" ON "run_events" USING btree ("run_id","outcome");--> statement-breakpoint
CREATE INDEX "runs_pipeline_started_idx" ON "runs" USING btree ("pipeline","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "source_records_document_ordinal_key" ON "source_records" USING btree ("document_id","ordinal") WHERE "source_records"."active";--> statement-breakpoint
CREATE INDEX "source_records_document_idx" ON "source_records" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "source_records_active_idx" ON "source_records" USING btree ("active");--> statement-breakpoint
CREATE INDEX "source_records_content_hash_idx" ON "source_records" USING btree ("content_hash");