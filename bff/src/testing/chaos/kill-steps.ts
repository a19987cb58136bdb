import type { ChildBff } from '../child-bff';
import type { SqlValue } from '../test-sql';

/** Moves the BFF's test clock (its period-end run answers first); the status, or the error if it died. */
export async function moveClock(bff: ChildBff, at: number): Promise<number> {
  const moved = await bff.client().json('PUT', '/api/test/clock', { at: new Date(at * 1000).toISOString() });
  return moved.status;
}

export function count(bff: ChildBff, query: string, ...params: SqlValue[]): Promise<number> {
  return bff.read((sql) => sql.count(query, ...params));
}

/**
 * Where a period-end run stands at `at`, from the BFF's files: the clock not moved yet, periods
 * left to renew, invoices left to collect (or being collected), or nothing left.
 */
export function runStage(bff: ChildBff, at: number): Promise<string> {
  return bff.read(async (sql) => {
    const clock = Number(await sql.value('select frozen_at from system'));
    if (clock < at) return 'before the clock moved';
    const due = await sql.count(
      `select count(*) from subscriptions where current_period_end <= ? and status in ('active', 'past_due')`,
      at,
    );
    if (due > 0) return 'renewing';
    const collecting = await sql.count(
      `select (select count(*) from collections where paid_at is null and next_attempt_at <= ?)
            + (select count(*) from subscription_claims)`,
      at,
    );
    return collecting > 0 ? 'collecting' : 'after the run';
  });
}
