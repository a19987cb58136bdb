import type { ChangeRequest } from '@planshift/shared/eligibility';
import type { CurrencyCode } from '@planshift/shared/money';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { QuoteRepository } from '../quote-repository';
import type { QuoteRecord } from '../records';
import { QuoteWriter } from './quote-writer';
import type { SqliteContext } from './sqlite-context';

export class SqliteQuotes implements QuoteRepository {
  readonly #writer = new QuoteWriter(this);
  readonly #insertQuotes;

  constructor(private readonly ctx: SqliteContext) {
    // The hottest write: a plain statement, without the query builder's per-row mapping.
    const insertQuote = ctx.db.$client.prepare(
      `insert into quotes (id, account_id, subscription_id, fingerprint, request, due_now, currency, created_at, expires_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertQuotes = ctx.db.$client.transaction((records: readonly QuoteRecord[]) => {
      for (const q of records) {
        insertQuote.run(
          q.id,
          q.accountId,
          q.subscriptionId,
          q.fingerprint,
          JSON.stringify(q.request),
          q.dueNow.amount,
          q.dueNow.currency,
          q.createdAt,
          q.expiresAt,
        );
      }
    });
  }

  async save(quote: QuoteRecord): Promise<void> {
    return this.#writer.save(quote);
  }

  /** Writes quotes in one transaction (a group commit): a quote per request, not a commit per quote. */
  insertQuotes(records: readonly QuoteRecord[]): void {
    this.#insertQuotes.immediate(records);
  }

  async find(accountId: string, quoteId: string): Promise<QuoteRecord | null> {
    const row = this.ctx.db
      .select()
      .from(t.quotes)
      .where(and(eq(t.quotes.id, quoteId), eq(t.quotes.accountId, accountId)))
      .get();
    return row ? quoteRecord(row) : null;
  }

  async findById(quoteId: string): Promise<QuoteRecord | null> {
    const row = this.ctx.db.select().from(t.quotes).where(eq(t.quotes.id, quoteId)).get();
    return row ? quoteRecord(row) : null;
  }
}

function quoteRecord({ dueNow, currency, ...row }: typeof t.quotes.$inferSelect): QuoteRecord {
  return {
    ...row,
    request: row.request as ChangeRequest,
    dueNow: { amount: dueNow, currency: currency as CurrencyCode },
  };
}
