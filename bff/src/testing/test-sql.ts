import { createHash } from 'node:crypto';

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array;

export type Row = Record<string, unknown>;

/**
 * What the tests read and write in the database behind the BFF, the same on every dialect the
 * store runs on, so that one suite checks them all (issue 17). Statements are portable SQL with
 * `?` placeholders (an implementation that needs `$1…` rewrites them; so no `?` inside literals);
 * anything only one database can say is a named method here, never SQL in a test. Integers and
 * sums come back as numbers (a PostgreSQL implementation parses int8 and numeric), booleans as
 * whatever the database keeps them as (compare them with Boolean()); counts are best read with
 * `count`.
 */
export interface TestSql {
  /** The first row, or undefined when there is none. */
  one<T extends object = Row>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  all<T extends object = Row>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  /** The first column of the first row, or undefined when there is no row. */
  value<T = unknown>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  /** The first column of the first row as a number, whatever type the database gives a `count(*)` (a bigint on PostgreSQL). */
  count(sql: string, ...params: SqlValue[]): Promise<number>;
  /** Runs a write; answers how many rows it changed. */
  run(sql: string, ...params: SqlValue[]): Promise<number>;
  /** The application's tables (not the database's own), by name. */
  tables(): Promise<string[]>;
  /** Every row of every table, in no particular order. */
  dump(): Promise<Record<string, Row[]>>;
  /**
   * A digest of each table's rows, in any order: equal before and after means nothing was
   * written (or only what was written back as it was).
   */
  fingerprint(): Promise<Record<string, string>>;
  /**
   * A mark that moves with every write the BFF makes, even one rolled back, for a check after each
   * of many requests: the database's own count of changes where it keeps one (SQLite's
   * total_changes() on the store's connection), else the fingerprint (slower, and blind to a
   * write undone or written back as it was).
   */
  writeMark(): Promise<string>;
  /** What the database's own consistency check finds wrong with its files: empty when sound. */
  integrityProblems(): Promise<string[]>;
  /** The environment a child process (the operator's commands) needs to open this same database. */
  readonly processEnv: Readonly<Record<string, string>>;
}

/** A connection the test opened itself, to close when done. */
export interface OpenedTestSql extends TestSql {
  close(): Promise<void>;
}

/** What a dialect provides; the rest of TestSql is built on it the same way for all (`testSql`). */
export type SqlDialect = Readonly<{
  all: (sql: string, params: readonly SqlValue[]) => Promise<Row[]>;
  run: (sql: string, params: readonly SqlValue[]) => Promise<number>;
  /** The application's tables, quoted names unneeded (they are plain identifiers). */
  tables: () => Promise<string[]>;
  integrityProblems: () => Promise<string[]>;
  /** The database's own count of changes (TestSql.writeMark), if it keeps one for this connection. */
  writeMark?: () => Promise<string>;
  processEnv: Readonly<Record<string, string>>;
}>;

export function testSql(dialect: SqlDialect): TestSql {
  const all = <T extends object>(sql: string, ...params: SqlValue[]): Promise<T[]> =>
    dialect.all(sql, params) as Promise<T[]>;
  const one = async <T extends object>(sql: string, ...params: SqlValue[]): Promise<T | undefined> =>
    (await all<T>(sql, ...params))[0];
  const value = async <T>(sql: string, ...params: SqlValue[]): Promise<T | undefined> => {
    const row = await one<Row>(sql, ...params);
    return row === undefined ? undefined : (Object.values(row)[0] as T);
  };
  const dump = async () => {
    const tables: Record<string, Row[]> = {};
    for (const table of (await dialect.tables()).sort()) tables[table] = await all<Row>(`select * from "${table}"`);
    return tables;
  };
  const fingerprint = async () => {
    const digests: Record<string, string> = {};
    for (const [table, rows] of Object.entries(await dump())) {
      // Rows sorted by their text: the same rows in another physical order are the same table.
      const text = rows.map(rowText).sort();
      digests[table] = createHash('sha256').update(JSON.stringify(text)).digest('hex');
    }
    return digests;
  };
  return {
    one,
    all,
    value,
    count: async (sql, ...params) => Number(await value(sql, ...params)),
    run: (sql, ...params) => dialect.run(sql, params),
    tables: dialect.tables,
    dump,
    fingerprint,
    writeMark: dialect.writeMark ?? (async () => JSON.stringify(await fingerprint())),
    integrityProblems: dialect.integrityProblems,
    processEnv: dialect.processEnv,
  };
}

/**
 * A row as text that tells every cell apart (in its table's column order): bytes by their digest
 * (a stored PDF would otherwise cost more to write out than the rest of the database), bigints
 * marked as such.
 */
function rowText(row: Row): string {
  return JSON.stringify(
    Object.values(row).map((cell) =>
      cell instanceof Uint8Array
        ? `bytes:${createHash('sha256').update(cell).digest('base64')}`
        : typeof cell === 'bigint'
          ? `bigint:${cell}`
          : cell,
    ),
  );
}
