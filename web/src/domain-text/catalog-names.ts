import type { Locale } from '@planshift/shared/account';
import { type Named, nameIn } from '@planshift/shared/catalog';
import type { LineItem } from '@planshift/shared/quote';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { humanise } from '../i18n/labels';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales';

/** Plan, add-on and plan-group names by id, in the language shown; unknown ids read as words. */
export type CatalogNames = Readonly<{
  plan: (id: string) => string;
  addOn: (id: string) => string;
  group: (id: string) => string;
  item: (item: LineItem) => string;
}>;

type Entry = Named & Readonly<{ id: string }>;

/** Where names come from: the catalog the options carry, or the names the account view carries. */
export type NameSource = Readonly<{
  plans: readonly Entry[];
  addOns: readonly Entry[];
  groups: readonly Entry[];
}>;

/** Names in a language, each the catalog's own for it or its English name (the catalog's fallback). */
export function catalogNames(source: NameSource, locale: Locale): CatalogNames {
  const lookup = (entries: readonly Entry[]) => {
    const byId = new Map(entries.map((entry) => [entry.id, nameIn(entry, locale)]));
    return (id: string) => byId.get(id) ?? humanise(id);
  };
  const plan = lookup(source.plans);
  const addOn = lookup(source.addOns);
  return {
    plan,
    addOn,
    group: lookup(source.groups),
    item: (item) => (item.type === 'plan' ? plan(item.id) : addOn(item.id)),
  };
}

/** The names in the portal's current language, following the language switcher. */
export function useCatalogNames(source: NameSource): CatalogNames;
export function useCatalogNames(source: NameSource | undefined): CatalogNames | undefined;
export function useCatalogNames(source: NameSource | undefined): CatalogNames | undefined {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return useMemo(() => source && catalogNames(source, locale), [source, locale]);
}
