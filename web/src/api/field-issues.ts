import type { ApiErrorCode } from '@planshift/shared/api';
import { ApiFailure } from './api-failure';

export type FieldIssue = Readonly<{ code: ApiErrorCode; message: string }>;

type Issue = Readonly<{ field?: unknown; code?: unknown; message?: unknown }>;

/**
 * A refused form's problems by field (`address.city`): every issue a 400 lists in its details,
 * or the one field a refusal names. The first issue of a field is the one shown.
 */
export function fieldIssues(error: unknown): ReadonlyMap<string, FieldIssue> {
  const issues = new Map<string, FieldIssue>();
  if (!(error instanceof ApiFailure) || error.code === 'network_error' || error.code === 'http_error') return issues;
  const listed = (error.details as { issues?: unknown } | undefined)?.issues;
  const all: Issue[] = Array.isArray(listed)
    ? listed
    : [{ field: error.field, code: error.code, message: error.message }];
  for (const issue of all) {
    if (typeof issue.field !== 'string' || typeof issue.code !== 'string' || issues.has(issue.field)) continue;
    issues.set(issue.field, { code: issue.code as ApiErrorCode, message: String(issue.message ?? '') });
  }
  return issues;
}
