import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiFailure } from '../../api/api-failure';
import { safeReturnPath } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { failureMessage } from '../../i18n/reasons';
import { TextField } from '../../ui/text-field';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSession, useSignIn } from './api/session';
import { DemoPersonas } from './demo-personas';

export function SignInPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ids = { title: useId(), email: useId(), password: useId(), error: useId() };

  if (session.data && !signIn.isPending) return <Navigate to={returnTo} replace />;

  const submit = (credentials: Readonly<{ email: string; password: string }>) =>
    signIn.mutate(credentials, { onSuccess: () => navigate(returnTo, { replace: true }) });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit({ email, password });
  };
  const error = signIn.error;
  const invalid = isApiFailure(error, 'invalid_credentials');
  const waitSeconds = isApiFailure(error, 'too_many_attempts')
    ? Number((error.details as { retryAfter?: unknown } | undefined)?.retryAfter ?? 1)
    : null;

  return (
    <div className="sign-in">
      <section className="card narrow" aria-labelledby={ids.title}>
        <h1 id={ids.title}>{t('signIn.title')}</h1>
        <p>{t('signIn.intro')}</p>
        {error && (
          <p id={ids.error} className="notice notice-error" role="alert">
            {invalid
              ? t('signIn.errors.invalid_credentials')
              : waitSeconds !== null
                ? t('signIn.errors.too_many_attempts', { wait: format.wait(waitSeconds) })
                : failureMessage(t, error)}
          </p>
        )}
        <form className="form" onSubmit={onSubmit}>
          <TextField
            id={ids.email}
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            invalid={invalid}
            describedBy={error ? ids.error : undefined}
            onChange={setEmail}
          />
          <TextField
            id={ids.password}
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            invalid={invalid}
            onChange={setPassword}
          />
          <button type="submit" className="button button-primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </section>
      <DemoPersonas disabled={signIn.isPending} onPick={submit} />
    </div>
  );
}
