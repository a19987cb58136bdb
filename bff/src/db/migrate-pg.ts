import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsTable, PG_MIGRATIONS, pendingMigrations, quoteIdentifier } from './open-pg';

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
 * `schema`: the tables go in that schema (a scenario's world, docs/decisions/020), made if
 * missing, which records its own migrations.
 */
export async function migratePostgres(url: string, options: Readonly<{ schema?: string }> = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'planshift-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const pending = await pendingMigrations(client, options.schema);
    if (pending.length === 0) return pending;
    if (options.schema) await migrateSchema(client, options.schema);
    else await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS });
    return pending;
  } finally {
    // Ending the session releases the lock even if unlocking is never reached.
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    await client.end();
  }
}

/**
 * drizzle-orm's migrator, into a schema of its own: drizzle-kit writes foreign keys as
 * `"public"."table"`, which here names the schema instead; everything else unqualified lands in
 * it through the search_path (tables, and the triggers' functions, which find `reset_guard`
 * through the search_path of the connections that use the schema). The same table records
 * what was applied, in one transaction.
 */
async function migrateSchema(client: pg.Client, schema: string): Promise<void> {
  const name = quoteIdentifier(schema);
  const table = migrationsTable(schema);
  await client.query(`create schema if not exists ${name}`);
  await client.query(`set search_path to ${name}`);
  await client.query(
    `create table if not exists ${table} (id serial primary key, hash text not null, created_at bigint)`,
  );
  const newest = Number((await client.query(`select max(created_at) as newest from ${table}`)).rows[0]?.newest ?? -1);
  await client.query('begin');
  try {
    for (const migration of readMigrationFiles({ migrationsFolder: PG_MIGRATIONS })) {
      if (migration.folderMillis <= newest) continue;
      for (const statement of migration.sql) await client.query(statement.replaceAll('"public".', `${name}.`));
      await client.query(`insert into ${table} (hash, created_at) values ($1, $2)`, [
        migration.hash,
        migration.folderMillis,
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
