-- The ingestion seq of captioning software is kept per channel now (caption_ingest_seqs): copy the floor's across first.
INSERT INTO "caption_ingest_seqs" ("meeting_id", "channel", "last_seq") SELECT "id", 'floor', "caption_last_seq" FROM "meetings" WHERE "caption_last_seq" > 0;--> statement-breakpoint
ALTER TABLE "meetings" DROP COLUMN "caption_last_seq";
