import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import type { ChargeOutcome, ChargeRequest } from './payment-provider';

/** What the processor remembers of an attempt: its outcome and the request it answered. */
export type ChargeRecord = ChargeOutcome &
  Readonly<{ request: Pick<ChargeRequest, 'paymentMethod' | 'amount' | 'currency'>; recordedAt: string }>;

export interface ChargeLedger {
  get(paymentAttemptId: string): ChargeRecord | null;
  put(record: ChargeRecord): void;
  all(): ChargeRecord[];
  /** Forgets every record: only for a test world that is reset along with the database. */
  clear(): void;
}

export class InMemoryChargeLedger implements ChargeLedger {
  readonly #records = new Map<string, ChargeRecord>();

  get(paymentAttemptId: string): ChargeRecord | null {
    return this.#records.get(paymentAttemptId) ?? null;
  }

  put(record: ChargeRecord): void {
    this.#records.set(record.paymentAttemptId, record);
  }

  all(): ChargeRecord[] {
    return [...this.#records.values()];
  }

  clear(): void {
    this.#records.clear();
  }
}

/**
 * A JSON-lines file, appended and fsynced before the charge is answered: the processor's
 * memory outlives a BFF killed right after the charge, as a real processor's would.
 */
export class FileChargeLedger implements ChargeLedger {
  readonly #memory = new InMemoryChargeLedger();

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim()) this.#memory.put(JSON.parse(line) as ChargeRecord);
    }
  }

  get(paymentAttemptId: string): ChargeRecord | null {
    return this.#memory.get(paymentAttemptId);
  }

  put(record: ChargeRecord): void {
    appendFileSync(this.file, `${JSON.stringify(record)}\n`);
    const fd = openSync(this.file, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.#memory.put(record);
  }

  all(): ChargeRecord[] {
    return this.#memory.all();
  }

  clear(): void {
    writeFileSync(this.file, '');
    this.#memory.clear();
  }
}
