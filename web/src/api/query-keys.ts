/**
 * The roots of the query keys. Everything of the signed-in account lives under `accountScope`,
 * so a change invalidates it with one key and signing out removes it with one key; each feature
 * keeps its own keys below it, beside its queries.
 */
export const sessionKey = ['session'] as const;
export const clockKey = ['clock'] as const;
export const accountScope = ['account'] as const;
