import { eq, inArray, lt } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { SignInThrottleRecord, SignInThrottleRepository } from '../sign-in-throttle-repository';
import type { SqliteContext } from './sqlite-context';

export class SqliteSignInThrottle implements SignInThrottleRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async find(keys: readonly string[]): Promise<SignInThrottleRecord[]> {
    return this.ctx.db
      .select()
      .from(t.signInThrottle)
      .where(inArray(t.signInThrottle.key, [...keys]))
      .all();
  }

  /**
   * Read and written in one IMMEDIATE transaction: two processes counting a failure for the same
   * key at once both count, neither overwrites the other's.
   */
  async recordFailure(
    keys: readonly string[],
    next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
  ): Promise<void> {
    // Touches no account's billing state.
    this.ctx.write([], (tx) => {
      for (const key of keys) {
        const current = tx.select().from(t.signInThrottle).where(eq(t.signInThrottle.key, key)).get() ?? null;
        const { failures, lastFailureAt, blockedUntil } = next(key, current);
        tx.insert(t.signInThrottle)
          .values({ key, failures, lastFailureAt, blockedUntil })
          .onConflictDoUpdate({ target: t.signInThrottle.key, set: { failures, lastFailureAt, blockedUntil } })
          .run();
      }
    });
  }

  async clear(key: string): Promise<void> {
    this.ctx.db.delete(t.signInThrottle).where(eq(t.signInThrottle.key, key)).run();
  }

  async purge(before: number): Promise<number> {
    return this.ctx.db.delete(t.signInThrottle).where(lt(t.signInThrottle.lastFailureAt, before)).run().changes;
  }
}
