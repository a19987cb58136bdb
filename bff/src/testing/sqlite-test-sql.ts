import Database from 'better-sqlite3';
import { type OpenedTestSql, type SqlValue, type TestSql, testSql } from './test-sql';

/** SQLite binds no booleans: it keeps them as 1 and 0. */
const bindable = (params: readonly SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p));

/**
 * The tests' SQL over a better-sqlite3 connection: the store's own (`storeConnection`: its count
 * of changes is every write the BFF makes), or one a test opened on the file.
 */
export function sqliteTestSql(
  client: Database.Database,
  options: Readonly<{ storeConnection?: boolean }> = {},
): TestSql {
  return testSql({
    all: async (sql, params) => client.prepare(sql).all(...bindable(params)) as Record<string, unknown>[],
    run: async (sql, params) => client.prepare(sql).run(...bindable(params)).changes,
    tables: async () =>
      client
        .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
        .all()
        .map((row) => (row as { name: string }).name),
    integrityProblems: async () => {
      const found = client.pragma('integrity_check', { simple: true });
      return found === 'ok' ? [] : [`integrity_check: ${found}`];
    },
    ...(options.storeConnection
      ? { writeMark: async () => String((client.prepare('select total_changes() as n').get() as { n: number }).n) }
      : {}),
    processEnv: { DATABASE_FILE: client.name },
  });
}

/** Opens the SQLite file a test was given (a child BFF's), read-only unless it means to write. */
export function openSqliteTestSql(file: string, options: Readonly<{ readonly?: boolean }> = {}): OpenedTestSql {
  const client = new Database(file, { readonly: options.readonly ?? false, timeout: 5000 });
  return {
    ...sqliteTestSql(client),
    close: async () => {
      client.close();
    },
  };
}
