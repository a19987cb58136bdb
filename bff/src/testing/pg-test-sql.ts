import pg from 'pg';
// Installs the parsers that read int8 and numeric as numbers, as the store reads them.
import '../db/open-pg';
import { type OpenedTestSql, type Row, type SqlValue, type TestSql, testSql } from './test-sql';

/** TestSql's portable `?` placeholders as PostgreSQL's `$1…` (TestSql allows no `?` inside literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** node-postgres binds numbers, strings, booleans, bytes and null as they are; bigints as their text. */
const bindable = (params: readonly SqlValue[]) => params.map((p) => (typeof p === 'bigint' ? p.toString() : p));

type Queryable = Pick<pg.Pool | pg.Client, 'query'>;

const JSON_TYPES = new Set<number>([pg.types.builtins.JSON, pg.types.builtins.JSONB]);

/**
 * JSON columns as their text, as SQLite keeps them (the tests parse what they read); every other
 * type as the store reads it (int8 and numeric as numbers: open-pg.ts).
 */
const testTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    JSON_TYPES.has(oid) && format !== 'binary'
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const query = (sql: string, params: readonly SqlValue[]) => ({
  text: numberedPlaceholders(sql),
  values: bindable(params),
  types: testTypes,
});

/**
 * The tests' SQL over PostgreSQL: the store's own pool, or a client a test opened. Its tables are
 * those of the connection's current schema (a scenario's world has a schema of its own). There
 * is no count of changes PostgreSQL keeps per database and reads at once (its statistics lag,
 * its WAL position moves with every database of the cluster; its transaction ids move with a
 * row lock too), so the write mark is a fingerprint the server computes: every table's rows, as
 * text in sorted order, digested in one statement, instead of every row sent here (a bad-input
 * sweep reads it around each of thousands of requests). `url` is what a child process is given
 * to open the same database.
 */
export function pgTestSql(client: Queryable, url: string): TestSql {
  const tables = async () =>
    (
      await client.query<{ name: string }>(
        'select tablename as name from pg_tables where schemaname = current_schema() order by tablename',
      )
    ).rows.map((row) => row.name);
  return testSql({
    all: async (sql, params) => (await client.query<Row>(query(sql, params))).rows,
    run: async (sql, params) => (await client.query(query(sql, params))).rowCount ?? 0,
    tables,
    integrityProblems: () => integrityProblems(client),
    writeMark: async () => {
      const digests = (await tables()).map(
        (table) => `(select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) from "${table}" r)`,
      );
      const { rows } = await client.query<{ mark: string }>(`select concat_ws(':', ${digests.join(', ')}) as mark`);
      return rows[0]?.mark ?? '';
    },
    processEnv: { DATABASE_URL: url },
  });
}

/**
 * What SQLite's integrity_check covers, on PostgreSQL: every table's pages read as sound
 * (amcheck's verify_heapam), every b-tree index well formed and holding every row of its table
 * (bt_index_check with heapallindexed); and, since PostgreSQL can hold a constraint it has not
 * checked (NOT VALID), that none is. Foreign keys and checks are otherwise enforced as rows are
 * written.
 */
async function integrityProblems(client: Queryable): Promise<string[]> {
  // amcheck ships with the server (contrib); the tests' cluster lets them create it.
  await client.query('create extension if not exists amcheck');
  const problems: string[] = [];
  const tables = await client.query<{ name: string }>(
    `select c.oid::regclass::text as name from pg_class c
     where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' order by 1`,
  );
  for (const { name } of tables.rows) {
    const corrupt = await client.query<{ msg: string; blkno: number }>(
      'select blkno, msg from verify_heapam($1::regclass)',
      [name],
    );
    for (const row of corrupt.rows) problems.push(`${name} page ${row.blkno}: ${row.msg}`);
  }
  const indexes = await client.query<{ name: string }>(
    `select c.oid::regclass::text as name from pg_class c join pg_am a on a.oid = c.relam
     where c.relnamespace = current_schema()::regnamespace and c.relkind = 'i' and a.amname = 'btree' order by 1`,
  );
  for (const { name } of indexes.rows) {
    try {
      await client.query('select bt_index_check($1::regclass, true)', [name]);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  const unchecked = await client.query<{ name: string; table: string }>(
    `select conname as name, conrelid::regclass::text as "table" from pg_constraint
     where connamespace = current_schema()::regnamespace and not convalidated order by 1`,
  );
  for (const row of unchecked.rows) problems.push(`${row.table}: constraint ${row.name} is not validated`);
  return problems;
}

/**
 * Opens a PostgreSQL database a test was given (a child BFF's): one connection, closed by the
 * test, read-only unless the test means to write.
 */
export async function openPgTestSql(
  url: string,
  options: Readonly<{ readonly?: boolean }> = {},
): Promise<OpenedTestSql> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'planshift-test-sql',
    ...(options.readonly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  await client.connect();
  return {
    ...pgTestSql(client, url),
    close: async () => {
      await client.end();
    },
  };
}
