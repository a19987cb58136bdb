import { describe, expect, it } from 'vitest';
import { isoOf } from './instant';

describe('an instant for the clock routes', () => {
  it('is taken as ISO 8601, a Date or Unix seconds', () => {
    expect(isoOf('2026-12-01T00:00:00+01:00')).toBe('2026-11-30T23:00:00.000Z');
    expect(isoOf(new Date(Date.UTC(2026, 11, 3)))).toBe('2026-12-03T00:00:00.000Z');
    expect(isoOf(Date.UTC(2026, 10, 28, 12) / 1000)).toBe('2026-11-28T12:00:00.000Z');
  });

  it('refuses what is no instant', () => {
    expect(() => isoOf('next tuesday')).toThrow('Not an instant');
    expect(() => isoOf(1.5)).toThrow('whole number');
  });
});
