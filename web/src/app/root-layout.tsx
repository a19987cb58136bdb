import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useAccount } from '../features/account/api/account';
import { useSession } from '../features/session/api/session';
import { useActiveLocale } from '../i18n/use-active-locale';
import { AppHeader } from './app-header';

/** Every page: the skip link, the header, and the page in `<main>`, in the active language. */
export function RootLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session.data);
  const account = useAccount(signedIn);
  const locale = useActiveLocale(signedIn ? account.data?.account.locale : undefined);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader locale={locale} signedIn={signedIn} accountName={signedIn ? account.data?.account.name : undefined} />
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
