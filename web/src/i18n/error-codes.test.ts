import { LOCALES } from '@planshift/shared/account';
import { API_ERROR_CODES } from '@planshift/shared/api';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_CODES } from './reasons';

type Messages = { [key: string]: string | Messages };

const files = import.meta.glob<Messages>('./locales/*.json', { eager: true, import: 'default' });

/** The message at a dotted key, or undefined. */
function messageAt(messages: Messages | undefined, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('the error codes of the API', () => {
  it('all read in the reader’s words: failureMessage translates each of them', () => {
    expect(API_ERROR_CODES.filter((code) => !(TRANSLATED_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it.each(LOCALES)('each have a message in %s (errors.codes.<code>)', (locale) => {
    const messages = files[`./locales/${locale}.json`];
    expect(messages, `web/src/i18n/locales/${locale}.json`).toBeDefined();
    const missing = TRANSLATED_CODES.filter((code) => !messageAt(messages, `errors.codes.${code}`)?.trim());
    expect(missing).toEqual([]);
  });
});
