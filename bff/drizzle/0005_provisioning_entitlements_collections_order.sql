DROP INDEX `collections_due`;--> statement-breakpoint
CREATE INDEX `collections_due` ON `collections` (`next_attempt_at`,`invoice_id`);--> statement-breakpoint
ALTER TABLE `confirmed_changes` ADD `active_entitlements` text;--> statement-breakpoint
ALTER TABLE `confirmed_changes` ADD `provisioned_at` integer;