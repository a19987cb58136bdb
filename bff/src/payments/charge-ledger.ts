import type { ChargeOutcome, ChargeRequest, RefundOutcome, TokenizedCard } from './payment-provider';
import type { CardBehaviour } from './test-cards';

/**
 * What the processor remembers of a charge attempt: its outcome and the request it answered. An
 * attempt that waited for authentication has a later record (captured or refused) under the same
 * key, replacing it: the latest is the attempt as it stands.
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

/**
 * The processor's memory of its charges, refunds and cards, one record per key, as a service
 * outside the BFF keeps it: written only by the processor, never inside the BFF's transactions,
 * and shared by every BFF instance that talks to the processor (docs/decisions/022).
 */
export interface ChargeLedger {
  get(key: string): Promise<LedgerRecord | null>;
  /**
   * Keeps a key's first record: a key already recorded (by this instance or another) keeps the
   * record it has. Answers the record as it stands, once durable.
   */
  add(record: LedgerRecord): Promise<LedgerRecord>;
  /**
   * Replaces a charge waiting for authentication with its outcome, only while it still waits:
   * decided once, whoever asks. Answers the record as it stands, once durable.
   */
  decide(outcome: ChargeRecord): Promise<LedgerRecord | null>;
  /** The refunds made of a captured charge. */
  refundsOf(paymentAttemptId: string): Promise<RefundRecord[]>;
  /** Every record, in the order their keys were first recorded. */
  all(): Promise<LedgerRecord[]>;
  /** Forgets every record: only for a test world that is reset along with the database. */
  clear(): Promise<void>;
  /** Lets go of what the ledger holds open (its connection). */
  close(): void;
}

/** A ledger that lives as long as its process: for unit tests, and snapshots of another process's ledger. */
export class InMemoryChargeLedger implements ChargeLedger {
  readonly #records = new Map<string, LedgerRecord>();

  constructor(records: Iterable<LedgerRecord> = []) {
    for (const record of records) this.#records.set(ledgerKey(record), record);
  }

  async get(key: string): Promise<LedgerRecord | null> {
    return this.#records.get(key) ?? null;
  }

  async add(record: LedgerRecord): Promise<LedgerRecord> {
    const key = ledgerKey(record);
    const known = this.#records.get(key);
    if (known) return known;
    this.#records.set(key, record);
    return record;
  }

  async decide(outcome: ChargeRecord): Promise<LedgerRecord | null> {
    const current = this.#records.get(outcome.paymentAttemptId) ?? null;
    if (current?.status !== 'requires_action') return current;
    this.#records.set(outcome.paymentAttemptId, outcome);
    return outcome;
  }

  async refundsOf(paymentAttemptId: string): Promise<RefundRecord[]> {
    return [...this.#records.values()].filter(
      (record): record is RefundRecord => record.status === 'refunded' && record.paymentAttemptId === paymentAttemptId,
    );
  }

  async all(): Promise<LedgerRecord[]> {
    return [...this.#records.values()];
  }

  async clear(): Promise<void> {
    this.#records.clear();
  }

  close(): void {}
}
