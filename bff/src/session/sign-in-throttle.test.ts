import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { DEMO_PASSWORD, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';
import { verifyPassword } from './password';
import { ACCOUNT_RULE, afterFailure, SignInThrottle, type ThrottleRule } from './sign-in-throttle';

// Every password check is counted, to show that a throttled attempt costs no hash; and it is
// quick, so that a test may fail a hundred times (password.test.ts checks the real scrypt).
vi.mock(import('./password'), async (importOriginal) => ({
  ...(await importOriginal()),
  verifyPassword: vi.fn(async (password: string) => {
    await new Promise((resolve) => setImmediate(resolve));
    return password === 'planshift-demo';
  }),
}));
const hashes = () => vi.mocked(verifyPassword).mock.calls.length;

const demo = useDemoSystem();
let system: TestSystem;
/** Wall time as the throttle under test sees it: moved by the tests, never waited for. */
let wall: number;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  system = demo();
  wall = Date.parse('2026-06-01T09:00:00Z');
  app = createApp(system.deps, { ...system, signInThrottle: new SignInThrottle(system.store, { now: () => wall }) });
});

const MARIA = 'maria@northwind.example';

/** A sign-in through `on`, from `address` (a socket's remote address), or from no socket at all. */
async function signIn(email: string, password: string, address?: string, on = app) {
  const body = JSON.stringify({ email, password });
  const response = await on.request(
    '/api/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    },
    address ? { incoming: { socket: { remoteAddress: address } } } : undefined,
  );
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as Json,
  };
}

const wrong = (email = MARIA, address?: string) => signIn(email, 'not-the-password', address);

async function failTimes(times: number, email = MARIA, address?: string) {
  for (let i = 0; i < times; i++) expect((await wrong(email, address)).status).toBe(401);
}

describe('the delay after failures', () => {
  const rule: ThrottleRule = ACCOUNT_RULE;
  const after = (failures: number, spacingMs = 0) => {
    let record = null;
    for (let i = 0; i < failures; i++) record = afterFailure('k', record, i * spacingMs, rule);
    return record;
  };

  it('starts after five failures at one second and doubles up to fifteen minutes', () => {
    const delays = [1, 4, 5, 6, 7, 8, 14, 15, 40].map((n) => {
      const record = after(n);
      return record ? record.blockedUntil - record.lastFailureAt : null;
    });
    expect(delays).toEqual([0, 0, 1000, 2000, 4000, 8000, 512_000, 900_000, 900_000]);
  });

  it('starts over with a failure an hour after the last one', () => {
    const record = after(30);
    expect(afterFailure('k', record, 59 * 60_000, rule).failures).toBe(31);
    expect(afterFailure('k', record, 60 * 60_000, rule)).toEqual({
      key: 'k',
      failures: 1,
      lastFailureAt: 60 * 60_000,
      blockedUntil: 60 * 60_000,
    });
  });
});

describe('signing in', () => {
  it('answers 429 too_many_attempts with a growing Retry-After once an e-mail has failed five times', async () => {
    await failTimes(5);
    const retryAfters: string[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await wrong();
      expect(refused).toMatchObject({ status: 429, body: { code: 'too_many_attempts', field: null } });
      expect(refused.body.details).toEqual({ retryAfter: Number(refused.retryAfter) });
      retryAfters.push(refused.retryAfter ?? '');
      wall += Number(refused.retryAfter) * 1000;
      expect((await wrong()).status).toBe(401);
    }
    expect(retryAfters).toEqual(['1', '2', '4', '8']);
  });

  it('refuses a throttled attempt before its password is hashed', async () => {
    await failTimes(5);
    const before = hashes();
    for (let i = 0; i < 3; i++) expect((await wrong()).status).toBe(429);
    expect((await signIn(MARIA, DEMO_PASSWORD)).status).toBe(429);
    expect(hashes()).toBe(before);
  });

  it('refuses even the right password while the delay runs, and takes it once it has passed', async () => {
    await failTimes(5);
    wall += 1000;
    await failTimes(1);
    const blocked = await signIn(MARIA, DEMO_PASSWORD);
    expect(blocked).toMatchObject({ status: 429, retryAfter: '2' });
    wall += 1999;
    expect((await signIn(MARIA, DEMO_PASSWORD)).status).toBe(429);
    wall += 1;
    expect((await signIn(MARIA, DEMO_PASSWORD)).status).toBe(200);
  });

  it('starts the count again after a successful sign-in', async () => {
    await failTimes(4);
    expect((await signIn(MARIA, DEMO_PASSWORD)).status).toBe(200);
    await failTimes(5);
    expect((await wrong()).status).toBe(429);
  });

  it('is never a permanent lock: the delay stops growing at fifteen minutes, and an hour later the count starts over', async () => {
    await failTimes(5);
    let longest = 0;
    for (let i = 0; i < 20; i++) {
      const refused = await wrong();
      expect(refused.status).toBe(429);
      longest = Math.max(longest, Number(refused.retryAfter));
      wall += Number(refused.retryAfter) * 1000;
      expect((await wrong()).status).toBe(401);
    }
    expect(longest).toBe(900);
    wall += 60 * 60_000;
    await failTimes(5);
    expect((await wrong()).status).toBe(429);
    wall += 1000;
    expect((await signIn(MARIA, DEMO_PASSWORD)).status).toBe(200);
  });

  it('counts one address across accounts, and only that address', async () => {
    const attacker = '203.0.113.7';
    for (let i = 0; i < 10; i++) expect((await wrong(`nobody-${i}@example.com`, attacker)).status).toBe(401);
    expect(await wrong('someone-else@example.com', attacker)).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await signIn(MARIA, DEMO_PASSWORD, attacker)).status).toBe(429);
    // The same client over IPv4 mapped into IPv6 is the same client.
    expect((await signIn(MARIA, DEMO_PASSWORD, `::ffff:${attacker}`)).status).toBe(429);
    expect((await signIn(MARIA, DEMO_PASSWORD, '198.51.100.20')).status).toBe(200);
    // Signing in to one's own account does not reset the address: the next guess still waits.
    wall += 1000;
    expect((await signIn(MARIA, DEMO_PASSWORD, attacker)).status).toBe(200);
    expect((await wrong('nobody-x@example.com', attacker)).status).toBe(401);
    expect((await wrong('nobody-y@example.com', attacker)).status).toBe(429);
  });

  it('counts an IPv6 client by its /64', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await wrong(`nobody-${i}@example.com`, `2001:db8:7:9::${(i + 1).toString(16)}`)).status).toBe(401);
    }
    expect((await wrong('nobody@example.com', '2001:db8:7:9:ffff::1')).status).toBe(429);
    expect((await wrong('nobody@example.com', '2001:db8:7:a::1')).status).toBe(401);
  });

  it('lets no burst slip past the limit: of 20 wrong passwords at once, at most 6 are hashed', async () => {
    const before = hashes();
    const answers = await Promise.all(Array.from({ length: 20 }, () => wrong()));
    const refused = answers.filter((answer) => answer.status === 401).length;
    expect(refused).toBeGreaterThanOrEqual(5);
    // Five free failures, and one more that was in its hashing slot (two at once) beside the fifth.
    expect(refused).toBeLessThanOrEqual(6);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(20 - refused);
    expect(hashes() - before).toBe(refused);
  });

  it('keeps its counts in the database, where another BFF process sees them', async () => {
    await failTimes(5);
    // Another process: its own connection to the same database file.
    const other = await system.openAnotherStore();
    const otherStore = other.store;
    try {
      const otherProcess = createApp(
        { ...system.deps, store: otherStore },
        { signInThrottle: new SignInThrottle(otherStore, { now: () => wall }) },
      );
      expect((await signIn(MARIA, DEMO_PASSWORD, undefined, otherProcess)).status).toBe(429);
      wall += 1000;
      await failTimes(1);
      expect((await signIn(MARIA, DEMO_PASSWORD, undefined, otherProcess)).status).toBe(429);
    } finally {
      await other.close();
    }
    const rows = await system.sql.all('select key, failures from sign_in_throttle order by key');
    expect(rows).toEqual([
      { key: 'account:maria@northwind.example', failures: 6 },
      { key: 'address:unknown', failures: 6 },
    ]);
  });

  it('runs on wall time: the test clock neither locks anyone out nor lets anyone in', async () => {
    // The app's own throttle, on Date.now, with a delay no slow machine outlasts during the test.
    const long = new SignInThrottle(system.store, { account: { ...ACCOUNT_RULE, firstDelayMs: 10 * 60_000 } });
    const onWallTime = createApp(system.deps, { ...system, signInThrottle: long });
    const attempt = (password: string) => signIn(MARIA, password, undefined, onWallTime);
    for (let i = 0; i < 5; i++) expect((await attempt('not-the-password')).status).toBe(401);
    expect((await attempt(DEMO_PASSWORD)).status).toBe(429);
    const moved = await system.anonymous.json('POST', '/api/test/clock/advance', { days: 30 });
    expect(moved.status).toBe(200);
    const still = await attempt(DEMO_PASSWORD);
    expect(still.status).toBe(429);
    expect(Number(still.retryAfter)).toBeGreaterThan(500);
    await system.anonymous.json('PUT', '/api/test/clock', { at: '2020-01-01T00:00:00Z' });
    expect((await attempt(DEMO_PASSWORD)).status).toBe(429);
  });

  it('is on in the app as started', async () => {
    const statuses: number[] = [];
    // On real time a slow machine may outlast the first delays (1 s, 2 s, 4 s): by the ninth
    // attempt the wait is 8 s.
    while (statuses.length < 9 && !statuses.includes(429)) {
      statuses.push((await signIn(MARIA, 'not-the-password', undefined, system.app)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
  });
});

describe('the sweep of the throttle', () => {
  it('forgets keys whose last failure is over an hour old, and keeps the rest', async () => {
    await failTimes(3, 'old@example.com');
    wall += 61 * 60_000;
    await failTimes(1, 'recent@example.com', '198.51.100.9');
    const throttle = new SignInThrottle(system.store, { now: () => wall });
    expect(await throttle.purge()).toBe(2);
    const keys = await system.sql.all('select key from sign_in_throttle order by key');
    expect(keys).toEqual([{ key: 'account:recent@example.com' }, { key: 'address:198.51.100.9' }]);
  });
});
