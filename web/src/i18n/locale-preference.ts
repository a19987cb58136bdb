import type { Locale } from '@planshift/shared/account';
import { useSyncExternalStore } from 'react';
import { isLocale } from './locales';

// The language the person picked in the switcher, kept on this device; it wins over the account's.
const STORAGE_KEY = 'planshift.locale';
const listeners = new Set<() => void>();

function read(): Locale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage disabled: the account's language applies
  }
}

let picked: Locale | null = read();

export function getPickedLocale(): Locale | null {
  return picked;
}

export function pickLocale(locale: Locale): void {
  picked = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts until the page is reloaded
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The picked language, or null while the person has not picked one. */
export function usePickedLocale(): Locale | null {
  return useSyncExternalStore(subscribe, getPickedLocale);
}

/** The first of the browser's languages the portal speaks ("fr-CA" → French): the choice before any other is known. */
export function browserLocale(): Locale | null {
  for (const tag of navigator.languages ?? []) {
    const language = tag.split('-')[0]?.toLowerCase();
    if (isLocale(language)) return language;
  }
  return null;
}
