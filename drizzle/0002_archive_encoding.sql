ALTER TABLE "document_bodies" ADD COLUMN "encoding" text DEFAULT 'identity' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "follow_links" jsonb;