import { eq, inArray, lt } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { SignInThrottleRecord, SignInThrottleRepository } from '../sign-in-throttle-repository';
import type { PgContext } from './pg-context';

export class PgSignInThrottle implements SignInThrottleRepository {
  constructor(private readonly ctx: PgContext) {}

  async find(keys: readonly string[]): Promise<SignInThrottleRecord[]> {
    return this.ctx.db
      .select()
      .from(t.signInThrottle)
      .where(inArray(t.signInThrottle.key, [...keys]));
  }

  /**
   * Read and written in one transaction, each key's row locked before it is read (inserted
   * first if missing, so that there is a row to lock): two instances counting a failure for the
   * same key at once both count, neither overwrites the other's. Keys in order, so two such
   * transactions never wait on each other in a cycle.
   */
  async recordFailure(
    keys: readonly string[],
    next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
  ): Promise<void> {
    // Touches no account's billing state.
    await this.ctx.write([], async (tx) => {
      for (const key of [...new Set(keys)].sort()) {
        const created = await tx
          .insert(t.signInThrottle)
          .values({ key, failures: 0, lastFailureAt: 0, blockedUntil: 0 })
          .onConflictDoNothing()
          .returning({ key: t.signInThrottle.key });
        const [row] = await tx.select().from(t.signInThrottle).where(eq(t.signInThrottle.key, key)).for('update');
        const { failures, lastFailureAt, blockedUntil } = next(key, created.length || !row ? null : row);
        await tx
          .update(t.signInThrottle)
          .set({ failures, lastFailureAt, blockedUntil })
          .where(eq(t.signInThrottle.key, key));
      }
    });
  }

  async clear(key: string): Promise<void> {
    await this.ctx.db.delete(t.signInThrottle).where(eq(t.signInThrottle.key, key));
  }

  async purge(before: number): Promise<number> {
    const purged = await this.ctx.db.delete(t.signInThrottle).where(lt(t.signInThrottle.lastFailureAt, before));
    return purged.rowCount ?? 0;
  }
}
