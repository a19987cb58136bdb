DROP TABLE `quotes`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`quote_id` text NOT NULL,
	`user_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payment_attempt_id` text NOT NULL,
	`subscription_version` integer NOT NULL,
	`payment_method_token` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`failure` text,
	`refund_id` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_orders`("id", "account_id", "subscription_id", "quote_id", "user_id", "idempotency_key", "payment_attempt_id", "subscription_version", "payment_method_token", "amount", "currency", "status", "failure", "refund_id", "created_at", "completed_at") SELECT "id", "account_id", "subscription_id", "quote_id", "user_id", "idempotency_key", "payment_attempt_id", "subscription_version", "payment_method_token", "amount", "currency", "status", "failure", "refund_id", "created_at", "completed_at" FROM `orders`;--> statement-breakpoint
DROP TABLE `orders`;--> statement-breakpoint
ALTER TABLE `__new_orders` RENAME TO `orders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_attempt` ON `orders` (`payment_attempt_id`);--> statement-breakpoint
CREATE INDEX `orders_idempotency_key` ON `orders` (`account_id`,`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_one_pending_per_subscription` ON `orders` (`subscription_id`) WHERE "orders"."status" = 'pending';