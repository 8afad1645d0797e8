CREATE TABLE "caption_read_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "caption_read_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "caption_destinations" ADD COLUMN "channel" text DEFAULT 'floor' NOT NULL;--> statement-breakpoint
ALTER TABLE "caption_read_tokens" ADD CONSTRAINT "caption_read_tokens_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caption_read_tokens_meeting_idx" ON "caption_read_tokens" USING btree ("meeting_id");