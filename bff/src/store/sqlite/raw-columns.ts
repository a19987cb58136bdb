import { getTableColumns, type Table } from 'drizzle-orm';

/**
 * A table's columns as a select list under `alias`, and its raw row (an array, those columns in
 * that order, from `offset`) mapped as Drizzle maps the row it reads itself: Drizzle's own
 * mapping of a wide joined row cost more than SQLite's work to find it.
 */
export function rawColumns<T extends Table>(table: T, alias: string) {
  const columns = Object.entries(getTableColumns(table));
  return {
    list: columns.map(([, column]) => `${alias}."${column.name}"`).join(', '),
    width: columns.length,
    /** The row at `offset`, or null when its first column (the key) is null: a left join that found nothing. */
    row(values: readonly unknown[], offset: number): T['$inferSelect'] | null {
      if (values[offset] === null) return null;
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const [key, column] = columns[i] as (typeof columns)[number];
        const value = values[offset + i];
        row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
      }
      return row as T['$inferSelect'];
    },
  };
}
