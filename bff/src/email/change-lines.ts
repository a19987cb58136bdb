import type { Locale } from '@planshift/shared/account';
import { type Named, nameIn } from '@planshift/shared/catalog';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import { DOCUMENT_LABELS, type PluralForms } from '../documents/document-labels';
import { CANCELLATION_STRINGS } from './cancellation-strings';
import { EMAIL_STRINGS } from './email-strings';

/** A plan's or add-on's name by id, in the e-mail's language. */
export type ItemName = (id: string) => string;

/** Names from a map already in the e-mail's language; an id the map lacks reads as itself. */
export const namesFrom =
  (names: Readonly<Record<string, string>>): ItemName =>
  (id) =>
    names[id] ?? id;

/** Names in a language from the catalog's names in every language (English where it has none). */
export const namesIn =
  (names: Readonly<Record<string, Named>>, locale: Locale): ItemName =>
  (id) => {
    const named = names[id];
    return named ? nameIn(named, locale) : id;
  };

/** One line per part of a change, in the account's language, with items by the name the catalog gives them. */
export function changeLines(changes: readonly ChangeDescriptor[], locale: Locale, name: ItemName): string[] {
  return changes.map((change) => changeLine(change, locale, name));
}

function changeLine(change: ChangeDescriptor, locale: Locale, name: ItemName): string {
  const words = EMAIL_STRINGS[locale].changes;
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  switch (change.kind) {
    case 'plan_change': {
      // Seats are named only when they change too; otherwise the plan names say it all.
      const withSeats = change.fromQuantity !== change.toQuantity;
      const plan = (id: string, n: number) => (withSeats ? `${name(id)} (${seats(locale, n)})` : name(id));
      return words.plan(plan(change.fromPlanId, change.fromQuantity), plan(change.toPlanId, change.toQuantity));
    }
    case 'quantity_change':
      return words.seats(name(change.planId), count(change.from), count(change.to));
    case 'interval_change':
      return words.interval(
        words.every(change.from.unit, change.from.count),
        words.every(change.to.unit, change.to.count),
      );
    case 'add_on_change':
      return words.addOn(name(change.addOnId), count(change.from), count(change.to));
    case 'restart': {
      const plan = planWithSeats(name(change.planId), change.quantity, locale);
      return CANCELLATION_STRINGS[locale].restart(plan, words.every(change.interval.unit, change.interval.count));
    }
  }
}

/** "Pro (3 seats)", or "Pro" for a single seat: a plan as a subscription has it. */
export function planWithSeats(plan: string, quantity: number, locale: Locale): string {
  return quantity > 1 ? `${plan} (${seats(locale, quantity)})` : plan;
}

function seats(locale: Locale, n: number): string {
  const forms: PluralForms = DOCUMENT_LABELS[locale].seats;
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(n));
}
