import type { Instant } from '@planshift/shared/periods';
import * as t from '../../db/schema';
import type { ClockRepository } from '../clock-repository';
import type { SqliteContext } from './sqlite-context';

export class SqliteClock implements ClockRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async read(): Promise<Instant | null> {
    return this.ctx.db.select({ frozenAt: t.system.frozenAt }).from(t.system).get()?.frozenAt ?? null;
  }

  async write(frozenAt: Instant | null): Promise<void> {
    this.ctx.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } })
      .run();
  }
}
