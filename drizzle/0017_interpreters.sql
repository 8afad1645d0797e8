CREATE TABLE "prepared_statements" (
	"meeting_id" text NOT NULL,
	"target_id" text NOT NULL,
	"owner_id" text,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prepared_statements_meeting_id_target_id_pk" PRIMARY KEY("meeting_id","target_id")
);
--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "channel" text;--> statement-breakpoint
ALTER TABLE "prepared_statements" ADD CONSTRAINT "prepared_statements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;