CREATE TABLE "caption_ingest_seqs" (
	"meeting_id" text NOT NULL,
	"channel" text NOT NULL,
	"last_seq" bigint NOT NULL,
	CONSTRAINT "caption_ingest_seqs_meeting_id_channel_pk" PRIMARY KEY("meeting_id","channel")
);
--> statement-breakpoint
ALTER TABLE "caption_segments" ADD COLUMN "channel" text DEFAULT 'floor' NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "caption_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "room_caption_channels" text[] DEFAULT '{floor}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "caption_channel" text DEFAULT 'floor' NOT NULL;--> statement-breakpoint
ALTER TABLE "caption_ingest_seqs" ADD CONSTRAINT "caption_ingest_seqs_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caption_segments_channel_idx" ON "caption_segments" USING btree ("meeting_id","channel","seq");