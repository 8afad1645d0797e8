CREATE TABLE "record_versions" (
	"meeting_id" text NOT NULL,
	"version" integer NOT NULL,
	"source" text NOT NULL,
	"markdown" text NOT NULL,
	"based_on" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "record_versions_meeting_id_version_pk" PRIMARY KEY("meeting_id","version")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_finalised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_finalised_by" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_final_version" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "record_sharing" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "record_versions" ADD CONSTRAINT "record_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;