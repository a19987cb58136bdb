import { createHash, randomBytes } from 'node:crypto';
import type { SessionRecord, UserRecord } from '../store/records';
import type { Store } from '../store/store';
import { UNUSABLE_PASSWORD_HASH, verifyPassword, withHashingSlot } from './password';

/** Sessions run on wall time, not the billing clock: moving the test clock must not sign anyone out. */
const SESSION_SECONDS = 7 * 24 * 3600;

export const wallClock = () => Math.floor(Date.now() / 1000);

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url');
}

export type SignedIn = Readonly<{ sessionId: string; session: SessionRecord; user: UserRecord }>;

/** Checks the password and opens a session; unknown e-mails cost the same time as wrong passwords. */
export async function signIn(store: Store, email: string, password: string): Promise<SignedIn | null> {
  const user = await store.findUserByEmail(email);
  const valid = await withHashingSlot(() => verifyPassword(password, user?.passwordHash ?? UNUSABLE_PASSWORD_HASH));
  if (!user || !valid) return null;
  const sessionId = randomBytes(32).toString('base64url');
  const now = wallClock();
  const session: SessionRecord = {
    idHash: hashSessionId(sessionId),
    userId: user.id,
    accountId: user.accountId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: now + SESSION_SECONDS,
  };
  await store.createSession(session);
  return { sessionId, session, user };
}

export const canManageBilling = (user: UserRecord) => user.role === 'owner' || user.role === 'billing_admin';
