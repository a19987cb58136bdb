-- Issued documents are never updated or deleted: corrections are new documents (as SQLite's
-- bff/drizzle/0004_documents_immutable_renewals_collections.sql). Only a QA reset, inside its own
-- transaction, holds a reset_guard row that lets it empty the tables; another transaction never
-- sees that uncommitted row. TRUNCATE skips row triggers, so it is held to the same rule.
-- The errors are integrity constraint violations (SQLSTATE 23000), as SQLite's RAISE(ABORT) is a
-- constraint error, with SQLite's messages.
CREATE FUNCTION "issued_documents_never_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'issued documents are immutable' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "issued_documents_never_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "reset_guard") THEN
    RAISE EXCEPTION 'issued documents are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_LEVEL = 'ROW' THEN
    RETURN OLD;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "documents_never_updated" BEFORE UPDATE ON "documents"
FOR EACH ROW EXECUTE FUNCTION "issued_documents_never_updated"();
--> statement-breakpoint
CREATE TRIGGER "documents_never_deleted" BEFORE DELETE ON "documents"
FOR EACH ROW EXECUTE FUNCTION "issued_documents_never_deleted"();
--> statement-breakpoint
CREATE TRIGGER "documents_never_truncated" BEFORE TRUNCATE ON "documents"
FOR EACH STATEMENT EXECUTE FUNCTION "issued_documents_never_deleted"();
--> statement-breakpoint
CREATE TRIGGER "document_lines_never_updated" BEFORE UPDATE ON "document_lines"
FOR EACH ROW EXECUTE FUNCTION "issued_documents_never_updated"();
--> statement-breakpoint
CREATE TRIGGER "document_lines_never_deleted" BEFORE DELETE ON "document_lines"
FOR EACH ROW EXECUTE FUNCTION "issued_documents_never_deleted"();
--> statement-breakpoint
CREATE TRIGGER "document_lines_never_truncated" BEFORE TRUNCATE ON "document_lines"
FOR EACH STATEMENT EXECUTE FUNCTION "issued_documents_never_deleted"();
