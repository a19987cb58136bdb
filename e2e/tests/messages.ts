import { readFile } from 'node:fs/promises';
import i18next, { type TFunction } from 'i18next';

/** The portal's own messages for a language, through i18next as the SPA uses them. */
export async function translator(locale: string): Promise<TFunction> {
  const file = new URL(`../../web/src/i18n/locales/${locale}.json`, import.meta.url);
  const messages = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: locale,
    resources: { [locale]: { translation: messages } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}
