-- Quotes keep what was shown (due now) instead of the whole quote; existing rows keep theirs.
-- SQLite adds a NOT NULL column only with a default, so the default is there for the backfill.
ALTER TABLE `quotes` ADD `due_now` integer NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE `quotes` ADD `currency` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `quotes` SET `due_now` = json_extract(`quote`, '$.dueNow.amount'), `currency` = json_extract(`quote`, '$.currency');--> statement-breakpoint
ALTER TABLE `quotes` DROP COLUMN `quote`;
