import type { Instant } from '@planshift/shared/periods';
import * as t from '../../db/pg-schema';
import type { ClockRepository } from '../clock-repository';
import type { PgContext } from './pg-context';

export class PgClock implements ClockRepository {
  constructor(private readonly ctx: PgContext) {}

  // Read before every request in a scenario's world (docs/decisions/027): a named statement,
  // parsed once per connection.
  async read(): Promise<Instant | null> {
    const { rows } = await this.ctx.db.$client.query<{ frozenAt: Instant | null }>({
      name: 'clock',
      text: 'select frozen_at as "frozenAt" from system limit 1',
    });
    return rows[0]?.frozenAt ?? null;
  }

  async write(frozenAt: Instant | null): Promise<void> {
    await this.ctx.db
      .insert(t.system)
      .values({ id: 1, seller: {}, frozenAt })
      .onConflictDoUpdate({ target: t.system.id, set: { frozenAt } });
  }
}
