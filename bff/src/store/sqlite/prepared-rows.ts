import { and, eq, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/open-database';

type Row<T extends SQLiteTable> = T['$inferSelect'];
type Statement = Readonly<{
  get: (values: Record<string, unknown>) => unknown;
  run: (values: Record<string, unknown>) => unknown;
}>;

/**
 * Drizzle statements built once by their shape (table, and which columns they set or match on),
 * then run with each call's values as placeholders. Drizzle builds a query's SQL anew for every
 * call otherwise, and on the confirm path that cost more than SQLite running the statements (a
 * third of the event loop's time per confirm, docs/decisions/033). Each is a plain `select *`,
 * `insert` or `update` matching columns by equality; values still go through the columns'
 * mappings (JSON, booleans) as with an unprepared Drizzle query. Runs on the one connection, so
 * inside a write transaction too.
 */
export class PreparedRows {
  readonly #statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  /** The first row whose columns equal `where`'s values. */
  find<T extends SQLiteTable>(table: T, where: Partial<Row<T>>): Row<T> | undefined {
    const keys = Object.keys(where);
    const statement = this.#statement(`select ${getTableName(table)} ${keys}`, () =>
      this.db
        .select()
        .from(table as SQLiteTable)
        .where(matching(table, keys))
        .prepare(),
    );
    return statement.get(prefixed('w_', where)) as Row<T> | undefined;
  }

  /** Inserts a row of the columns `values` gives (those it leaves out take their defaults). */
  insert<T extends SQLiteTable>(table: T, values: T['$inferInsert']): void {
    const keys = Object.keys(values).filter((key) => (values as Record<string, unknown>)[key] !== undefined);
    const statement = this.#statement(`insert ${getTableName(table)} ${keys}`, () =>
      this.db
        .insert(table)
        .values(Object.fromEntries(keys.map((key) => [key, sql.placeholder(`v_${key}`)])) as T['$inferInsert'])
        .prepare(),
    );
    statement.run(prefixed('v_', values));
  }

  /** Sets `set`'s columns of the rows whose columns equal `where`'s values; answers how many changed. */
  update<T extends SQLiteTable>(table: T, set: Partial<T['$inferInsert']>, where: Partial<Row<T>>): number {
    const keys = Object.keys(set);
    const whereKeys = Object.keys(where);
    const statement = this.#statement(`update ${getTableName(table)} ${keys} ${whereKeys}`, () =>
      this.db
        .update(table)
        .set(Object.fromEntries(keys.map((key) => [key, sql.placeholder(`s_${key}`)])) as Partial<T['$inferInsert']>)
        .where(matching(table, whereKeys))
        .prepare(),
    );
    const result = statement.run({ ...prefixed('s_', set), ...prefixed('w_', where) }) as { changes: number };
    return result.changes;
  }

  #statement(shape: string, build: () => Statement): Statement {
    let statement = this.#statements.get(shape);
    if (!statement) {
      statement = build();
      this.#statements.set(shape, statement);
    }
    return statement;
  }
}

function matching(table: SQLiteTable, keys: readonly string[]): SQL | undefined {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return and(
    ...keys.map((key) => {
      const column = columns[key];
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      return eq(column, sql.placeholder(`w_${key}`));
    }),
  );
}

function prefixed(prefix: string, values: object): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) named[`${prefix}${key}`] = value;
  return named;
}
