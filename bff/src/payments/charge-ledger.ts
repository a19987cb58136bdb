import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { ChargeOutcome, ChargeRequest, RefundOutcome, TokenizedCard } from './payment-provider';
import type { CardBehaviour } from './test-cards';

/**
 * What the processor remembers of a charge attempt: its outcome and the request it answered. An
 * attempt that waited for authentication has a later record (captured or refused) under the same
 * key, appended: the latest is the attempt as it stands.
 */
export type ChargeRecord = ChargeOutcome &
  Readonly<{ request: Pick<ChargeRequest, 'paymentMethod' | 'amount' | 'currency'>; recordedAt: string }>;

/** What the processor remembers of a refund attempt. */
export type RefundRecord = RefundOutcome & Readonly<{ reason: string; recordedAt: string }>;

/** A card kept for its token: how it behaves in test mode and what identifies it, never its number or code. */
export type CardRecord = TokenizedCard & Readonly<{ status: 'vaulted'; behaviour: CardBehaviour; recordedAt: string }>;

export type LedgerRecord = ChargeRecord | RefundRecord | CardRecord;

/** A record's key: the charge's or the refund's attempt id, or the card's token (never the same). */
export const ledgerKey = (record: LedgerRecord): string =>
  record.status === 'refunded'
    ? record.refundAttemptId
    : record.status === 'vaulted'
      ? record.token
      : record.paymentAttemptId;

export const isCharge = (record: LedgerRecord): record is ChargeRecord =>
  record.status !== 'refunded' && record.status !== 'vaulted';

export interface ChargeLedger {
  get(attemptId: string): LedgerRecord | null;
  /** Resolves once the record is durable. */
  put(record: LedgerRecord): Promise<void>;
  all(): LedgerRecord[];
  /** Forgets every record: only for a test world that is reset along with the database. */
  clear(): void;
}

export class InMemoryChargeLedger implements ChargeLedger {
  readonly #records = new Map<string, LedgerRecord>();

  get(attemptId: string): LedgerRecord | null {
    return this.#records.get(attemptId) ?? null;
  }

  async put(record: LedgerRecord): Promise<void> {
    this.set(record);
  }

  set(record: LedgerRecord): void {
    this.#records.set(ledgerKey(record), record);
  }

  all(): LedgerRecord[] {
    return [...this.#records.values()];
  }

  clear(): void {
    this.#records.clear();
  }
}

/**
 * A JSON-lines file, appended and fsynced before the charge is answered: the processor's
 * memory outlives a BFF killed right after the charge, as a real processor's would. Charges that
 * arrive while a sync is under way are written together by the next one (a group commit): one
 * fsync per burst, not per charge, which is what bounded confirms per second.
 */
export class FileChargeLedger implements ChargeLedger {
  readonly #memory = new InMemoryChargeLedger();
  #queued: { record: LedgerRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #writing = false;

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const complete = text.lastIndexOf('\n') + 1;
    // A line without its newline is a write cut short, so its put never resolved and nobody was
    // told of that charge. Cut it off: left there, the next append would glue onto it and be lost.
    if (complete < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, complete)));
    for (const line of text.slice(0, complete).split('\n')) {
      if (line.trim()) this.#memory.set(JSON.parse(line) as LedgerRecord);
    }
  }

  get(attemptId: string): LedgerRecord | null {
    return this.#memory.get(attemptId);
  }

  put(record: LedgerRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queued.push({ record, resolve, reject });
      if (!this.#writing) void this.#writeQueued();
    });
  }

  /** Appends and syncs off the event loop, batch after batch, until nothing is queued. */
  async #writeQueued(): Promise<void> {
    this.#writing = true;
    while (this.#queued.length > 0) {
      const batch = this.#queued;
      this.#queued = [];
      try {
        const file = await open(this.file, 'a');
        try {
          await file.appendFile(batch.map((entry) => `${JSON.stringify(entry.record)}\n`).join(''));
          await file.datasync();
        } finally {
          await file.close();
        }
        for (const entry of batch) {
          this.#memory.set(entry.record);
          entry.resolve();
        }
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.#writing = false;
  }

  all(): LedgerRecord[] {
    return this.#memory.all();
  }

  clear(): void {
    writeFileSync(this.file, '');
    this.#memory.clear();
  }
}
