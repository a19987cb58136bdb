import { eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import * as t from '../../db/schema';
import type { SignInThrottleRecord } from '../store';

export function readSignInThrottles(db: Db, keys: readonly string[]): SignInThrottleRecord[] {
  return db
    .select()
    .from(t.signInThrottle)
    .where(inArray(t.signInThrottle.key, [...keys]))
    .all();
}

/**
 * Read and written in one IMMEDIATE transaction: two processes counting a failure for the same
 * key at once both count, neither overwrites the other's.
 */
export function writeSignInFailure(
  db: Db,
  keys: readonly string[],
  next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
): void {
  db.transaction(
    (tx) => {
      for (const key of keys) {
        const current = tx.select().from(t.signInThrottle).where(eq(t.signInThrottle.key, key)).get() ?? null;
        const { failures, lastFailureAt, blockedUntil } = next(key, current);
        tx.insert(t.signInThrottle)
          .values({ key, failures, lastFailureAt, blockedUntil })
          .onConflictDoUpdate({ target: t.signInThrottle.key, set: { failures, lastFailureAt, blockedUntil } })
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}

export function deleteSignInThrottle(db: Db, key: string): void {
  db.delete(t.signInThrottle).where(eq(t.signInThrottle.key, key)).run();
}

export function purgeSignInThrottles(db: Db, before: number): number {
  return db.delete(t.signInThrottle).where(lt(t.signInThrottle.lastFailureAt, before)).run().changes;
}
