import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * A table's row from its `row_to_json`: keyed by the columns' SQL names, each value mapped as
 * Drizzle maps the column's value when it reads the row itself. For statements that bring several
 * tables' rows in one round trip (a billing state, a session and its user).
 */
export function rowOf<T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
