/**
 * The one order of add-ons everywhere (targets, stored items, requests): by id, in code-unit
 * order, so that two equal selections compare, hash and print alike whatever the locale.
 */
export const byAddOnId = (a: Readonly<{ addOnId: string }>, b: Readonly<{ addOnId: string }>): number =>
  a.addOnId < b.addOnId ? -1 : a.addOnId > b.addOnId ? 1 : 0;
