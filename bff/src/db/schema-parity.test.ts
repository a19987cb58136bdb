import { getTableName, is, type SQL, Table } from 'drizzle-orm';
import { PgDialect, type PgTable, getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { SQLiteSyncDialect, type SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pgSchema from './pg-schema';
import * as sqliteSchema from './schema';

// Drizzle has no schema shared across dialects: each database has its own schema file, and this
// test keeps them declaring the same tables, columns, keys, indexes and checks, so a store written
// against one runs on the other. Types are compared by their logical class (what the row holds),
// since the SQL types differ on purpose (see the top of pg-schema.ts).

type TableConfig = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;
type AnyColumn = TableConfig['columns'][number];

/** Each table's row types, by its export name: what a store reads and writes. */
type RowTypes<Schema> = {
  [K in keyof Schema as Schema[K] extends Table ? K : never]: Schema[K] extends {
    $inferSelect: infer Select;
    $inferInsert: infer Insert;
  }
    ? { select: Select; insert: Insert }
    : never;
};

const pgDialect = new PgDialect();
const sqliteDialect = new SQLiteSyncDialect();

/** A condition as SQL text; a flag's `= true` (PostgreSQL) reads as SQLite's `= 1`. */
function conditionText(condition: SQL | undefined, dialect: 'pg' | 'sqlite'): string | null {
  if (!condition) return null;
  const query = dialect === 'pg' ? pgDialect.sqlToQuery(condition) : sqliteDialect.sqlToQuery(condition);
  return query.sql.replaceAll(' = true', ' = 1');
}

/** What a column holds, whichever SQL type holds it: number, string, json, boolean or buffer. */
function logicalType(column: AnyColumn): string {
  if (column.dataType === 'custom') return column.getSQLType() === 'bytea' ? 'buffer' : column.getSQLType();
  return column.dataType;
}

/**
 * SQLite gives an `integer primary key` (the rowid, autoincrement or not) a number when an insert
 * leaves it out; PostgreSQL does so for an identity column.
 */
function generatedByDatabase(column: AnyColumn): boolean {
  if (column.columnType === 'SQLiteInteger') return column.primary && column.hasDefault && column.default === undefined;
  return 'generatedIdentity' in column && column.generatedIdentity !== undefined;
}

function describeTable(config: TableConfig, dialect: 'pg' | 'sqlite') {
  const columnNames = (columns: { name: string }[]) => columns.map((c) => c.name);
  const primaryKey = [
    ...config.columns.filter((c) => c.primary).map((c) => [c.name]),
    ...config.primaryKeys.map((pk) => columnNames(pk.columns)),
  ];
  return {
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        {
          type: logicalType(c),
          enumValues: c.enumValues ?? null,
          notNull: c.notNull,
          // An identity (PostgreSQL) and an autoincrement (SQLite) are both numbers the database gives.
          generated: generatedByDatabase(c),
          default: generatedByDatabase(c) ? null : c.hasDefault ? (c.default ?? 'sql') : null,
          unique: c.isUnique ? (c.uniqueName ?? true) : false,
        },
      ]),
    ),
    primaryKey,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const reference = fk.reference();
        return {
          name: fk.getName(),
          columns: columnNames(reference.columns),
          foreignTable: getTableName(reference.foreignTable),
          foreignColumns: columnNames(reference.foreignColumns),
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints
      .map((u) => ({ name: u.getName(), columns: columnNames(u.columns) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        columns: i.config.columns.map((c) => ('name' in c ? c.name : 'expression')),
        unique: i.config.unique,
        where: conditionText(i.config.where, dialect),
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    checks: config.checks
      .map((c) => ({ name: c.name, condition: conditionText(c.value, dialect) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function tablesOf<T extends Table>(schema: Record<string, unknown>): Map<string, T> {
  const tables = new Map<string, T>();
  for (const value of Object.values(schema)) if (is(value, Table)) tables.set(getTableName(value), value as T);
  return tables;
}

const sqliteTables = tablesOf<SQLiteTable>(sqliteSchema);
const pgTables = tablesOf<PgTable>(pgSchema);

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  it('declares the same tables', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(25);
  });

  it.each([...sqliteTables.keys()].sort())('%s: same columns, keys, uniques, indexes and checks', (name) => {
    const sqliteTable = sqliteTables.get(name);
    const pgTable = pgTables.get(name);
    if (!sqliteTable || !pgTable) throw new Error(`${name} is missing from one of the schemas`);
    expect(describeTable(pgTableConfig(pgTable), 'pg')).toEqual(
      describeTable(sqliteTableConfig(sqliteTable), 'sqlite'),
    );
  });

  it('gives every table the same TypeScript row types, so a store ports mechanically', () => {
    // Checked by the type checker (npm run typecheck), which fails on any difference.
    expectTypeOf<RowTypes<typeof pgSchema>>().toEqualTypeOf<RowTypes<typeof sqliteSchema>>();
  });

  it('keeps the integers that outgrow 32 bits (instants, money) 64-bit on PostgreSQL', () => {
    const narrow = [...pgTables.values()].flatMap((table) =>
      pgTableConfig(table)
        .columns.filter((c) => c.getSQLType() === 'integer' && /(_at|_until|amount|total|_end|_start)$/.test(c.name))
        .map((c) => `${getTableName(table)}.${c.name}`),
    );
    expect(narrow).toEqual([]);
  });
});
