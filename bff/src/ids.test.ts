import { describe, expect, it } from 'vitest';
import { uuidV7 } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  it('is a version 7 UUID whose first 48 bits are the millisecond, in order across milliseconds', () => {
    const ms = Date.parse('2026-07-01T12:00:00.123Z');
    const ids = [uuidV7(ms), uuidV7(ms), uuidV7(ms + 1), uuidV7(ms), uuidV7(ms + 4096)];
    for (const id of ids) expect(id).toMatch(V7);
    expect(ids.map((id) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16))).toEqual([
      ms,
      ms,
      ms + 1,
      ms,
      ms + 4096,
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort().slice(-2)).toEqual([ids[2], ids[4]]);
  });
});
