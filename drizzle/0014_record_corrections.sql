CREATE TABLE "record_circulations" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"circulated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"circulated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_corrections" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"version" integer NOT NULL,
	"paragraph" integer NOT NULL,
	"original" text NOT NULL,
	"text" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"participant_id" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"applied_version" integer
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "approves_meeting_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_approved_in_meeting_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_approved_item_id" text;--> statement-breakpoint
ALTER TABLE "record_circulations" ADD CONSTRAINT "record_circulations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_corrections" ADD CONSTRAINT "record_corrections_participant_id_roster_entries_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."roster_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_corrections_meeting_idx" ON "record_corrections" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_approves_meeting_id_meetings_id_fk" FOREIGN KEY ("approves_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;