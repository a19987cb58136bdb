import type { Instant } from '@planshift/shared/periods';
import * as t from '../../db/pg-schema';
import type { ClockRepository } from '../clock-repository';
import type { PgContext } from './pg-context';

export class PgClock implements ClockRepository {
  constructor(private readonly ctx: PgContext) {}

  async read(): Promise<Instant | null> {
    const [row] = await this.ctx.db.select({ frozenAt: t.system.frozenAt }).from(t.system);
    return row?.frozenAt ?? null;
  }

  async write(frozenAt: Instant | null): Promise<void> {
    await this.ctx.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } });
  }
}
