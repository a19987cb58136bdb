import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PG_MIGRATIONS, pendingMigrations } from './open-pg';

/**
 * The advisory lock every `npm run db:migrate` takes before migrating ("planshift" in ASCII):
 * runs started together from several instances or deploy steps take turns, and each migration is
 * applied once.
 */
export const MIGRATION_LOCK_KEY = 0x706c616e73686966n;

/**
 * Brings the PostgreSQL database up to date, holding the migration lock on one connection for
 * the whole run (the lock is the session's, so the migrator must use that same connection).
 * Answers the migrations it applied, by tag: none when another run got there first.
 */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'planshift-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const pending = await pendingMigrations(client);
    if (pending.length) await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS });
    return pending;
  } finally {
    // Ending the session releases the lock even if unlocking is never reached.
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    await client.end();
  }
}
