CREATE TABLE `subscription_cancellations` (
	`id` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`effective_at` integer NOT NULL,
	`reason` text,
	`comment` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_user_id` text,
	`ended_at` integer,
	`ended_by_user_id` text,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_cancellations_one_pending` ON `subscription_cancellations` (`subscription_id`) WHERE "subscription_cancellations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `subscription_cancellations_subscription` ON `subscription_cancellations` (`subscription_id`,`status`);