import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestSystem } from '../testing/test-system';
import { hashingLoad, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('verify against their own hash only', async () => {
    const stored = hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });

  it('are hashed with N = 2^15 unless a test system asks for quick hashes, which verify the same way', async () => {
    expect(hashPassword('correct horse').split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '1']);
    const quick = hashPassword('correct horse', 'quick');
    expect(quick.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(await verifyPassword('correct horse', quick)).toBe(true);
    expect(await verifyPassword('correct horsE', quick)).toBe(false);
  });

  it('are hashed at most two at once, however many sign-ins arrive together', async () => {
    const system = await startTestSystem();
    try {
      const attempts = Array.from({ length: 8 }, (_, i) =>
        system.anonymous.json('POST', '/api/session', { email: `nobody-${i}@example.com`, password: 'wrong-password' }),
      );
      let settled = false;
      const done = Promise.all(attempts).finally(() => {
        settled = true;
      });
      let mostRunning = 0;
      let mostWaiting = 0;
      while (!settled) {
        const { running, waiting } = hashingLoad();
        mostRunning = Math.max(mostRunning, running);
        mostWaiting = Math.max(mostWaiting, waiting);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await done).map((answer) => answer.status)).toEqual(Array(8).fill(401));
      expect(mostRunning).toBe(2);
      expect(mostWaiting).toBeGreaterThan(0);
      expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await system.dispose();
    }
  });

  it('leave libuv’s pool room for file writes: npm start and npm run dev size it before it is used', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(scripts.start).toMatch(/^UV_THREADPOOL_SIZE=8 node /);
    expect(scripts.dev).toMatch(/^UV_THREADPOOL_SIZE=8 /);
  });
});
