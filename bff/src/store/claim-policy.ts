import { hostname } from 'node:os';
import { wallNow } from '../clock';
import type { ClaimPolicy } from './store';

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
