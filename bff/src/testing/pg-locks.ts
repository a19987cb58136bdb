import type { PgDb } from '../db/open-pg';

/**
 * Waits until `count` backends of this database wait on a lock (a row lock, or a table lock):
 * how a test knows a second writer reached a lock the first holds, without guessing a delay.
 */
export async function untilWaitingOnLocks(db: PgDb, count: number): Promise<void> {
  for (;;) {
    const { rows } = await db.$client.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
