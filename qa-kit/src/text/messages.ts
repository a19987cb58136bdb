import el from '@planshift/web/locales/el.json' with { type: 'json' };
import en from '@planshift/web/locales/en.json' with { type: 'json' };
import fr from '@planshift/web/locales/fr.json' with { type: 'json' };
import it from '@planshift/web/locales/it.json' with { type: 'json' };
import ro from '@planshift/web/locales/ro.json' with { type: 'json' };
import sv from '@planshift/web/locales/sv.json' with { type: 'json' };
import i18next, { type i18n } from 'i18next';

// The SPA's own messages, bundled at build: the page objects name controls as the portal does,
// in whichever of its languages the page speaks.
const MESSAGES = { en, ro, el, fr, it, sv } as const;

/** A language of the portal. */
export type PortalLocale = keyof typeof MESSAGES;
/** The portal's languages, as its language switcher lists them. */
export const PORTAL_LOCALES = Object.keys(MESSAGES) as readonly PortalLocale[];

export function isPortalLocale(value: unknown): value is PortalLocale {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

/** Values for a message's placeholders (`{{amount}}`), and `count` for its plural forms. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** One of the portal's messages in a language; an unknown key fails, so a page object never looks for a key's name. */
export type Translate = (key: string, values?: MessageValues) => string;

const instances = new Map<PortalLocale, i18n>();

function instanceFor(locale: PortalLocale): i18n {
  const known = instances.get(locale);
  if (known) return known;
  const made = i18next.createInstance();
  // Synchronous: the messages are here, and page objects name their locators without awaiting.
  void made.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: MESSAGES[locale] } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instances.set(locale, made);
  return made;
}

/** The portal's messages in a language, through i18next as the SPA renders them (plurals and numbers included). */
export function translator(locale: PortalLocale): Translate {
  const instance = instanceFor(locale);
  return (key, values) => {
    if (!instance.exists(key, values)) throw new Error(`The portal has no message "${key}" in ${locale}.`);
    return instance.t(key, values);
  };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HOLE = '\u0000';

/**
 * A message as a pattern: what the values give is matched exactly, a placeholder left out
 * matches any text. For names that hold what a test need not know ("Pay {{amount}}").
 */
export function messagePattern(locale: PortalLocale, key: string, values: MessageValues = {}): RegExp {
  const instance = instanceFor(locale);
  if (!instance.exists(key, values)) throw new Error(`The portal has no message "${key}" in ${locale}.`);
  const text = instance.t(key, { ...values, missingInterpolationHandler: () => HOLE });
  return new RegExp(`^${text.split(HOLE).map(escapeRegExp).join('.+?')}$`);
}

/** A pattern that matches any one of the messages exactly: a control named one way or another by state. */
export function anyMessagePattern(locale: PortalLocale, keys: readonly string[]): RegExp {
  const t = translator(locale);
  return new RegExp(`^(?:${keys.map((key) => escapeRegExp(t(key))).join('|')})$`);
}
