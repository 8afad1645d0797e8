ALTER TABLE "meetings" ADD COLUMN "room_code" text;--> statement-breakpoint
ALTER TABLE "roster_entries" ADD COLUMN "personal_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "roster_meeting_code_unique" ON "roster_entries" USING btree ("meeting_id","personal_code");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_room_code_unique" UNIQUE("room_code");