ALTER TABLE "roster_entries" ALTER COLUMN "stakeholder_group" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "roster_entries" ALTER COLUMN "region" DROP NOT NULL;