import type { ClaimHolder, ClaimPolicy } from '../claim-policy';
import { waitsForRecovery } from '../sqlite/claim-rows';
import type { Conn } from './connection';

type ClaimRow = Readonly<{ holder: string; owner: string; expiresAt: number }>;

// Named statements: node-postgres prepares each once per connection and reuses it.
const FIND = {
  name: 'claim-find',
  text: 'select holder, owner, expires_at as "expiresAt" from subscription_claims where subscription_id = $1',
};
const INSERT = {
  name: 'claim-insert',
  text: `insert into subscription_claims (subscription_id, holder, owner, expires_at, claimed_at)
         values ($1, $2, $3, $4, $5) on conflict (subscription_id) do nothing returning subscription_id`,
};
const DELETE = { name: 'claim-delete', text: 'delete from subscription_claims where subscription_id = $1' };
const DELETE_HELD = {
  name: 'claim-delete-held',
  text: 'delete from subscription_claims where subscription_id = $1 and holder = $2',
};
const RENEW = {
  name: 'claim-renew',
  text: 'update subscription_claims set owner = $1, expires_at = $2 where subscription_id = $3 and holder = $4',
};
const PARK = {
  name: 'claim-park',
  text: 'update subscription_claims set expires_at = $1 where subscription_id = $2 and holder = $3',
};
const HAND_OVER = {
  name: 'claim-hand-over',
  text: 'update subscription_claims set holder = $1 where subscription_id = $2 and holder = $3',
};

/**
 * One writer per subscription at a time (docs/decisions/006), in PostgreSQL's terms
 * (docs/decisions/019): the rules of SQLite's ClaimRows, unchanged. Every method runs inside the
 * caller's write transaction, which has locked the subscription's ACCOUNT row first
 * (`PgContext.write`): that lock, not one on the claim row (which may not exist), is what keeps
 * two writers from both finding the subscription free. The insert still says `on conflict do
 * nothing` so that a caller that forgot the lock fails to claim instead of failing the statement.
 */
export class PgClaimRows {
  constructor(private readonly policy: ClaimPolicy) {}

  async #find(tx: Conn, subscriptionId: string): Promise<ClaimRow | undefined> {
    return (await tx.$client.query<ClaimRow>({ ...FIND, values: [subscriptionId] })).rows[0];
  }

  async #insert(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<boolean> {
    const now = this.policy.wallNow();
    const values = [subscriptionId, holder, this.policy.owner, now + this.policy.leaseSeconds, now];
    return (await tx.$client.query({ ...INSERT, values })).rowCount === 1;
  }

  /**
   * May a one-transaction writer change the subscription now? Not while anyone holds it; a
   * collection's claim whose owner is gone is dropped (its attempt id makes the next pass charge
   * it once), but an order's or a challenge's claim whose owner is gone waits for recovery.
   */
  async isFree(tx: Conn, subscriptionId: string): Promise<boolean> {
    const claim = await this.#find(tx, subscriptionId);
    if (!claim) return true;
    if (waitsForRecovery(claim.holder) || !this.#ownerGone(claim)) return false;
    await tx.$client.query({ ...DELETE, values: [subscriptionId] });
    return true;
  }

  /** Claims the subscription for `holder`, if free. */
  async take(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<boolean> {
    if (!(await this.isFree(tx, subscriptionId))) return false;
    return this.#insert(tx, subscriptionId, holder);
  }

  /** Is the claim `holder`'s? A holder whose claim was taken over must not write. */
  async holds(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<boolean> {
    return (await this.#find(tx, subscriptionId))?.holder === holder;
  }

  async release(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<void> {
    await tx.$client.query({ ...DELETE_HELD, values: [subscriptionId, holder] });
  }

  /** Passes a held claim on to another holder of the same work; false when `from` no longer holds it. */
  async handOver(tx: Conn, subscriptionId: string, from: ClaimHolder, to: ClaimHolder): Promise<boolean> {
    return (await tx.$client.query({ ...HAND_OVER, values: [to, subscriptionId, from] })).rowCount === 1;
  }

  /**
   * Keeps the claim for `holder` while no process works on it (an order waiting for the
   * customer's bank): its lease lapses now, so whichever instance the customer's answer or a
   * recovery pass reaches may take it over, and the subscription stays held meanwhile.
   */
  async park(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<void> {
    await tx.$client.query({ ...PARK, values: [this.policy.wallNow(), subscriptionId, holder] });
  }

  /**
   * Recovery takes over an order's (or a challenge's) claim whose owner is gone: its lease
   * lapsed, or it was an earlier boot of this very instance. A missing claim is taken.
   */
  async takeOver(tx: Conn, subscriptionId: string, holder: ClaimHolder): Promise<boolean> {
    const claim = await this.#find(tx, subscriptionId);
    if (!claim) return this.#insert(tx, subscriptionId, holder);
    if (claim.holder !== holder) return false;
    if (claim.owner !== this.policy.owner && !this.#ownerGone(claim)) return false;
    const now = this.policy.wallNow();
    const values = [this.policy.owner, now + this.policy.leaseSeconds, subscriptionId, holder];
    return (await tx.$client.query({ ...RENEW, values })).rowCount === 1;
  }

  /** Its lease lapsed, or it was an earlier boot of this instance. */
  #ownerGone(claim: ClaimRow): boolean {
    return claim.expiresAt <= this.policy.wallNow() || this.#earlierBoot(claim.owner);
  }

  #earlierBoot(owner: string): boolean {
    return owner.startsWith(`${this.policy.instance}/`) && owner !== this.policy.owner;
  }
}
