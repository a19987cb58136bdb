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
import { PreparedRows } from './prepared-rows';
import { RowWriter } from './row-writer';

/** One use case's share of a grouped commit: its work, and how its caller hears the outcome. */
type GroupedWrite = Readonly<{
  touches: Touches;
  work: (tx: Conn) => unknown;
  durable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}>;

/** Whose cached billing state a write transaction may change: the accounts named, or any. */
export type Touches = readonly string[] | typeof ANY_ACCOUNT;
export const ANY_ACCOUNT = 'any account';

/** Every account a group of writes may change. */
const touchedBy = (group: readonly GroupedWrite[]): Touches =>
  group.some((w) => w.touches === ANY_ACCOUNT) ? ANY_ACCOUNT : group.flatMap((w) => w.touches as readonly string[]);

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
  /** Statements of the confirm path, built once by their shape. */
  readonly prepared: PreparedRows;
  /** Sessions and users never change once written; only a reset replaces them. */
  readonly sessions = new Map<string, SessionRecord>();
  readonly users = new Map<string, UserRecord>();
  /** Writes waiting for the next grouped commit (`writeGrouped`). */
  #group: GroupedWrite[] = [];

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
    this.prepared = new PreparedRows(db);
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

  /**
   * A write of its own, atomic as with `write`, committed together with the other grouped writes
   * asked for in the same turn of the event loop (docs/decisions/030): one transaction, one
   * commit — its page writes, and with `durable` its fsync — shared. Resolves once committed;
   * with `durable` the commit is made with synchronous=FULL, on disk even through a power cut (a
   * claim before its charge). When one of them throws, the group is undone and each is made
   * again in a transaction of its own, so that only the one that throws fails.
   */
  writeGrouped<T>(touches: Touches, work: (tx: Conn) => T, options: Readonly<{ durable?: boolean }> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.#group.length === 0) setImmediate(() => this.#commitGroup());
      this.#group.push({
        touches,
        work,
        durable: options.durable ?? false,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
    });
  }

  /** The seller the documents are issued by, as the last reset set it (readSeller, prepared). */
  seller(): Seller {
    return sellerOf(this.prepared.find(t.system, {}));
  }

  #commitGroup(): void {
    const group = this.#group;
    this.#group = [];
    let values: unknown[];
    try {
      values = this.#durably(
        group.some((w) => w.durable),
        () => this.write(touchedBy(group), (tx) => group.map((w) => w.work(tx))),
      );
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // Savepoints per write would copy the pages each changes to a statement journal: the rare failure pays instead.
      for (const w of group) {
        try {
          w.resolve(this.#durably(w.durable, () => this.write(w.touches, w.work)));
        } catch (alone) {
          w.reject(alone);
        }
      }
      return;
    }
    for (const [i, w] of group.entries()) w.resolve(values[i]);
  }

  #durably<T>(durable: boolean, commit: () => T): T {
    if (!durable) return commit();
    this.db.$client.pragma('synchronous = FULL');
    try {
      return commit();
    } finally {
      this.db.$client.pragma('synchronous = NORMAL');
    }
  }
}

/** The seller the documents are issued by, as the last reset set it. */
export function readSeller(tx: Conn): Seller {
  return sellerOf(tx.select({ seller: t.system.seller }).from(t.system).get());
}

function sellerOf(row: Readonly<{ seller: unknown }> | undefined): Seller {
  const seller = row?.seller;
  if (!seller) throw new Error('the seller is not set: reset to a scenario first');
  return seller as Seller;
}
