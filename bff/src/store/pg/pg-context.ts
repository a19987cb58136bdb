import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { PgDb } from '../../db/open-pg';
import * as schema from '../../db/pg-schema';
import type { ClaimPolicy } from '../claim-policy';
import type { Seller } from '../records';
import type { Conn } from './connection';
import { PgBillingStateReader } from './pg-billing-state-rows';
import { PgCatalogReader } from './pg-catalog-rows';
import { PgClaimRows } from './pg-claim-rows';
import { PgCollectionWriter } from './pg-collection-rows';
import { PgDocumentReader } from './pg-document-rows';
import { PgRowWriter } from './pg-row-writer';

/**
 * The accounts a write transaction may change (SQLite's `Touches`): the accounts named, whose rows
 * it locks before its work starts, or ANY_ACCOUNT.
 */
export type Touches = readonly string[] | typeof ANY_ACCOUNT;
/**
 * A write whose accounts are not known up front (a renewal batch, provisioning, a reset or
 * seed). PostgreSQL cannot lock "any account" the way SQLite's database-wide write lock does, so
 * such a write locks NOTHING up front: its work must lock each account with `lockAccounts`
 * before it reads what it will change (all of a batch's accounts at once, in id order), or take
 * `lockEverything` (a reset or seed).
 */
export const ANY_ACCOUNT = 'any account';

/** Fixed key of the advisory lock a reset or seed takes (any constant; this is "planshift" in ASCII). */
const EVERYTHING_LOCK_KEY = 0x706c616e;

/**
 * What the PostgreSQL repositories share around one pool (SqliteContext's split): the claim rows
 * (docs/decisions/006), the row writers and readers, and the transactions.
 *
 * No billing-state or session cache: another instance may change an account at any time and
 * nothing tells this one yet (LISTEN/NOTIFY, docs/decisions/020, would), so every read is fresh,
 * and correct across instances. Only catalogs are cached, checked against their version row on
 * every read.
 */
export class PgContext {
  readonly claims: PgClaimRows;
  readonly catalogs = new PgCatalogReader();
  readonly billingState: PgBillingStateReader;
  readonly documents = new PgDocumentReader();
  readonly rows = new PgRowWriter();
  readonly collections: PgCollectionWriter;
  /** A Drizzle instance per pooled connection: the pool reuses its clients, so this stays small. */
  readonly #conns = new WeakMap<pg.PoolClient, Conn>();

  constructor(
    readonly db: PgDb,
    readonly claimPolicy: ClaimPolicy,
  ) {
    this.claims = new PgClaimRows(claimPolicy);
    this.billingState = new PgBillingStateReader(this.catalogs);
    this.collections = new PgCollectionWriter(this.rows);
  }

  async #withConnection<T>(work: (conn: Conn) => Promise<T>): Promise<T> {
    const client = await this.db.$client.connect();
    let broken: unknown;
    try {
      let conn = this.#conns.get(client);
      if (!conn) {
        conn = drizzle({ client, schema }) as Conn;
        this.#conns.set(client, conn);
      }
      return await work(conn);
    } catch (error) {
      broken = error;
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: the pool drops it.
      client.release(broken instanceof ConnectionBroken ? broken : undefined);
    }
  }

  /**
   * A write transaction at READ COMMITTED that first locks the rows of the accounts it may change,
   * in id order (docs/decisions/019): what SQLite's BEGIN IMMEDIATE gives, per account. Writers
   * of other accounts run alongside; a second writer of the same account waits here until the
   * first commits, then reads what it committed. The locks end with the transaction, so a killed
   * process holds none. A write naming no account (`[]`) locks nothing: it changes no account's
   * state (a sales request, the sign-in throttle). ANY_ACCOUNT: see its comment.
   */
  write<T>(touches: Touches, work: (tx: Conn) => Promise<T>): Promise<T> {
    return this.#transaction('begin isolation level read committed', async (tx) => {
      if (touches !== ANY_ACCOUNT) await lockAccounts(tx, touches);
      return work(tx);
    });
  }

  /**
   * A read on one connection, as a read-only REPEATABLE READ transaction: the several queries of
   * one billing state or one document list see one snapshot, as SQLite's reads see no writer's
   * half-committed work.
   */
  read<T>(work: (db: Conn) => Promise<T>): Promise<T> {
    return this.#transaction('begin isolation level repeatable read read only', work);
  }

  /** Runs `work` between `begin` and commit on one pooled connection; rolls back if it throws. */
  #transaction<T>(begin: string, work: (tx: Conn) => Promise<T>): Promise<T> {
    return this.#withConnection(async (tx) => {
      await tx.$client.query(begin);
      try {
        const result = await work(tx);
        await tx.$client.query('commit');
        return result;
      } catch (error) {
        await tx.$client.query('rollback').catch((rollbackError: unknown) => {
          throw new ConnectionBroken(rollbackError);
        });
        throw error;
      }
    });
  }
}

/** The rollback failed: the connection must not go back to the pool. */
class ConnectionBroken extends Error {
  constructor(cause: unknown) {
    super('the connection failed to roll back', { cause });
  }
}

/**
 * Locks the accounts' rows for the rest of the transaction, in id order so that two transactions
 * never wait on each other in a cycle. Answers the ids that exist (a missing account locks
 * nothing: the writer then finds nothing to change).
 */
export async function lockAccounts(tx: Conn, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const ids = [...new Set(accountIds)].sort();
  const locked = await tx.$client.query<{ id: string }>({
    name: 'lock-accounts',
    text: 'select id from accounts where id = any($1::text[]) order by id for update',
    values: [ids],
  });
  return locked.rows.map((row) => row.id);
}

/**
 * For a reset or seed, which rewrites every account: a transaction-scoped advisory lock (two
 * resets take turns) and the accounts table locked against every other writer (EXCLUSIVE
 * conflicts with the row locks `lockAccounts` takes; plain reads go on). Both end with the
 * transaction.
 */
export async function lockEverything(tx: Conn): Promise<void> {
  await tx.$client.query('select pg_advisory_xact_lock($1)', [EVERYTHING_LOCK_KEY]);
  await tx.$client.query('lock table accounts in exclusive mode');
}

/** The seller the documents are issued by, as the last reset set it. */
export async function readSeller(tx: Conn): Promise<Seller> {
  const [row] = await tx.select({ seller: schema.system.seller }).from(schema.system);
  if (!row?.seller) throw new Error('the seller is not set: reset to a scenario first');
  return row.seller as Seller;
}
