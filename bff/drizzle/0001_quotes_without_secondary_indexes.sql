DROP INDEX `quotes_account`;--> statement-breakpoint
DROP INDEX `quotes_expiry`;