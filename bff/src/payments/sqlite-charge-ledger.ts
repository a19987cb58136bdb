import Database from 'better-sqlite3';
import {
  type ChargeLedger,
  type ChargeRecord,
  InMemoryChargeLedger,
  type LedgerRecord,
  ledgerKey,
  type RefundRecord,
} from './charge-ledger';

type Row = { record: string };

/** What the table's `kind` says of a record (PgChargeLedger writes the same). */
const ledgerKindOf = (record: LedgerRecord): 'charge' | 'refund' | 'card' =>
  record.status === 'refunded' ? 'refund' : record.status === 'vaulted' ? 'card' : 'charge';

/** The row a record is inserted as (key, kind, status, charge_key, record, recorded_at), on either database. */
export const ledgerRow = (record: LedgerRecord): [string, string, string, string | null, string, number] => [
  ledgerKey(record),
  ledgerKindOf(record),
  record.status,
  record.status === 'refunded' ? record.paymentAttemptId : null,
  JSON.stringify(record),
  Date.parse(record.recordedAt),
];

const parse = (row: Row | undefined): LedgerRecord | null => (row ? (JSON.parse(row.record) as LedgerRecord) : null);

/**
 * The processor's records in the `processor_ledger` table of the world's database, written only
 * through the processor's own connection in its own one-statement transactions, never inside a
 * BFF transaction: a charge it recorded stays recorded whatever becomes of the BFF's transaction
 * or process, and every BFF instance on the database sees the same processor. Idempotency is the
 * table's: a key is inserted once (ON CONFLICT DO NOTHING, then read back), and a waiting charge's
 * outcome replaces it only while it still waits. The SQL is plain enough for a PostgreSQL sibling
 * over its own pool (docs/decisions/022).
 *
 * The connection opens at first use, after the BFF has created and migrated the file.
 * synchronous=NORMAL: a killed process loses nothing (WAL), and a power cut loses a tail of the
 * one WAL the BFF's records share, in order, so never a charge without the claim made before it.
 *
 * In the server the processor shares the BFF's own connection (`connection`, docs/decisions/033):
 * its commits then do not look like another process's to the BFF's billing-state cache, which
 * would otherwise be dropped after every charge. Its writes stay one-statement transactions of
 * their own: one asked for while the BFF's transaction is open is refused, never joined to it.
 */
export class SqliteChargeLedger implements ChargeLedger {
  #statements: ReturnType<typeof prepare> | null = null;

  constructor(
    private readonly file: string,
    /** The BFF's connection to the same file, to share; by default the processor opens its own. */
    private readonly connection: Database.Database | null = null,
  ) {}

  /** Every record as the file holds them now, read once and let go (another process's ledger, for its checks). */
  static snapshot(file: string): InMemoryChargeLedger {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare<[], Row>(ALL).all();
      return new InMemoryChargeLedger(rows.map((row) => parse(row) as LedgerRecord));
    } finally {
      db.close();
    }
  }

  async get(key: string): Promise<LedgerRecord | null> {
    return parse(this.#sql.get.get(key));
  }

  async add(record: LedgerRecord): Promise<LedgerRecord> {
    const { insert, get } = this.#writing;
    insert.run(...ledgerRow(record));
    return parse(get.get(ledgerKey(record))) as LedgerRecord;
  }

  async decide(outcome: ChargeRecord): Promise<LedgerRecord | null> {
    const { decide, get } = this.#writing;
    decide.run(outcome.status, JSON.stringify(outcome), outcome.paymentAttemptId);
    return parse(get.get(outcome.paymentAttemptId));
  }

  async refundsOf(paymentAttemptId: string): Promise<RefundRecord[]> {
    return this.#sql.refundsOf.all(paymentAttemptId).map((row) => parse(row) as RefundRecord);
  }

  async all(): Promise<LedgerRecord[]> {
    return this.#sql.all.all().map((row) => parse(row) as LedgerRecord);
  }

  async clear(): Promise<void> {
    this.#writing.clear.run();
  }

  /** Closes the processor's own connection; a shared one is the BFF's to close. */
  close(): void {
    if (!this.connection) this.#statements?.db.close();
    this.#statements = null;
  }

  get #sql(): ReturnType<typeof prepare> {
    if (this.#statements) return this.#statements;
    const db = this.connection ?? openOwn(this.file);
    try {
      this.#statements = prepare(db);
    } catch (error) {
      if (!this.connection) db.close();
      throw error;
    }
    return this.#statements;
  }

  /** The statements, for a write: never inside a transaction of the BFF's on a shared connection. */
  get #writing(): ReturnType<typeof prepare> {
    const sql = this.#sql;
    if (sql.db.inTransaction) throw new Error('the card processor never writes inside a BFF transaction');
    return sql;
  }
}

const ALL = 'select record from processor_ledger order by recorded_at, key';

function openOwn(file: string): Database.Database {
  const db = new Database(file, { timeout: 5000, fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function prepare(db: Database.Database) {
  return {
    db,
    get: db.prepare<[string], Row>('select record from processor_ledger where key = ?'),
    insert: db.prepare<[string, string, string, string | null, string, number]>(
      `insert into processor_ledger (key, kind, status, charge_key, record, recorded_at)
       values (?, ?, ?, ?, ?, ?) on conflict (key) do nothing`,
    ),
    decide: db.prepare<[string, string, string]>(
      `update processor_ledger set status = ?, record = ?
        where key = ? and kind = 'charge' and status = 'requires_action'`,
    ),
    refundsOf: db.prepare<[string], Row>(
      `select record from processor_ledger where charge_key = ? and kind = 'refund' order by recorded_at, key`,
    ),
    all: db.prepare<[], Row>(ALL),
    clear: db.prepare('delete from processor_ledger'),
  };
}
