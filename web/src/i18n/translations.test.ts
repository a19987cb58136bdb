import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from './locales';

type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });
const messagesOf = (locale: string): Messages | undefined => files[`./locales/${locale}.json`];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every message by its dotted key. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\{[^}]+\}\}/g) ?? [])].sort();

// Words that read the same in a language as in English (a brand, an abbreviation, a loan word).
// Anything else identical to English is a string nobody translated.
const EVERYWHERE = ['Planshift'];
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  ro: ['Email', 'PDF', 'OK', 'Visa', 'Mastercard', 'American Express'],
  el: ['PDF', 'Visa', 'Mastercard', 'American Express'],
  fr: ['PDF', 'Email', 'Total', 'Options', 'Visa', 'Mastercard', 'American Express', 'Date', 'Plan', 'Description'],
  it: ['PDF', 'Email', 'Visa', 'Mastercard', 'American Express', 'Online', 'Account', 'Password', 'Plan', 'Totale'],
  sv: ['PDF', 'Visa', 'Mastercard', 'American Express', 'Status', 'Plan', 'Total', 'Start'],
};

const english = flatten(messagesOf('en') ?? {});

/** The English message a plural form is checked against: its own form where English has it, else "other". */
const englishFor = (base: string, category: string): string | undefined =>
  english.get(`${base}_${category}`) ?? english.get(`${base}_other`);

const englishBases = new Map<string, 'plural' | 'plain'>();
for (const key of english.keys()) {
  const base = key.replace(PLURAL_SUFFIX, '');
  englishBases.set(base, base === key ? 'plain' : 'plural');
}

describe.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))('the %s translation', (locale) => {
  const messages = messagesOf(locale);
  const translated = flatten(messages ?? {});
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

  it('exists', () => {
    expect(messages, `web/src/i18n/locales/${locale}.json`).toBeDefined();
  });

  it('has every key English has, with the same placeholders', () => {
    const problems: string[] = [];
    for (const [base, kind] of englishBases) {
      const keys = kind === 'plain' ? [base] : categories.map((category) => `${base}_${category}`);
      for (const key of keys) {
        const text = translated.get(key);
        const category = key.match(PLURAL_SUFFIX)?.[1] ?? '';
        const source = kind === 'plain' ? english.get(key) : englishFor(base, category);
        if (text === undefined || text.trim() === '') problems.push(`missing: ${key}`);
        else if (placeholders(text).join() !== placeholders(source ?? '').join())
          problems.push(`placeholders differ: ${key}: ${placeholders(text).join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no key English lacks, and no plural form the language does not use', () => {
    const stray = [...translated.keys()].filter((key) => {
      const base = key.replace(PLURAL_SUFFIX, '');
      if (base === key) return englishBases.get(key) !== 'plain';
      return englishBases.get(base) !== 'plural' || !categories.includes(key.match(PLURAL_SUFFIX)?.[1] as never);
    });
    expect(stray).toEqual([]);
  });

  it('translates every message (nothing left in English)', () => {
    const allowed = new Set([...EVERYWHERE, ...(SAME_AS_ENGLISH[locale] ?? [])]);
    const untranslated = [...translated].filter(([key, text]) => {
      const words = text.replace(/\{\{[^}]+\}\}/g, '').trim();
      return /\p{L}/u.test(words) && text === english.get(key) && !allowed.has(words);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});

describe('the English source', () => {
  it('has both plural forms wherever it has one', () => {
    const incomplete = [...englishBases]
      .filter(([, kind]) => kind === 'plural')
      .filter(([base]) => !english.has(`${base}_one`) || !english.has(`${base}_other`));
    expect(incomplete).toEqual([]);
  });
});
