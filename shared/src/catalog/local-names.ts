import type { Locale } from '../account/locale';
import type { Catalog } from './catalog';

/**
 * A catalog entry's name in the portal's other languages. The entry's `name` is the English one
 * and the fallback: a language the catalog leaves out (a brand name that stays the same, a
 * catalog not yet translated) reads the English name.
 */
export type LocalNames = Readonly<Partial<Record<Locale, string>>>;

/** Anything the catalog names: a plan, an add-on, a plan group, the catalog itself. */
export type Named = Readonly<{ name: string; names?: LocalNames }>;

/** The entry's name in a language, or its English name when the catalog has none for it. */
export function nameIn(entry: Named, locale: Locale): string {
  return entry.names?.[locale] ?? entry.name;
}

/** Every plan's and add-on's name by id in a language: what a document prints on its lines. */
export function itemNames(catalog: Catalog, locale: Locale): Record<string, string> {
  return Object.fromEntries([...catalog.plans, ...catalog.addOns].map((item) => [item.id, nameIn(item, locale)]));
}

/** Every plan's and add-on's names by id in every language the catalog gives (for e-mails composed later). */
export function namedItems(catalog: Catalog): Record<string, Named> {
  return Object.fromEntries(
    [...catalog.plans, ...catalog.addOns].map((item) => [item.id, { name: item.name, names: item.names ?? {} }]),
  );
}
