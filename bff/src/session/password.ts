import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import pLimit from 'p-limit';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// scrypt with N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per hash, so
// guessing is expensive while sign-in stays quick. The parameters travel with each hash.
const N = 2 ** 15;

/**
 * How hard a hash is to compute: 'standard' (N above) for every account; 'quick' (N = 2^10, a
 * 32nd of the work) only for the in-process test systems, whose published passwords it protects
 * nothing to hash slowly and whose thousand sign-ins a run would spend minutes of CPU on
 * (docs/decisions/032).
 */
export type HashCost = 'standard' | 'quick';
const N_OF: Readonly<Record<HashCost, number>> = { standard: N, quick: 2 ** 10 };
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export function hashPassword(password: string, cost: HashCost = 'standard'): string {
  const salt = randomBytes(16);
  const n = N_OF[cost];
  const key = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, { N: n, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// scrypt runs on libuv's thread pool, which file writes (the mailbox, PDFs)
// and DNS share: a burst of sign-ins queued there holds up every confirm behind it. So at most
// this many hashes run at once; the rest wait here, in JavaScript, leaving the pool's other
// threads (npm start sizes it to 8) to everything else.
const HASHES_AT_ONCE = 2;
const hashingSlots = pLimit(HASHES_AT_ONCE);

/** Runs `work` (which hashes a password) when fewer than HASHES_AT_ONCE hashes are running. */
export function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  return hashingSlots(work);
}

/** How many hashes are running and how many wait for a slot. */
export const hashingLoad = (): Readonly<{ running: number; waiting: number }> => ({
  running: hashingSlots.activeCount,
  waiting: hashingSlots.pendingCount,
});

/**
 * Verifies off the event loop (libuv's pool), so sign-ins do not stall other requests. Call it
 * inside withHashingSlot.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, to spend the same time when the e-mail is unknown: verifying
 * against it runs the same scrypt as against a real one. A random key rather than the hash of a
 * random password, so that no scrypt runs when the BFF starts (about 100 ms of its start-up).
 */
export const UNUSABLE_PASSWORD_HASH = [
  'scrypt',
  N,
  R,
  P,
  randomBytes(16).toString('base64url'),
  randomBytes(KEY_LENGTH).toString('base64url'),
].join('$');
