import type { Db } from '../../db/open-database';
import * as t from '../../db/schema';
import type { ClaimPolicy } from '../claim-policy';
import type { Seller, SessionRecord, UserRecord } from '../records';
import { BillingStateReader } from './billing-state-rows';
import { CatalogCache } from './catalog-rows';
import { ClaimRows } from './claim-rows';
import { CollectionWriter } from './collection-rows';
import type { Conn } from './connection';
import { DocumentReader } from './document-rows';
import { RowWriter } from './row-writer';

/** Whose cached billing state a write transaction may change: the accounts named, or any. */
export type Touches = readonly string[] | typeof ANY_ACCOUNT;
export const ANY_ACCOUNT = 'any account';

/**
 * What the SQLite repositories share around one connection: its caches, the one claim mechanism
 * (docs/decisions/006), the row writers, and the write transaction. A repository writes another
 * resource's rows only inside `write`, when a use case must be atomic.
 */
export class SqliteContext {
  readonly claims: ClaimRows;
  readonly catalogs: CatalogCache;
  readonly billingState: BillingStateReader;
  readonly documents: DocumentReader;
  readonly rows: RowWriter;
  readonly collections: CollectionWriter;
  /** Sessions and users never change once written; only a reset replaces them. */
  readonly sessions = new Map<string, SessionRecord>();
  readonly users = new Map<string, UserRecord>();

  constructor(
    readonly db: Db,
    claimPolicy: ClaimPolicy,
  ) {
    this.claims = new ClaimRows(db.$client, claimPolicy);
    this.catalogs = new CatalogCache(db);
    this.billingState = new BillingStateReader(db, this.catalogs);
    this.documents = new DocumentReader(db);
    this.rows = new RowWriter(db.$client);
    this.collections = new CollectionWriter(db.$client, this.rows);
  }

  /**
   * A write transaction, begun IMMEDIATE so that a read-modify-write never interleaves with
   * another writer; the cached billing states of the accounts it may change are dropped after
   * it, whether it committed or not.
   */
  write<T>(touches: Touches, work: (tx: Conn) => T): T {
    try {
      return this.db.transaction((tx) => work(tx), { behavior: 'immediate' });
    } finally {
      this.billingState.forget(touches);
    }
  }
}

/** The seller the documents are issued by, as the last reset set it. */
export function readSeller(tx: Conn): Seller {
  const seller = tx.select({ seller: t.system.seller }).from(t.system).get()?.seller;
  if (!seller) throw new Error('the seller is not set: reset to a scenario first');
  return seller as Seller;
}
