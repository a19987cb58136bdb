ALTER TABLE "orders" DROP CONSTRAINT "orders_quote_id_quotes_id_fk";--> statement-breakpoint
DROP TABLE "quotes";
