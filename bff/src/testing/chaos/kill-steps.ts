import type { ChildBff } from '../child-bff';

/** Moves the BFF's test clock (its period-end run answers first); the status, or the error if it died. */
export async function moveClock(bff: ChildBff, at: number): Promise<number> {
  const moved = await bff.client().json('PUT', '/api/test/clock', { at: new Date(at * 1000).toISOString() });
  return moved.status;
}

export function count(bff: ChildBff, sql: string, ...params: unknown[]): number {
  return bff.read((db) =>
    Number(
      db
        .prepare(sql)
        .pluck()
        .get(...params),
    ),
  );
}

/**
 * Where a period-end run stands at `at`, from the BFF's files: the clock not moved yet, periods
 * left to renew, invoices left to collect (or being collected), or nothing left.
 */
export function runStage(bff: ChildBff, at: number): string {
  return bff.read((db) => {
    const clock = Number(db.prepare('select frozen_at from system').pluck().get());
    if (clock < at) return 'before the clock moved';
    const due = db
      .prepare(`select count(*) from subscriptions where current_period_end <= ? and status in ('active', 'past_due')`)
      .pluck()
      .get(at);
    if (Number(due) > 0) return 'renewing';
    const collecting = db
      .prepare(
        `select (select count(*) from collections where paid_at is null and next_attempt_at <= ?)
              + (select count(*) from subscription_claims)`,
      )
      .pluck()
      .get(at);
    return Number(collecting) > 0 ? 'collecting' : 'after the run';
  });
}
