import type { Locale } from '@planshift/shared/account';
import { useEffect } from 'react';
import { i18next } from './i18n';
import { browserLocale, usePickedLocale } from './locale-preference';
import { DEFAULT_LOCALE } from './locales';

/**
 * The language the portal speaks: the one picked in the switcher, else the signed-in account's,
 * else the browser's first language the portal speaks, else English. Keeps i18next (and so `<html lang>`) on it.
 */
export function useActiveLocale(accountLocale: Locale | undefined): Locale {
  const picked = usePickedLocale();
  const locale = picked ?? accountLocale ?? browserLocale() ?? DEFAULT_LOCALE;
  useEffect(() => {
    if (i18next.language !== locale) void i18next.changeLanguage(locale);
  }, [locale]);
  return locale;
}
