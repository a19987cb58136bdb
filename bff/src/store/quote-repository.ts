import type { QuoteRecord } from './records';

/** Quotes, priced by the engine and kept until they expire or an order refers to them. */
export interface QuoteRepository {
  save(quote: QuoteRecord): Promise<void>;
  find(accountId: string, quoteId: string): Promise<QuoteRecord | null>;
  findById(quoteId: string): Promise<QuoteRecord | null>;
}
