import { openPostgres, type PgDb } from '../db/open-pg';
import { type ChargeLedger, type ChargeRecord, type LedgerRecord, ledgerKey, type RefundRecord } from './charge-ledger';
import { kindOf, SqliteChargeLedger } from './sqlite-charge-ledger';

type Row = { record: string };

const parse = (row: Row | undefined): LedgerRecord | null => (row ? (JSON.parse(row.record) as LedgerRecord) : null);

const GET = 'select record from processor_ledger where key = $1';
const ALL = 'select record from processor_ledger order by recorded_at, key';

/**
 * SqliteChargeLedger's PostgreSQL sibling (docs/decisions/022): the processor's records in the
 * `processor_ledger` table of the world's database (its schema), written through a small pool of
 * the processor's own, one statement per transaction, never inside a BFF transaction. The same
 * statements: a key inserted once (`on conflict do nothing`, then read back), a waiting charge
 * decided only while it still waits. Every instance on the database sees the one processor.
 */
export class PgChargeLedger implements ChargeLedger {
  #db: PgDb | null = null;

  constructor(
    private readonly url: string,
    private readonly schema?: string,
  ) {}

  async get(key: string): Promise<LedgerRecord | null> {
    return parse((await this.#pool.query<Row>(GET, [key])).rows[0]);
  }

  async add(record: LedgerRecord): Promise<LedgerRecord> {
    const key = ledgerKey(record);
    await this.#pool.query(
      `insert into processor_ledger (key, kind, status, charge_key, record, recorded_at)
       values ($1, $2, $3, $4, $5, $6) on conflict (key) do nothing`,
      [
        key,
        kindOf(record),
        record.status,
        record.status === 'refunded' ? record.paymentAttemptId : null,
        JSON.stringify(record),
        Date.parse(record.recordedAt),
      ],
    );
    return (await this.get(key)) as LedgerRecord;
  }

  async decide(outcome: ChargeRecord): Promise<LedgerRecord | null> {
    await this.#pool.query(
      `update processor_ledger set status = $1, record = $2
        where key = $3 and kind = 'charge' and status = 'requires_action'`,
      [outcome.status, JSON.stringify(outcome), outcome.paymentAttemptId],
    );
    return this.get(outcome.paymentAttemptId);
  }

  async refundsOf(paymentAttemptId: string): Promise<RefundRecord[]> {
    const { rows } = await this.#pool.query<Row>(
      `select record from processor_ledger where charge_key = $1 and kind = 'refund' order by recorded_at, key`,
      [paymentAttemptId],
    );
    return rows.map((row) => parse(row) as RefundRecord);
  }

  async all(): Promise<LedgerRecord[]> {
    return (await this.#pool.query<Row>(ALL)).rows.map((row) => parse(row) as LedgerRecord);
  }

  async clear(): Promise<void> {
    await this.#pool.query('delete from processor_ledger');
  }

  close(): void {
    void this.#db?.$client.end();
    this.#db = null;
  }

  /** Opened at first use, as the SQLite ledger's connection is. */
  get #pool() {
    this.#db ??= openPostgres(this.url, {
      max: 2,
      applicationName: 'planshift-processor',
      ...(this.schema ? { schema: this.schema } : {}),
    });
    return this.#db.$client;
  }
}

/**
 * The simulated processor's ledger in the world's database: its PostgreSQL schema when the BFF
 * runs on DATABASE_URL, else the SQLite file.
 */
export function worldChargeLedger(
  env: Readonly<{ DATABASE_URL?: string | undefined; DATABASE_FILE: string }>,
  schema?: string,
): ChargeLedger {
  return env.DATABASE_URL ? new PgChargeLedger(env.DATABASE_URL, schema) : new SqliteChargeLedger(env.DATABASE_FILE);
}
