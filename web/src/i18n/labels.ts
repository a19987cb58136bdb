import type { TFunction } from 'i18next';

/** An id as words, for ids nobody has translated yet: `meeting_minutes` → "Meeting minutes". */
export function humanise(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Limit and feature ids come from the catalogs, which grow without the SPA: known ids have a
// key, unknown ones read as words. The only place that builds keys at run time.
const looseT = (t: TFunction, key: string, fallback: string): string =>
  (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });

export const limitLabel = (t: TFunction, id: string): string => looseT(t, `entitlements.limits.${id}`, humanise(id));

export const featureLabel = (t: TFunction, id: string): string =>
  looseT(t, `entitlements.features.${id}`, humanise(id));

export const cardBrandLabel = (t: TFunction, brand: string): string =>
  looseT(t, `cardBrands.${brand}`, humanise(brand));
