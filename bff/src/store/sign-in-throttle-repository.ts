/** A key's recent sign-in failures and the wall time (ms) before which it may not try again. */
export type SignInThrottleRecord = Readonly<{
  key: string;
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}>;

/**
 * Sign-in throttle: failed attempts by key (an e-mail, a client address), in the database so
 * that every BFF process counts the same ones. Times are wall time in milliseconds.
 */
export interface SignInThrottleRepository {
  find(keys: readonly string[]): Promise<SignInThrottleRecord[]>;
  /** Counts a failure against each key in one transaction: `next` makes a key's record from its current one. */
  recordFailure(
    keys: readonly string[],
    next: (key: string, current: SignInThrottleRecord | null) => SignInThrottleRecord,
  ): Promise<void>;
  clear(key: string): Promise<void>;
  /** Forgets the keys whose last failure is before `before`; answers how many. */
  purge(before: number): Promise<number>;
}
