import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserLocale, getPickedLocale } from './locale-preference';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from './locales';
import en from './locales/en.json';

// English ships in the main bundle (it is every key's fallback); any other locale file added to
// ./locales is split into its own chunk and fetched when that language is chosen.
const lazyLocales = import.meta.glob<{ default: ResourceKey }>(['./locales/*.json', '!./locales/en.json']);

const localeFiles: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    if (language === 'en') return callback(null, en);
    const load = lazyLocales[`./locales/${language}.json`];
    if (!load) return callback(null, {}); // not translated yet: every key falls back to English
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next
  .use(localeFiles)
  .use(initReactI18next)
  .init({
    lng: getPickedLocale() ?? browserLocale() ?? DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: SUPPORTED_LOCALES,
    load: 'currentOnly',
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    returnNull: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });

export { i18next };
