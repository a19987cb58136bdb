import type Database from 'better-sqlite3';
import type { ChargeLedger } from './charge-ledger';
import { PgChargeLedger } from './pg-charge-ledger';
import { SqliteChargeLedger } from './sqlite-charge-ledger';

/**
 * The simulated processor's records in the world's own database (docs/decisions/022): its
 * PostgreSQL database (a scenario's schema there) when DATABASE_URL is set, else its SQLite file,
 * through `sqlite`, the BFF's connection to it, when given (docs/decisions/033).
 */
export function worldChargeLedger(
  location: Readonly<{ DATABASE_FILE: string; DATABASE_URL?: string | undefined; DATABASE_SCHEMA?: string }>,
  sqlite: Database.Database | null = null,
): ChargeLedger {
  return location.DATABASE_URL
    ? new PgChargeLedger(location.DATABASE_URL, location.DATABASE_SCHEMA ? { schema: location.DATABASE_SCHEMA } : {})
    : new SqliteChargeLedger(location.DATABASE_FILE, sqlite);
}
