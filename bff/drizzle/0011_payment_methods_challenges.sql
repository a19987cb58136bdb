CREATE TABLE `payment_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`payment_attempt_id` text NOT NULL,
	`order_id` text,
	`invoice_id` text,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`payment_method_token` text NOT NULL,
	`brand` text,
	`last4` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_challenges_attempt` ON `payment_challenges` (`payment_attempt_id`);--> statement-breakpoint
CREATE INDEX `payment_challenges_open` ON `payment_challenges` (`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `payment_challenges_invoice` ON `payment_challenges` (`invoice_id`,`status`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`token` text NOT NULL,
	`brand` text NOT NULL,
	`last4` text NOT NULL,
	`exp_month` integer NOT NULL,
	`exp_year` integer NOT NULL,
	`is_default` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_methods_account` ON `payment_methods` (`account_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_methods_one_default` ON `payment_methods` (`account_id`) WHERE "payment_methods"."is_default" = 1;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_method_token` text;--> statement-breakpoint
-- The card on file moves to payment_methods under the processor's ready-made test token for its
-- number; the full number the old column held goes with the column. Hand-written: keep it when
-- regenerating this migration.
INSERT INTO `payment_methods` (`id`, `account_id`, `token`, `brand`, `last4`, `exp_month`, `exp_year`, `is_default`, `created_at`)
SELECT 'pm-' || `id`, `id`,
  CASE json_extract(`payment_method`, '$.reference')
    WHEN '4242424242424242' THEN 'pm_card_visa'
    WHEN '5555555555554444' THEN 'pm_card_mastercard'
    WHEN '4000000000009995' THEN 'pm_card_chargeDeclinedInsufficientFunds'
    WHEN '4000000000000069' THEN 'pm_card_chargeDeclinedExpiredCard'
    WHEN '4000000000000119' THEN 'pm_card_chargeDeclinedProcessingError'
    WHEN '4000002500003155' THEN 'pm_card_authenticationRequired'
    ELSE 'pm_card_chargeDeclined'
  END,
  json_extract(`payment_method`, '$.brand'), json_extract(`payment_method`, '$.last4'),
  json_extract(`payment_method`, '$.expMonth'), json_extract(`payment_method`, '$.expYear'), 1, `created_at`
FROM `accounts` WHERE `payment_method` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `accounts` DROP COLUMN `payment_method`;