import { createHash, randomBytes } from 'node:crypto';
import type { Instant } from '@planshift/shared/periods';
import type { SessionRecord, UserRecord } from '../store/records';
import type { Store } from '../store/store';
import { UNUSABLE_PASSWORD_HASH, verifyPassword, withHashingSlot } from './password';

/** Sessions run on wall time, not the billing clock: moving the test clock must not sign anyone out. */
const SESSION_SECONDS = 7 * 24 * 3600;

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

export type SignedIn = Readonly<{ sessionId: string; session: SessionRecord; user: UserRecord }>;

/** What stands between a sign-in and its password check: the throttle (sign-in-throttle.ts). */
export type SignInGate = Readonly<{
  /** 0 when the attempt may go ahead; otherwise how long to wait. */
  retryAfterSeconds: () => Promise<number>;
  failed: () => Promise<void>;
  succeeded: () => Promise<void>;
}>;

export type SignInOutcome =
  | (Readonly<{ kind: 'signed_in' }> & SignedIn)
  | Readonly<{ kind: 'refused' }>
  | Readonly<{ kind: 'throttled'; retryAfterSeconds: number }>;

/**
 * Checks the password and opens a session; unknown e-mails cost the same time as wrong passwords.
 * A throttled attempt is refused before its password is hashed.
 */
/** Signs in at `now` (wall time: the session's expiry). */
export async function signIn(
  store: Store,
  email: string,
  password: string,
  gate: SignInGate,
  now: Instant,
): Promise<SignInOutcome> {
  // Asked before waiting for a hashing slot, so that a flood of refused attempts does not queue
  // ahead of anyone; and asked again in the slot, where at most HASHES_AT_ONCE attempts are
  // between the check and the count of their failure: a burst cannot slip past the limit.
  const early = await gate.retryAfterSeconds();
  if (early > 0) return { kind: 'throttled', retryAfterSeconds: early };
  const checked = await withHashingSlot(async () => {
    const retryAfterSeconds = await gate.retryAfterSeconds();
    if (retryAfterSeconds > 0) return { kind: 'throttled', retryAfterSeconds } as const;
    const user = await store.sessions.findUserByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH);
    if (!user || !valid) {
      await gate.failed();
      return { kind: 'refused' } as const;
    }
    await gate.succeeded();
    return { kind: 'valid', user } as const;
  });
  if (checked.kind !== 'valid') return checked;
  const { user } = checked;
  const sessionId = randomBytes(32).toString('base64url');
  const session: SessionRecord = {
    idHash: hashSessionId(sessionId),
    userId: user.id,
    accountId: user.accountId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: now + SESSION_SECONDS,
  };
  await store.sessions.create(session);
  return { kind: 'signed_in', sessionId, session, user };
}

export const canManageBilling = (user: UserRecord) => user.role === 'owner' || user.role === 'billing_admin';
