CREATE TABLE `document_pdfs` (
	`document_id` text PRIMARY KEY NOT NULL,
	`pdf` blob NOT NULL,
	`rendered_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`blocked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `subscription_claims` (
	`subscription_id` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`owner` text NOT NULL,
	`expires_at` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `orders` ADD `refund_id` text;--> statement-breakpoint
CREATE INDEX `orders_idempotency_key` ON `orders` (`account_id`,`idempotency_key`);