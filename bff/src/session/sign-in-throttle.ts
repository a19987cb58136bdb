import type { SignInThrottleRecord } from '../store/sign-in-throttle-repository';
import type { Store } from '../store/store';
import type { SignInGate } from './sessions';

/**
 * How far failures may go before a key waits: `freeFailures` cost nothing, the next waits
 * `firstDelayMs`, each further one twice as long up to `longestDelayMs`. A failure more than
 * `forgetAfterMs` after the key's last one starts the count again, so a wait never lasts longer
 * than the longest delay after the attempts stop: nobody is ever locked out for good.
 */
export type ThrottleRule = Readonly<{
  freeFailures: number;
  firstDelayMs: number;
  longestDelayMs: number;
  forgetAfterMs: number;
}>;

const MINUTE = 60_000;

/** One e-mail: a person mistyping gets five tries, a guesser about four an hour once delayed. */
export const ACCOUNT_RULE: ThrottleRule = {
  freeFailures: 5,
  firstDelayMs: 1000,
  longestDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

/** One client address: more room (an office shares one), and it stops guessing across accounts. */
export const ADDRESS_RULE: ThrottleRule = { ...ACCOUNT_RULE, freeFailures: 10 };

/** A key's record after one more failure at `now` (wall time, ms). */
export function afterFailure(
  key: string,
  current: SignInThrottleRecord | null,
  now: number,
  rule: ThrottleRule,
): SignInThrottleRecord {
  const recent = current !== null && now - current.lastFailureAt < rule.forgetAfterMs;
  const failures = recent ? current.failures + 1 : 1;
  const beyond = failures - rule.freeFailures;
  const delay = beyond < 0 ? 0 : Math.min(rule.longestDelayMs, rule.firstDelayMs * 2 ** beyond);
  return { key, failures, lastFailureAt: now, blockedUntil: now + delay };
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Slows down password guessing, per account and per client address, on wall time (the test
 * clock must neither lock anyone out nor let anyone in). The counts are in the database, so
 * every BFF process sees the same ones.
 */
export class SignInThrottle {
  readonly #now: () => number;
  readonly #account: ThrottleRule;
  readonly #address: ThrottleRule;

  constructor(
    private readonly store: Store,
    options: Readonly<{ now?: () => number; account?: ThrottleRule; address?: ThrottleRule }> = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#account = options.account ?? ACCOUNT_RULE;
    this.#address = options.address ?? ADDRESS_RULE;
  }

  /** The gate one sign-in attempt passes: its e-mail's and its address's counts. */
  attempt(email: string, address: string): SignInGate {
    const account = accountKey(email);
    const keys = [account, addressKey(address)];
    const rules = new Map([
      [account, this.#account],
      [addressKey(address), this.#address],
    ]);
    return {
      retryAfterSeconds: async () => {
        const now = this.#now();
        const records = await this.store.signInThrottle.find(keys);
        const waitMs = Math.max(0, ...records.map((record) => record.blockedUntil - now));
        return Math.ceil(waitMs / 1000);
      },
      failed: () =>
        this.store.signInThrottle.recordFailure(keys, (key, current) =>
          afterFailure(key, current, this.#now(), rules.get(key) ?? this.#account),
        ),
      // Only the account's count: signing in to one's own account between guesses at others must
      // not reset the address's.
      succeeded: () => this.store.signInThrottle.clear(account),
    };
  }

  /** Forgets keys whose last failure no rule remembers any more. */
  purge(): Promise<number> {
    const forgetAfter = Math.max(this.#account.forgetAfterMs, this.#address.forgetAfterMs);
    return this.store.signInThrottle.purge(this.#now() - forgetAfter);
  }
}
