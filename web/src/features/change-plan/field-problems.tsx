import type { QuoteError } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import { useChangeFlow } from './change-flow-context';
import { quoteProblem } from './quote-problem';

/** What the engine says is wrong with a field, announced as it changes; `id` is the field's description. */
export function FieldProblems({ id, problems }: Readonly<{ id: string; problems: readonly QuoteError[] }>) {
  const { t } = useTranslation();
  const { names, request } = useChangeFlow();
  return (
    <div aria-live="polite">
      {problems.length > 0 && (
        <p id={id} className="field-error">
          {problems.map((problem) => quoteProblem(t, names, problem, request)).join(' ')}
        </p>
      )}
    </div>
  );
}
