import type { ConfirmationView } from '@planshift/shared/api';

// sessionStorage keeps these for the tab: a reload of the result page, or a retry of Confirm,
// finds them; another tab does not. A Map stands in where storage is disabled.
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

const keyFor = (quoteId: string) => `planshift.change.idempotency-key.${quoteId}`;
const confirmationFor = (changeId: string) => `planshift.change.confirmation.${changeId}`;
const authenticationFor = (challengeId: string) => `planshift.change.authentication.${challengeId}`;

/** A confirm whose payment waits for the customer's bank: the request to send again once they are back. */
export type PendingConfirm = Readonly<{ quoteId: string; idempotencyKey: string }>;

/** Kept while the customer is at the bank's page: on their return the same request gives the outcome. */
export function keepAuthentication(challengeId: string, pending: PendingConfirm): void {
  write(authenticationFor(challengeId), JSON.stringify(pending));
}

export function keptAuthentication(challengeId: string): PendingConfirm | null {
  const text = read(authenticationFor(challengeId));
  if (!text) return null;
  try {
    return JSON.parse(text) as PendingConfirm;
  } catch {
    return null;
  }
}

export function forgetAuthentication(challengeId: string): void {
  write(authenticationFor(challengeId), null);
}

/**
 * The Idempotency-Key for confirming one quote, made on the first Confirm and reused by every
 * retry (a double click, a timeout, a reload), so the server charges once.
 */
export function idempotencyKeyFor(quoteId: string): string {
  const kept = read(keyFor(quoteId));
  if (kept) return kept;
  const fresh = crypto.randomUUID();
  write(keyFor(quoteId), fresh);
  return fresh;
}

/** Forgets a quote's key once its answer is final: a new attempt (after a decline) is a new intent. */
export function forgetIdempotencyKey(quoteId: string): void {
  write(keyFor(quoteId), null);
}

export function keepConfirmation(confirmation: ConfirmationView): void {
  write(confirmationFor(confirmation.changeId), JSON.stringify(confirmation));
}

export function keptConfirmation(changeId: string): ConfirmationView | null {
  const text = read(confirmationFor(changeId));
  if (!text) return null;
  try {
    return JSON.parse(text) as ConfirmationView;
  } catch {
    return null;
  }
}
