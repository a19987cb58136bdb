import { type Named, nameIn } from '@planshift/shared/catalog';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/locales';

/** A plan's name in the language shown: the catalog's own for it, or its English name. */
export function usePlanName(): (plan: Named) => string {
  const { i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  return (plan) => nameIn(plan, locale);
}
