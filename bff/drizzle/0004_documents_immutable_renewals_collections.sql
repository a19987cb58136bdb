CREATE TABLE `collections` (
	`invoice_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`next_attempt_at` integer,
	`last_decline` text,
	`paid_at` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `collections_due` ON `collections` (`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reset_guard` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- 0 until the first renewal run computes it: due at once, and put right without a renewal if not.
ALTER TABLE `subscriptions` ADD `current_period_end` integer NOT NULL DEFAULT 0;--> statement-breakpoint
CREATE INDEX `subscriptions_renewal_due` ON `subscriptions` (`current_period_end`,`id`);--> statement-breakpoint
-- Issued documents are never updated or deleted: corrections are new documents. Only a QA reset,
-- inside its own transaction, holds a reset_guard row that lets it empty the tables.
CREATE TRIGGER `documents_never_updated` BEFORE UPDATE ON `documents`
BEGIN SELECT RAISE(ABORT, 'issued documents are immutable'); END;--> statement-breakpoint
CREATE TRIGGER `documents_never_deleted` BEFORE DELETE ON `documents`
WHEN NOT EXISTS (SELECT 1 FROM `reset_guard`)
BEGIN SELECT RAISE(ABORT, 'issued documents are never deleted'); END;--> statement-breakpoint
CREATE TRIGGER `document_lines_never_updated` BEFORE UPDATE ON `document_lines`
BEGIN SELECT RAISE(ABORT, 'issued documents are immutable'); END;--> statement-breakpoint
CREATE TRIGGER `document_lines_never_deleted` BEFORE DELETE ON `document_lines`
WHEN NOT EXISTS (SELECT 1 FROM `reset_guard`)
BEGIN SELECT RAISE(ABORT, 'issued documents are never deleted'); END;
