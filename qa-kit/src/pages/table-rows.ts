import type { Locator } from '@playwright/test';

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A row of a table by the text it starts with ("Due now" is not "Due now before account credit"). */
export const rowStartingWith = (table: Locator, label: string): Locator =>
  table.getByRole('row', { name: new RegExp(`^${escapeRegExp(label)} `) });

/** A locator's text as one string (cells and lines run together). */
export const textOf = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? '';
