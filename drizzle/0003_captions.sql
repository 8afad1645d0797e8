CREATE TABLE "caption_segments" (
	"meeting_id" text NOT NULL,
	"seq" integer NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint NOT NULL,
	"offset_ms" bigint NOT NULL,
	"item_id" text,
	"speaker_id" text,
	"speaker_name" text,
	"text" text NOT NULL,
	"language" text,
	CONSTRAINT "caption_segments_meeting_id_seq_pk" PRIMARY KEY("meeting_id","seq")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "caption_token" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "caption_last_seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "caption_segments" ADD CONSTRAINT "caption_segments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_caption_token_unique" UNIQUE("caption_token");