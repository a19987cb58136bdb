CREATE TABLE `sales_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`user_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`plan_name` text NOT NULL,
	`current_plan_name` text NOT NULL,
	`current_seats` integer NOT NULL,
	`seats` integer NOT NULL,
	`message` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`sent_to` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_requests_account` ON `sales_requests` (`account_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `billing_name` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `tax_id` text;