CREATE TABLE `processor_ledger` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`charge_key` text,
	`record` text NOT NULL,
	`recorded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `processor_ledger_charge` ON `processor_ledger` (`charge_key`);