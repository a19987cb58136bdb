/**
 * PostgreSQL's text holds no NUL character (SQLite's does), and refuses a statement that binds
 * one: an id with one names no row, so a lookup by it finds nothing instead of failing.
 */
export const namesNoRow = (...ids: readonly string[]): boolean => ids.some((id) => id.includes('\0'));
