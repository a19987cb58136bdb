import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getTableName, is, Table } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseEnv } from '../env';
import { until } from '../testing/child-bff';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster';
import { MIGRATION_LOCK_KEY, migratePostgres } from './migrate-pg';
import { assertMigrated, openPostgres, PG_MIGRATIONS, pendingMigrations } from './open-pg';
import * as pgSchema from './pg-schema';

const run = promisify(execFile);
const BFF = fileURLToPath(new URL('../..', import.meta.url));

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
});
afterAll(async () => {
  await cluster?.stop();
});

async function journalTags(): Promise<string[]> {
  const journal = JSON.parse(await readFile(`${PG_MIGRATIONS}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

async function query<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL migrations', () => {
  it('apply on an empty database, create every table of the schema, and leave nothing pending', async () => {
    const url = await cluster.createDatabase('empty');
    const db = openPostgres(url);
    try {
      const tags = await journalTags();
      expect(tags.length).toBeGreaterThanOrEqual(2);
      expect(await pendingMigrations(db.$client)).toEqual(tags);
      // An instance that must not migrate refuses to start, naming the command.
      await expect(assertMigrated(db)).rejects.toThrow(/lacks \d+ migration\(s\).*npm run db:migrate/);

      expect(await migratePostgres(url)).toEqual(tags);

      expect(await pendingMigrations(db.$client)).toEqual([]);
      await expect(assertMigrated(db)).resolves.toBeUndefined();
      expect(await migratePostgres(url)).toEqual([]);
      const tables = await query<{ name: string }>(
        url,
        "select table_name as name from information_schema.tables where table_schema = 'public'",
      );
      const declared = Object.values(pgSchema)
        .filter((value) => is(value, Table))
        .map((table) => getTableName(table as Table));
      expect(tables.map((t) => t.name).sort()).toEqual(declared.sort());
      const triggers = await query<{ name: string }>(
        url,
        "select tgname as name from pg_trigger where not tgisinternal and tgrelid::regclass::text in ('documents', 'document_lines')",
      );
      expect(triggers.map((t) => t.name).sort()).toEqual([
        'document_lines_never_deleted',
        'document_lines_never_truncated',
        'document_lines_never_updated',
        'documents_never_deleted',
        'documents_never_truncated',
        'documents_never_updated',
      ]);
    } finally {
      await db.$client.end();
    }
  });

  it('run by three `npm run db:migrate` at once take turns under the lock: each migration is applied once', async () => {
    const url = await cluster.createDatabase('concurrent');
    // Hold the lock until all three wait for it, so that they contend at the same moment.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    const migrations = Array.from({ length: 3 }, () =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
        cwd: BFF,
        env: { ...process.env, DATABASE_URL: url },
      }),
    );
    try {
      await until(
        async () => {
          const waiting = await holder.query<{ n: number }>(
            "select count(*) as n from pg_locks where locktype = 'advisory' and not granted",
          );
          return waiting.rows[0]?.n === 3;
        },
        60_000,
        'three migrations waiting for the lock',
      );
    } finally {
      await holder.end();
    }
    const outputs = (await Promise.all(migrations)).map((r) => r.stdout.trim());
    const tags = await journalTags();
    // One run applied them all; the others waited for its lock and found nothing left to do.
    expect(outputs.filter((o) => o.endsWith(`applied ${tags.join(', ')}`))).toHaveLength(1);
    expect(outputs.filter((o) => o.endsWith('up to date'))).toHaveLength(2);
    const recorded = await query<{ hash: string; created_at: number }>(
      url,
      'select hash, created_at from drizzle.__drizzle_migrations order by id',
    );
    expect(recorded).toHaveLength(tags.length);
    expect(new Set(recorded.map((r) => r.hash)).size).toBe(tags.length);
    expect(await query(url, "select 1 from information_schema.tables where table_name = 'documents'")).toHaveLength(1);
  });

  it('open connections at READ COMMITTED, and read bigint and sums as numbers', async () => {
    const db = openPostgres(cluster.url);
    try {
      const rows = await db.$client.query<{ isolation: string; big: unknown; total: unknown }>(
        `select current_setting('transaction_isolation') as isolation, 2147483648::bigint * 1000 as big,
                sum(x) as total from (values (1::bigint), (2::bigint)) as v(x)`,
      );
      expect(rows.rows[0]).toEqual({ isolation: 'read committed', big: 2_147_483_648_000, total: 3 });
      await expect(db.$client.query('select 9007199254740993::bigint as n')).rejects.toThrow(/safe integers/);
    } finally {
      await db.$client.end();
    }
  });
});

describe('DATABASE_URL', () => {
  it('selects PostgreSQL by a postgres:// or postgresql:// URL, and is optional', () => {
    expect(readDatabaseEnv({ DATABASE_URL: 'postgres://u:p@db.example:5432/planshift' }).DATABASE_URL).toBe(
      'postgres://u:p@db.example:5432/planshift',
    );
    expect(readDatabaseEnv({ DATABASE_URL: 'postgresql://db.example/planshift' }).DATABASE_URL).toBeDefined();
    expect(readDatabaseEnv({}).DATABASE_URL).toBeUndefined();
    expect(() => readDatabaseEnv({ DATABASE_URL: 'mysql://db.example/planshift' })).toThrow(/DATABASE_URL/);
    expect(() => readDatabaseEnv({ DATABASE_URL: 'planshift.sqlite' })).toThrow(/DATABASE_URL/);
  });
});
