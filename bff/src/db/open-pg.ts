import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { BFF_DIR } from '../paths';
import * as schema from './pg-schema';

/** A DATABASE_URL names PostgreSQL; anything else a database is named by is a SQLite file. */
export const isPostgresUrl = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** PostgreSQL's migrations (drizzle.pg.config.ts writes them; `npm run db:migrate` applies them). */
export const PG_MIGRATIONS = join(BFF_DIR, 'drizzle-pg');

/**
 * Where drizzle-orm's migrator records what it applied (its defaults); a scenario's schema
 * (docs/decisions/020) records its own in itself.
 */
export const migrationsTable = (schema?: string) =>
  schema ? `${quoteIdentifier(schema)}."__drizzle_migrations"` : '"drizzle"."__drizzle_migrations"';

export const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * node-postgres reads `bigint` and `numeric` as strings, since they may exceed a JS number. Ours
 * are money and epoch seconds, far below 2^53, and SQLite hands them over as numbers: read them so
 * too (columns, `count(*)`, `sum(...)`), and fail loudly rather than round one that is not.
 */
function safeNumber(text: string): number {
  const value = Number(text);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`${text} is beyond JavaScript's safe integers`);
  }
  return value;
}
// Set on pg's shared parsers, which Drizzle's queries fall back to for these types as well.
pg.types.setTypeParser(pg.types.builtins.INT8, safeNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, safeNumber);

export interface PgOptions {
  /** Connections in the pool (node-postgres's default is 10). */
  max?: number;
  /** Shown in pg_stat_activity, to tell instances apart. */
  applicationName?: string;
  /** The schema the tables are in (a scenario's world's), as every connection's search_path; else the default. */
  schema?: string;
}

/**
 * A pool of connections to PostgreSQL, with the PostgreSQL schema. Every transaction runs at
 * READ COMMITTED (whatever the server's default): the store's rules (row claims, counters taken
 * with a row lock, version checks) are written for it (docs/decisions on PostgreSQL).
 * Opening does not migrate: see `assertMigrated`.
 */
export function openPostgres(url: string, options: PgOptions = {}): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'planshift-bff',
    options: [
      '-c default_transaction_isolation=read\\ committed',
      ...(options.schema ? [`-c search_path=${searchPath(options.schema)}`] : []),
    ].join(' '),
  });
  // An idle connection the server drops (restart, failover) would otherwise crash the process.
  pool.on('error', () => undefined);
  return drizzle({ client: pool, schema });
}

/** A schema name as a connection option's value: plain names only (ours are scn_<id>). */
function searchPath(schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
  return schema;
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The migrations this code knows, oldest first, as drizzle-kit's journal lists them. */
async function knownMigrations(): Promise<JournalEntry[]> {
  const journal = JSON.parse(await readFile(`${PG_MIGRATIONS}/meta/_journal.json`, 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

type Queryable = Pick<pg.Pool | pg.PoolClient | pg.Client, 'query'>;

/**
 * The migrations not yet applied to the database, by tag. drizzle-orm's migrator applies every
 * migration newer than the newest it recorded: this answers the same.
 */
export async function pendingMigrations(client: Queryable, schema?: string): Promise<string[]> {
  const exists = await client.query<{ table: string | null }>(`select to_regclass($1)::text as "table"`, [
    migrationsTable(schema),
  ]);
  let newest = -1;
  if (exists.rows[0]?.table) {
    const recorded = await client.query<{ newest: number | null }>(
      `select max(created_at) as newest from ${migrationsTable(schema)}`,
    );
    newest = recorded.rows[0]?.newest ?? -1;
  }
  return (await knownMigrations()).filter((m) => m.when > newest).map((m) => m.tag);
}

/**
 * For an instance that must not migrate the database itself: refuses to go on when the database
 * is behind this code, naming the command that brings it up to date.
 */
export async function assertMigrated(db: PgDb, schema?: string): Promise<void> {
  const pending = await pendingMigrations(db.$client, schema);
  if (pending.length) {
    throw new Error(
      `The PostgreSQL database lacks ${pending.length} migration(s) (${pending.join(', ')}): ` +
        'run `npm run db:migrate` with the same DATABASE_URL, then start again.',
    );
  }
}
