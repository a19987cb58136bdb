import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Db, openDatabase } from '../../db/open-database';
import { localClaimPolicy } from '../claim-policy';
import { SqliteContext } from './sqlite-context';

// Grouped writes (docs/decisions/030): asked for in the same turn, they share one commit, and
// each stays all or nothing.
let db: Db | undefined;
afterEach(() => db?.$client.close());

function context(): SqliteContext {
  db = openDatabase(':memory:');
  return new SqliteContext(db, localClaimPolicy());
}

/** Takes the next number of a series: a row written (on the transaction's connection), and the number it reached. */
function nextNumber(ctx: SqliteContext, series: string): number {
  return ctx.db.$client
    .prepare<[string], { n: number }>(
      `insert into document_sequences (series, year, last_number) values (?, 2026, 1)
       on conflict (series, year) do update set last_number = last_number + 1 returning last_number as n`,
    )
    .get(series)?.n as number;
}

const numbers = (ctx: SqliteContext) =>
  ctx.db.$client.prepare('select series, last_number as n from document_sequences order by series').all();

describe('grouped writes', () => {
  it('commit together in the order asked, each seeing the ones before it, durably once', async () => {
    const ctx = context();
    const pragma = vi.spyOn(ctx.db.$client, 'pragma');
    const answers = await Promise.all([
      ctx.writeGrouped(['a'], () => nextNumber(ctx, 'INV'), { durable: true }),
      ctx.writeGrouped(['b'], () => nextNumber(ctx, 'INV'), { durable: true }),
      ctx.writeGrouped(['c'], () => nextNumber(ctx, 'CN')),
    ]);
    expect(answers).toEqual([1, 2, 1]);
    expect(numbers(ctx)).toEqual([
      { series: 'CN', n: 1 },
      { series: 'INV', n: 2 },
    ]);
    // One commit made with FULL sync for the three, and NORMAL again after it.
    expect(pragma.mock.calls).toEqual([['synchronous = FULL'], ['synchronous = NORMAL']]);
  });

  it('undo only the write that throws, the others of its group committed', async () => {
    const ctx = context();
    const failing = new Error('refused');
    const outcomes = await Promise.allSettled([
      ctx.writeGrouped(['a'], () => nextNumber(ctx, 'INV')),
      ctx.writeGrouped(['b'], () => {
        nextNumber(ctx, 'CN');
        throw failing;
      }),
      ctx.writeGrouped(['c'], () => nextNumber(ctx, 'INV')),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: failing },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(numbers(ctx)).toEqual([{ series: 'INV', n: 2 }]);
  });

  it('resolve only once committed, and a write asked for later goes in the next commit', async () => {
    const ctx = context();
    const first = ctx.writeGrouped(['a'], () => nextNumber(ctx, 'INV'));
    // Nothing is written before the turn ends.
    expect(numbers(ctx)).toEqual([]);
    expect(await first).toBe(1);
    expect(await ctx.writeGrouped(['a'], () => nextNumber(ctx, 'INV'))).toBe(2);
  });
});
