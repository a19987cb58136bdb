import type { QuoteRecord } from '../records';

/**
 * Collects the quotes asked for in one turn of the event loop and writes them together: each
 * caller is answered once its quote is committed, and a burst of quotes costs one commit.
 */
export class QuoteWriter {
  #batch: { record: QuoteRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly target: { insertQuotes(records: readonly QuoteRecord[]): void }) {}

  save(record: QuoteRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#batch.length === 0) setImmediate(() => this.#flush());
      this.#batch.push({ record, resolve, reject });
    });
  }

  #flush(): void {
    const batch = this.#batch;
    this.#batch = [];
    try {
      this.target.insertQuotes(batch.map((entry) => entry.record));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
