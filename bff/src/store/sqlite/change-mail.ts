import type { ChangeDescriptor } from '@planshift/shared/quote';

/** A change as an e-mail queued now names it later: its parts, and their items' names in the account's language. */
export type ChangeMail = Readonly<{
  changes: readonly ChangeDescriptor[];
  itemNames: Readonly<Record<string, string>>;
}>;

/**
 * The parts of a change with the names of the plans and add-ons they mention (and only those),
 * taken from the catalog's names in the account's language when the e-mail is queued.
 */
export function changeMail(changes: readonly ChangeDescriptor[], names: Readonly<Record<string, string>>): ChangeMail {
  const ids = changes.flatMap((change) => {
    if (change.kind === 'plan_change') return [change.fromPlanId, change.toPlanId];
    if (change.kind === 'quantity_change') return [change.planId];
    if (change.kind === 'add_on_change') return [change.addOnId];
    return [];
  });
  const itemNames = Object.fromEntries(ids.flatMap((id) => (names[id] === undefined ? [] : [[id, names[id]]])));
  return { changes, itemNames };
}
