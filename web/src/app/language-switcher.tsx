import type { Locale } from '@planshift/shared/account';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../i18n/locale-preference';
import { isLocale, SUPPORTED_LOCALES } from '../i18n/locales';

// Each language is named in itself ("Svenska"), as people look for their own language's name.
const autonym = (locale: Locale): string => {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
};

export function LanguageSwitcher({ locale }: Readonly<{ locale: Locale }>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('header.language')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) pickLocale(event.target.value);
        }}
      >
        {SUPPORTED_LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {autonym(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
