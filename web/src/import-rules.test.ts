import { describe, expect, it } from 'vitest';

// The SPA's one-way rules, read from its sources: a feature imports neither another feature nor
// the app layer; the shared layers (api, config, domain-text, i18n, ui) import no feature and not
// the app; and the BFF is reached only for the type of its API (AppType), nothing that runs.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

type Import = Readonly<{ from: string; to: string; typeOnly: boolean }>;

// `import … from`, `export … from` and bare `import '…'`; then `import('…')`, which loads code too.
const STATIC = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\bfrom\s+)?'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

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

const imports: Import[] = Object.entries(sources).flatMap(([file, text]) => {
  const from = file.replace(/^\.\//, '');
  return [
    ...[...text.matchAll(STATIC)].map((m) => ({ from, to: resolve(file, m[2] ?? ''), typeOnly: m[1] !== undefined })),
    ...[...text.matchAll(DYNAMIC)].map((m) => ({ from, to: resolve(file, m[1] ?? ''), typeOnly: false })),
  ];
});

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

  it('the BFF is imported only as the type of its API, from @planshift/bff/app-type', () => {
    const bff = imports.filter((i) => i.to === '@planshift/bff' || i.to.startsWith('@planshift/bff/'));
    expect(bff.length).toBeGreaterThan(0);
    expect(bff.filter((i) => i.to !== '@planshift/bff/app-type' || !i.typeOnly)).toEqual([]);
  });

  it('reads every kind of import the rules must see', () => {
    expect(imports).toContainEqual({ from: 'api/client.ts', to: '@planshift/bff/app-type', typeOnly: true });
    expect(imports).toContainEqual({ from: 'main.tsx', to: 'i18n/i18n', typeOnly: false });
    expect(imports).toContainEqual({
      from: 'app/router.tsx',
      to: 'features/change-plan/done-page',
      typeOnly: false,
    });
  });
});
