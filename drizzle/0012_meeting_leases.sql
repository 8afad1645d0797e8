CREATE TABLE "meeting_leases" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"term" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_leases" ADD CONSTRAINT "meeting_leases_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;