import type { Instant } from '@planshift/shared/periods';
import * as t from '../../db/schema';
import type { ClockRepository } from '../clock-repository';
import type { SqliteContext } from './sqlite-context';

export class SqliteClock implements ClockRepository {
  // Read before every request in a scenario's world (docs/decisions/027): compiled once, since
  // building the query anew each time cost more than a quote's billing state, and plucked by
  // better-sqlite3 itself, since Drizzle's row mapping around one integer cost as much again.
  readonly #read;

  constructor(private readonly ctx: SqliteContext) {
    this.#read = ctx.db.$client.prepare<[], Instant | null>('select frozen_at from system').pluck();
  }

  async read(): Promise<Instant | null> {
    return this.#read.get() ?? null;
  }

  async write(frozenAt: Instant | null): Promise<void> {
    this.ctx.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } })
      .run();
  }
}
