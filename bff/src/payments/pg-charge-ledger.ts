import { openPostgres, type PgDb } from '../db/open-pg';
import type { ChargeLedger, ChargeRecord, LedgerRecord, RefundRecord } from './charge-ledger';
import { ledgerKey } from './charge-ledger';
import { ledgerRow } from './sqlite-charge-ledger';

type Row = { record: string };

const parse = (row: Row | undefined): LedgerRecord | null => (row ? (JSON.parse(row.record) as LedgerRecord) : null);

const GET = { name: 'ledger-get', text: 'select record from processor_ledger where key = $1' };
const INSERT = {
  name: 'ledger-insert',
  text: `insert into processor_ledger (key, kind, status, charge_key, record, recorded_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (key) do nothing`,
};
const DECIDE = {
  name: 'ledger-decide',
  text: `update processor_ledger set status = $1, record = $2
          where key = $3 and kind = 'charge' and status = 'requires_action'`,
};
const REFUNDS_OF = {
  name: 'ledger-refunds-of',
  text: `select record from processor_ledger where charge_key = $1 and kind = 'refund' order by recorded_at, key`,
};
const ALL = { name: 'ledger-all', text: 'select record from processor_ledger order by recorded_at, key' };

/**
 * SqliteChargeLedger's sibling on PostgreSQL (docs/decisions/022): the same table and statements,
 * over a small pool of the processor's own, so that each record is its own one-statement
 * transaction, never inside a BFF transaction, and every instance on the database sees the same
 * processor. Idempotency is the table's: a key is inserted once (ON CONFLICT DO NOTHING, then
 * read back; a concurrent insert of the same key waits for the first to commit), and a waiting
 * charge's outcome replaces it only while it still waits (the row's lock orders two deciders).
 * `schema`: a scenario's world's (its connections' search_path).
 */
export class PgChargeLedger implements ChargeLedger {
  #db: PgDb | null = null;

  constructor(
    private readonly url: string,
    private readonly options: Readonly<{ schema?: string }> = {},
  ) {}

  async get(key: string): Promise<LedgerRecord | null> {
    return parse((await this.#pool.query<Row>({ ...GET, values: [key] })).rows[0]);
  }

  async add(record: LedgerRecord): Promise<LedgerRecord> {
    await this.#pool.query({ ...INSERT, values: ledgerRow(record) });
    return (await this.get(ledgerKey(record))) as LedgerRecord;
  }

  async decide(outcome: ChargeRecord): Promise<LedgerRecord | null> {
    await this.#pool.query({
      ...DECIDE,
      values: [outcome.status, JSON.stringify(outcome), outcome.paymentAttemptId],
    });
    return this.get(outcome.paymentAttemptId);
  }

  async refundsOf(paymentAttemptId: string): Promise<RefundRecord[]> {
    const rows = (await this.#pool.query<Row>({ ...REFUNDS_OF, values: [paymentAttemptId] })).rows;
    return rows.map((row) => parse(row) as RefundRecord);
  }

  async all(): Promise<LedgerRecord[]> {
    return (await this.#pool.query<Row>(ALL)).rows.map((row) => parse(row) as LedgerRecord);
  }

  async clear(): Promise<void> {
    await this.#pool.query('delete from processor_ledger');
  }

  close(): void {
    const db = this.#db;
    this.#db = null;
    if (db && !db.$client.ending) void db.$client.end();
  }

  /** Opened at first use, as SQLite's connection is. */
  get #pool() {
    this.#db ??= openPostgres(this.url, {
      max: 2,
      applicationName: 'planshift-processor',
      ...(this.options.schema ? { schema: this.options.schema } : {}),
    });
    return this.#db.$client;
  }
}
