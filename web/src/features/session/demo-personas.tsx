import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Credentials, usePersonas } from './api/session';

type Props = Readonly<{
  disabled: boolean;
  onPick: (credentials: Credentials) => void;
}>;

/**
 * Development and test only: one button per person of the scenario the browser is in, or of the
 * portal's demo (the BFF answers 404 in production, so nothing shows). Each signs in within it.
 */
export function DemoPersonas({ disabled, onPick }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const personas = usePersonas();
  if (!personas.data?.personas.length) return null;
  const { scenario } = personas.data;
  return (
    <section className="card narrow demo-personas" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('signIn.personas.title')}</h2>
      <p>{t('signIn.personas.intro')}</p>
      <ul className="persona-list">
        {personas.data.personas.map((persona) => (
          <li key={persona.email}>
            <button
              type="button"
              className="button button-secondary persona"
              disabled={disabled}
              onClick={() => onPick({ email: persona.email, password: persona.password, scenario })}
            >
              {t('signIn.personas.persona', {
                name: persona.name,
                account: persona.accountName,
                role: t(`roles.${persona.role}`),
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
