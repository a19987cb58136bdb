import { describe, expect, it } from 'vitest';

// The SPA's one-way rules, read from its sources: a feature imports neither another feature nor
// the app layer; the shared layers (api, config, domain-text, i18n, ui) import no feature and not
// the app; and the BFF is reached for types only.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

type Import = Readonly<{ from: string; to: string; typeOnly: boolean }>;

const IMPORT = /^\s*import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm;

/** `./features/account/x.tsx` importing `../../api/client` imports `api/client`. */
function resolve(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const parts = from.replace(/^\.\//, '').split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const imports: Import[] = Object.entries(sources).flatMap(([file, text]) =>
  [...text.matchAll(IMPORT)].map((m) => ({
    from: file.replace(/^\.\//, ''),
    to: resolve(file, m[2] ?? ''),
    typeOnly: m[1] !== undefined,
  })),
);

const featureOf = (path: string) => (path.startsWith('features/') ? path.split('/')[1] : null);
const SHARED_LAYERS = ['api/', 'config/', 'domain-text/', 'i18n/', 'ui/'];

describe('the SPA’s import rules', () => {
  it('reads the sources', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from.startsWith('features/') && i.to.startsWith('api/'))).toBe(true);
  });

  it('a feature imports no other feature and not the app layer', () => {
    const crossing = imports.filter((i) => {
      const feature = featureOf(i.from);
      if (feature === null) return false;
      const target = featureOf(i.to);
      return (target !== null && target !== feature) || i.to.startsWith('app/');
    });
    expect(crossing).toEqual([]);
  });

  it('the shared layers import no feature and not the app layer', () => {
    const upward = imports.filter(
      (i) =>
        SHARED_LAYERS.some((layer) => i.from.startsWith(layer)) &&
        (i.to.startsWith('features/') || i.to.startsWith('app/')),
    );
    expect(upward).toEqual([]);
  });

  it('the BFF is imported for its types only', () => {
    const values = imports.filter((i) => i.to.startsWith('@planshift/bff') && !i.typeOnly);
    expect(values).toEqual([]);
  });
});
