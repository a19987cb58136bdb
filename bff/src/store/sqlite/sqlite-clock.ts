import type { Instant } from '@planshift/shared/periods';
import * as t from '../../db/schema';
import type { ClockRepository } from '../clock-repository';
import type { SqliteContext } from './sqlite-context';

export class SqliteClock implements ClockRepository {
  // Read before every request in a scenario's world (docs/decisions/027): compiled once, since
  // building the query anew each time cost more than a quote's billing state.
  readonly #read;

  constructor(private readonly ctx: SqliteContext) {
    this.#read = ctx.db.select({ frozenAt: t.system.frozenAt }).from(t.system).prepare();
  }

  async read(): Promise<Instant | null> {
    return this.#read.get()?.frozenAt ?? null;
  }

  async write(frozenAt: Instant | null): Promise<void> {
    this.ctx.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } })
      .run();
  }
}
