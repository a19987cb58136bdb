CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`catalog_id` text NOT NULL,
	`currency` text NOT NULL,
	`locale` text NOT NULL,
	`billing_email` text NOT NULL,
	`billing_address` text NOT NULL,
	`payment_method` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `add_ons` (
	`catalog_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`compatible_plan_ids` text NOT NULL,
	`min_quantity` integer NOT NULL,
	`max_quantity` integer NOT NULL,
	`limits` text NOT NULL,
	`limit_increments` text NOT NULL,
	`features` text NOT NULL,
	`needs_manual_provisioning` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`catalog_id`, `id`),
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`data` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_account` ON `audit_events` (`account_id`,`at`);--> statement-breakpoint
CREATE TABLE `catalogs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` text NOT NULL,
	`policies` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `confirmed_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`applied_now` text NOT NULL,
	`scheduled_change_id` text,
	`provisioning` text NOT NULL,
	`confirmed_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scheduled_change_id`) REFERENCES `scheduled_changes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confirmed_changes_order_id_unique` ON `confirmed_changes` (`order_id`);--> statement-breakpoint
CREATE INDEX `confirmed_changes_provisioning` ON `confirmed_changes` (`subscription_id`,`provisioning`);--> statement-breakpoint
CREATE TABLE `credit_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`reason` text NOT NULL,
	`document_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_ledger_account` ON `credit_ledger` (`account_id`);--> statement-breakpoint
CREATE TABLE `document_lines` (
	`document_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`item_type` text NOT NULL,
	`item_id` text NOT NULL,
	`price_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_amount` integer NOT NULL,
	`covers_start` integer NOT NULL,
	`covers_end` integer NOT NULL,
	`period_start` integer NOT NULL,
	`period_end` integer NOT NULL,
	`fraction_unit` text NOT NULL,
	`fraction_numerator` integer NOT NULL,
	`fraction_denominator` integer NOT NULL,
	`amount` integer NOT NULL,
	`capped` integer NOT NULL,
	PRIMARY KEY(`document_id`, `position`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `document_sequences` (
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`series`, `year`)
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`series` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`number` text NOT NULL,
	`currency` text NOT NULL,
	`total` integer NOT NULL,
	`credit_note_applied` integer NOT NULL,
	`credit_balance_applied` integer NOT NULL,
	`forfeited` integer NOT NULL,
	`amount_due` integer NOT NULL,
	`related_document_id` text,
	`order_id` text,
	`seller` text NOT NULL,
	`customer` text NOT NULL,
	`locale` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number` ON `documents` (`series`,`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `documents_account` ON `documents` (`account_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `documents_subscription` ON `documents` (`subscription_id`,`kind`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`account_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`order_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`account_id`, `key`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_expiry` ON `idempotency_keys` (`expires_at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`quote_id` text NOT NULL,
	`user_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`payment_attempt_id` text NOT NULL,
	`subscription_version` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`failure` text,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_attempt` ON `orders` (`payment_attempt_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_one_pending_per_subscription` ON `orders` (`subscription_id`) WHERE "orders"."status" = 'pending';--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`sent_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`order_id` text,
	`invoice_id` text,
	`payment_attempt_id` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`charge_id` text,
	`decline_code` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invoice_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_attempt` ON `payments` (`payment_attempt_id`);--> statement-breakpoint
CREATE INDEX `payments_invoice` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `plan_groups` (
	`catalog_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`catalog_id`, `id`),
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`catalog_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`group_id` text,
	`rank` integer NOT NULL,
	`pricing` text NOT NULL,
	`min_quantity` integer NOT NULL,
	`max_quantity` integer NOT NULL,
	`sales_only` integer NOT NULL,
	`self_service_changeable` integer NOT NULL,
	`needs_manual_provisioning` integer NOT NULL,
	`limits` text NOT NULL,
	`features` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`catalog_id`, `id`),
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `prices` (
	`catalog_id` text NOT NULL,
	`id` text NOT NULL,
	`product_type` text NOT NULL,
	`product_id` text NOT NULL,
	`interval_unit` text NOT NULL,
	`interval_count` integer NOT NULL,
	`currency` text NOT NULL,
	`unit_amount` integer NOT NULL,
	PRIMARY KEY(`catalog_id`, `id`),
	FOREIGN KEY (`catalog_id`) REFERENCES `catalogs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "prices_unit_amount_non_negative" CHECK("prices"."unit_amount" >= 0)
);
--> statement-breakpoint
CREATE INDEX `prices_product` ON `prices` (`catalog_id`,`product_type`,`product_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`request` text NOT NULL,
	`quote` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quotes_account` ON `quotes` (`account_id`);--> statement-breakpoint
CREATE INDEX `quotes_expiry` ON `quotes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `scheduled_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`subscription_id` text NOT NULL,
	`effective_at` integer NOT NULL,
	`target` text NOT NULL,
	`changes` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_user_id` text,
	`ended_at` integer,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_changes_one_pending` ON `scheduled_changes` (`subscription_id`) WHERE "scheduled_changes"."status" = 'pending';--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`account_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `subscription_items` (
	`subscription_id` text NOT NULL,
	`kind` text NOT NULL,
	`product_id` text NOT NULL,
	`price_id` text NOT NULL,
	`unit_amount` integer NOT NULL,
	`quantity` integer NOT NULL,
	`billed_in_period` integer NOT NULL,
	`credited_in_period` integer NOT NULL,
	PRIMARY KEY(`subscription_id`, `kind`, `product_id`),
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "subscription_items_quantity_positive" CHECK("subscription_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`status` text NOT NULL,
	`interval_unit` text NOT NULL,
	`interval_count` integer NOT NULL,
	`anchor` integer NOT NULL,
	`period_index` integer NOT NULL,
	`signup_at` integer NOT NULL,
	`version` integer NOT NULL,
	`provisioning_change_id` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_account` ON `subscriptions` (`account_id`);--> statement-breakpoint
CREATE TABLE `system` (
	`id` integer PRIMARY KEY NOT NULL,
	`seller` text NOT NULL,
	`frozen_at` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email` ON `users` (`email`);