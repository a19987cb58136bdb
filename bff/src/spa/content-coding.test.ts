import { describe, expect, it } from 'vitest';
import { type Compression, type ContentCoding, chooseContentCoding } from './content-coding';

const both: ReadonlySet<Compression> = new Set(['br', 'gzip']);
const gzipOnly: ReadonlySet<Compression> = new Set(['gzip']);
const none: ReadonlySet<Compression> = new Set();

type Case = readonly [acceptEncoding: string | undefined, held: ReadonlySet<Compression>, sent: ContentCoding | null];

// Each rule with the Accept-Encoding values that show it, and the coding that must be sent.
const rules: Readonly<Record<string, readonly Case[]>> = {
  'prefers brotli, then gzip, then identity among equally acceptable codings': [
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['deflate, zstd', both, 'identity'],
    ['br, gzip', gzipOnly, 'gzip'],
    ['br, gzip', none, 'identity'],
  ],
  'sends identity without the header, and with an empty one': [
    [undefined, both, 'identity'],
    ['', both, 'identity'],
  ],
  'honours q-values: the highest wins, whatever our preference': [
    ['br;q=0.5, gzip;q=0.8', both, 'gzip'],
    ['br;q=0.9, gzip', both, 'gzip'],
    ['br;q=0.1, identity;q=0.5', both, 'identity'],
    ['gzip;q=0.3, br;q=0.3', both, 'br'],
  ],
  'never sends a coding given q=0': [
    ['br;q=0, gzip', both, 'gzip'],
    ['br;q=0, gzip;q=0', both, 'identity'],
    ['gzip;q=0, *', both, 'br'],
    ['br;q=0.000, gzip;q=0.001', both, 'gzip'],
  ],
  'answers null when identity is refused and nothing acceptable is held': [
    ['identity;q=0', both, null],
    ['*;q=0', both, null],
    ['br, identity;q=0', gzipOnly, null],
    ['br, identity;q=0', both, 'br'],
    ['*;q=0, identity', both, 'identity'],
  ],
  'lets `*` stand for every coding not named': [
    ['*', both, 'br'],
    ['br;q=0.2, *;q=0.5', both, 'gzip'],
    ['*;q=0.5, identity', both, 'identity'],
  ],
  'reads coding names case-insensitively, and x-gzip as gzip': [
    ['BR', both, 'br'],
    ['x-gzip', both, 'gzip'],
    ['GZip;Q=0.5, br;q=0.4', both, 'gzip'],
  ],
};

describe('chooseContentCoding', () => {
  for (const [rule, cases] of Object.entries(rules)) {
    it(rule, () => {
      for (const [acceptEncoding, held, sent] of cases) {
        expect(chooseContentCoding(acceptEncoding, held), `${acceptEncoding} with ${[...held]}`).toBe(sent);
      }
    });
  }
});
