import type { ChargeLedger } from './charge-ledger';
import { PgChargeLedger } from './pg-charge-ledger';
import { SqliteChargeLedger } from './sqlite-charge-ledger';

/**
 * The simulated processor's records in the world's own database (docs/decisions/022): its
 * PostgreSQL database (a scenario's schema there) when DATABASE_URL is set, else its SQLite file.
 */
export function worldChargeLedger(
  location: Readonly<{ DATABASE_FILE: string; DATABASE_URL?: string | undefined; DATABASE_SCHEMA?: string }>,
): ChargeLedger {
  return location.DATABASE_URL
    ? new PgChargeLedger(location.DATABASE_URL, location.DATABASE_SCHEMA ? { schema: location.DATABASE_SCHEMA } : {})
    : new SqliteChargeLedger(location.DATABASE_FILE);
}
