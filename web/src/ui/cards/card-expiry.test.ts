import { describe, expect, it } from 'vitest';
import { parseExpiry } from './card-expiry';

describe('reading a card’s expiry as typed', () => {
  it.each([
    ['12/29', { expMonth: 12, expYear: 29 }],
    ['1/2030', { expMonth: 1, expYear: 2030 }],
    [' 07 / 31 ', { expMonth: 7, expYear: 31 }],
    ['0829', { expMonth: 8, expYear: 29 }],
    ['13/29', { expMonth: 13, expYear: 29 }],
  ])('reads %s', (text, expiry) => {
    expect(parseExpiry(text)).toEqual(expiry);
  });

  it.each(['', '12', '12/2', 'ab/cd', '12/29/1'])('cannot read %j', (text) => {
    expect(parseExpiry(text)).toBeNull();
  });
});
