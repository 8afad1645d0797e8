CREATE TABLE "caption_destinations" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"next_seq" bigint DEFAULT 1 NOT NULL,
	"last_accepted_seq" bigint DEFAULT 0 NOT NULL,
	"attempted_seq" bigint DEFAULT 0 NOT NULL,
	"last_sent_at" timestamp with time zone,
	"lag_ms" integer,
	"last_error_code" text,
	"last_error_status" integer,
	"last_error_at" timestamp with time zone,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caption_outbox" (
	"destination_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"meeting_id" text NOT NULL,
	"caption_seq" integer NOT NULL,
	"body" text NOT NULL,
	"language" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint,
	CONSTRAINT "caption_outbox_destination_id_seq_pk" PRIMARY KEY("destination_id","seq")
);
--> statement-breakpoint
ALTER TABLE "caption_destinations" ADD CONSTRAINT "caption_destinations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caption_outbox" ADD CONSTRAINT "caption_outbox_destination_id_caption_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."caption_destinations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "caption_destinations_meeting_idx" ON "caption_destinations" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "caption_outbox_pending_idx" ON "caption_outbox" USING btree ("destination_id","seq") WHERE "caption_outbox"."sent_at" is null;