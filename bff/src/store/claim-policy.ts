import { hostname } from 'node:os';
import type { Instant } from '@planshift/shared/periods';
import { wallNow } from '../clock';

/**
 * What holds a subscription while the card processor is called (docs/decisions/006): an order,
 * a collection, or an invoice payment waiting for the customer's authentication (a challenge).
 */
export type ClaimHolder = `order:${string}` | `collection:${string}` | `challenge:${string}`;

/** Who takes claims and for how long: one per BFF process. */
export type ClaimPolicy = Readonly<{
  /** Stable across restarts of the same instance (INSTANCE_ID): its earlier boots' claims are known dead. */
  instance: string;
  /** `<instance>/<boot>`, new for every process. */
  owner: string;
  /** How long a claim holds without its owner finishing, in wall-clock seconds. */
  leaseSeconds: number;
  wallNow: () => Instant;
}>;

/** Long enough for any processor call to be answered; a crashed owner's claims lapse after it. */
export const DEFAULT_CLAIM_LEASE_SECONDS = 120;

/**
 * This process's claim identity: its instance (stable across restarts, unique among running
 * instances) and a boot id of its own, so that a restarted instance recognises the claims its
 * earlier boot left and recovers them at once instead of waiting for their lease.
 */
export function localClaimPolicy(
  options: Readonly<{ instance?: string; leaseSeconds?: number; wallNow?: () => number }> = {},
): ClaimPolicy {
  const instance = options.instance ?? `${hostname()}:${process.pid}`;
  return {
    instance,
    owner: `${instance}/${crypto.randomUUID()}`,
    leaseSeconds: options.leaseSeconds ?? DEFAULT_CLAIM_LEASE_SECONDS,
    wallNow: options.wallNow ?? wallNow,
  };
}
