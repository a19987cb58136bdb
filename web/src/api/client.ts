import type { SessionView } from '@planshift/shared/api';
import { ApiFailure, failureFrom } from './api-failure';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// The session's CSRF token, from the last session answer; sent on every state-changing request.
let csrfToken: string | null = null;

/** Keeps the CSRF token of a session answer for the state-changing requests that follow. */
export function rememberSession(session: SessionView): SessionView {
  csrfToken = session.csrfToken;
  return session;
}

/** Signed out: the token went with the session. */
export function forgetSession(): void {
  csrfToken = null;
}

export async function send(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
  retried = false,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const needsToken = method !== 'GET' && !(method === 'POST' && path === '/api/session');
  if (needsToken) {
    // After a reload the token is only in the server's session: ask for it once.
    csrfToken ??= rememberSession(await request<SessionView>('GET', '/api/session')).csrfToken;
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiFailure(0, { code: 'network_error', message: 'The billing service cannot be reached.', field: null });
  }
  if (response.ok) return response;
  const failure = await failureFrom(response);
  // Another tab signed in again: the session (and its token) changed under us. Retry once.
  if (needsToken && !retried && failure.code === 'csrf_token_invalid') {
    csrfToken = null;
    return send(method, path, body, extraHeaders, true);
  }
  throw failure;
}

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders?: Readonly<Record<string, string>>,
): Promise<T> {
  const response = await send(method, path, body, extraHeaders);
  return (await response.json()) as T;
}

/** Where the PDF of an invoice or credit note is served (as an attachment). */
export const documentPdfUrl = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/pdf`;
