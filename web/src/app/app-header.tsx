import type { Locale } from '@planshift/shared/account';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../config/paths';
import { useSignOut } from '../features/session/api/session';
import { LanguageSwitcher } from './language-switcher';
import { TestClockIndicator } from './test-clock-indicator';

type Props = Readonly<{ locale: Locale; signedIn: boolean; accountName: string | undefined }>;

export function AppHeader({ locale, signedIn, accountName }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <TestClockIndicator />
      <div className="app-header-bar">
        <Link to={paths.account} className="product-name">
          {t('app.name')}
        </Link>
        {accountName && <span className="account-name">{accountName}</span>}
        <div className="app-header-tools">
          <LanguageSwitcher locale={locale} />
          {signedIn && (
            <button
              type="button"
              className="button button-secondary"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(paths.signIn, { replace: true }) })}
            >
              {signOut.isPending ? t('header.signingOut') : t('header.signOut')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
