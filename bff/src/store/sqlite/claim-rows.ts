import type Database from 'better-sqlite3';
import type { ClaimHolder, ClaimPolicy } from '../claim-policy';

type ClaimRow = Readonly<{ holder: string; owner: string; expiresAt: number }>;

/**
 * One writer per subscription at a time (docs/decisions/006). Every method runs inside the
 * caller's write transaction, which SQLite serialises (BEGIN IMMEDIATE); PostgreSQL gets the same
 * from `select … for update` on the claim row. A writer that finishes inside one transaction asks
 * `isFree`; a writer that calls the card processor in between `take`s a claim, which lives until
 * it `release`s it in the transaction that records the outcome.
 */
export class ClaimRows {
  readonly #find;
  readonly #insert;
  readonly #delete;
  readonly #deleteHeld;
  readonly #renew;
  readonly #handOver;
  readonly #claimedAmong;
  readonly #heldAmong;
  readonly #releaseAll;

  constructor(
    sqlite: Database.Database,
    private readonly policy: ClaimPolicy,
  ) {
    this.#find = sqlite.prepare<[string], ClaimRow>(
      'select holder, owner, expires_at as expiresAt from subscription_claims where subscription_id = ?',
    );
    this.#insert = sqlite.prepare<[string, string, string, number, number]>(
      `insert into subscription_claims (subscription_id, holder, owner, expires_at, claimed_at) values (?, ?, ?, ?, ?)`,
    );
    this.#delete = sqlite.prepare<[string]>('delete from subscription_claims where subscription_id = ?');
    this.#deleteHeld = sqlite.prepare<[string, string]>(
      'delete from subscription_claims where subscription_id = ? and holder = ?',
    );
    this.#renew = sqlite.prepare<[string, number, string]>(
      'update subscription_claims set owner = ?, expires_at = ? where subscription_id = ?',
    );
    this.#handOver = sqlite.prepare<[string, string, string]>(
      'update subscription_claims set holder = ? where subscription_id = ? and holder = ?',
    );
    this.#claimedAmong = sqlite
      .prepare<[string], string>(
        'select subscription_id from subscription_claims where subscription_id in (select value from json_each(?))',
      )
      .pluck();
    this.#heldAmong = sqlite
      .prepare<[string, string], string>(
        `select subscription_id from subscription_claims
         where holder = ? and subscription_id in (select value from json_each(?))`,
      )
      .pluck();
    this.#releaseAll = sqlite.prepare<[string, string]>(
      'delete from subscription_claims where holder = ? and subscription_id in (select value from json_each(?))',
    );
  }

  /**
   * May a one-transaction writer change the subscription now? Not while anyone holds it; a
   * collection's claim whose owner is gone is dropped (its attempt id makes the next pass charge
   * it once), but an order's or a challenge's claim whose owner is gone waits for recovery, which
   * alone may finish that order or that payment.
   */
  isFree(subscriptionId: string): boolean {
    const claim = this.#find.get(subscriptionId);
    if (!claim) return true;
    if (waitsForRecovery(claim.holder) || !this.#ownerGone(claim)) return false;
    this.#delete.run(subscriptionId);
    return true;
  }

  /**
   * Which of the subscriptions have a claim row, in one statement: a batch asks `isFree` only of
   * those (the others are free), rather than one statement per subscription.
   */
  claimedAmong(subscriptionIds: readonly string[]): Set<string> {
    return new Set(subscriptionIds.length === 0 ? [] : this.#claimedAmong.all(JSON.stringify(subscriptionIds)));
  }

  /** Claims the subscription for `holder`, if free. */
  take(subscriptionId: string, holder: ClaimHolder): boolean {
    if (!this.isFree(subscriptionId)) return false;
    const now = this.policy.wallNow();
    this.#insert.run(subscriptionId, holder, this.policy.owner, now + this.policy.leaseSeconds, now);
    return true;
  }

  /**
   * Claims for `holder` those of the subscriptions that are free (as `take`, each), answering
   * them: a batch's claims in one look-up, and a row each for those it takes.
   */
  takeAll(subscriptionIds: readonly string[], holder: ClaimHolder): Set<string> {
    const ids = [...new Set(subscriptionIds)];
    const claimed = this.claimedAmong(ids);
    const now = this.policy.wallNow();
    const taken = new Set<string>();
    for (const id of ids) {
      if (claimed.has(id) && !this.isFree(id)) continue;
      this.#insert.run(id, holder, this.policy.owner, now + this.policy.leaseSeconds, now);
      taken.add(id);
    }
    return taken;
  }

  /** Which of the subscriptions `holder` holds (as `holds`, each), in one statement. */
  heldAmong(subscriptionIds: readonly string[], holder: ClaimHolder): Set<string> {
    if (subscriptionIds.length === 0) return new Set();
    return new Set(this.#heldAmong.all(holder, JSON.stringify(subscriptionIds)));
  }

  /** Releases `holder`'s claims on the subscriptions (as `release`, each), in one statement. */
  releaseAll(subscriptionIds: readonly string[], holder: ClaimHolder): void {
    if (subscriptionIds.length > 0) this.#releaseAll.run(holder, JSON.stringify(subscriptionIds));
  }

  /** Is the claim `holder`'s? A holder whose claim was taken over must not write. */
  holds(subscriptionId: string, holder: ClaimHolder): boolean {
    return this.#find.get(subscriptionId)?.holder === holder;
  }

  release(subscriptionId: string, holder: ClaimHolder): void {
    this.#deleteHeld.run(subscriptionId, holder);
  }

  /**
   * Passes a held claim on to another holder of the same work (a collection whose payment now
   * waits for the customer's bank becomes that challenge's); false when `from` no longer holds it.
   */
  handOver(subscriptionId: string, from: ClaimHolder, to: ClaimHolder): boolean {
    return this.#handOver.run(to, subscriptionId, from).changes === 1;
  }

  /**
   * Recovery takes over an order's (or a challenge's) claim whose owner is gone: its lease lapsed,
   * or it was an earlier boot of this very instance. A missing claim (an order from before claims)
   * is taken.
   */
  takeOver(subscriptionId: string, holder: ClaimHolder): boolean {
    const claim = this.#find.get(subscriptionId);
    const now = this.policy.wallNow();
    if (!claim) {
      this.#insert.run(subscriptionId, holder, this.policy.owner, now + this.policy.leaseSeconds, now);
      return true;
    }
    if (claim.holder !== holder) return false;
    if (claim.owner !== this.policy.owner && !this.#ownerGone(claim)) return false;
    this.#renew.run(this.policy.owner, now + this.policy.leaseSeconds, subscriptionId);
    return true;
  }

  /**
   * Its lease lapsed, or it was an earlier boot of this instance: a restart must not leave the
   * subscriptions its predecessor was charging blocked for a whole lease.
   */
  #ownerGone(claim: ClaimRow): boolean {
    return claim.expiresAt <= this.policy.wallNow() || this.#earlierBoot(claim.owner);
  }

  #earlierBoot(owner: string): boolean {
    return owner.startsWith(`${this.policy.instance}/`) && owner !== this.policy.owner;
  }
}

export const orderHolder = (orderId: string): ClaimHolder => `order:${orderId}`;
export const collectionHolder = (): ClaimHolder => `collection:${crypto.randomUUID()}`;
export const challengeHolder = (challengeId: string): ClaimHolder => `challenge:${challengeId}`;

/** Work that only recovery may end: an order, or a payment waiting for the customer's bank. */
export function waitsForRecovery(holder: string): boolean {
  return holder.startsWith('order:') || holder.startsWith('challenge:');
}
