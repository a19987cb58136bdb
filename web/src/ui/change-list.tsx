import type { ChangeDescriptor } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import type { CatalogNames } from '../domain-text/catalog-names';
import { describeChanges } from '../domain-text/describe-change';

/** The parts of a change as a list, every part named (plan, seats, cycle, add-ons). */
export function ChangeList({
  changes,
  names,
}: Readonly<{ changes: readonly ChangeDescriptor[]; names: Pick<CatalogNames, 'plan' | 'addOn'> }>) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list">
      {describeChanges(t, names, changes).map((part) => (
        <li key={part.key}>{part.text}</li>
      ))}
    </ul>
  );
}
