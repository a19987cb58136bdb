import type { Locale } from '@planshift/shared/account';

/** The portal's languages, in the order the language switcher lists them. */
export const SUPPORTED_LOCALES = ['en', 'ro', 'el', 'fr', 'it', 'sv'] as const satisfies readonly Locale[];

// Fails to compile when shared/ gains a locale this list lacks.
const everyLocale: Record<Exclude<Locale, (typeof SUPPORTED_LOCALES)[number]>, never> = {};
void everyLocale;

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
