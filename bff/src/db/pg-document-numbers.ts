import type pg from 'pg';

/**
 * The next number of a series in a year, taken inside the caller's transaction: the counter row's
 * lock, held until that transaction ends, makes concurrent writers of the same series and year
 * take turns at READ COMMITTED (each reads the number its predecessor committed), and a rollback
 * returns the number with the row, so the committed numbers have no gap. The same statement as
 * SQLite's (store/sqlite/row-writer.ts), whose database-wide write lock does the same.
 */
export const NEXT_DOCUMENT_NUMBER_SQL = `insert into document_sequences (series, year, last_number) values ($1, $2, 1)
  on conflict (series, year) do update set last_number = document_sequences.last_number + 1
  returning last_number`;

export async function nextDocumentNumber(
  tx: Pick<pg.ClientBase, 'query'>,
  series: string,
  year: number,
): Promise<number> {
  const result = await tx.query<{ last_number: number }>(NEXT_DOCUMENT_NUMBER_SQL, [series, year]);
  const row = result.rows[0];
  if (!row) throw new Error(`no number was taken for ${series} ${year}`);
  return row.last_number;
}
