import type { AppType } from '@planshift/bff/app-type';
import type { SessionView } from '@planshift/shared/api';
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { ApiFailure, failureFrom } from './api-failure';

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

/**
 * Every request of the SPA: JSON, the session cookie, the CSRF token on state-changing requests
 * (except signing in, which has no session yet), one retry when the token went stale, and no
 * answer at all as a `network_error` failure. Any answer, 2xx or not, goes on to `answer`.
 */
async function portalFetch(input: RequestInfo | URL, init: RequestInit = {}, retried = false): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const path = input instanceof Request ? new URL(input.url).pathname : String(input);
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const needsToken = method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && path === '/api/session');
  if (needsToken) {
    // After a reload the token is only in the server's session: ask for it once.
    csrfToken ??= rememberSession(await answer(await client.api.session.$get())).csrfToken;
    headers.set('X-CSRF-Token', csrfToken);
  }
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, { code: 'network_error', message: 'The billing service cannot be reached.', field: null });
  }
  // Another tab signed in again: the session (and its token) changed under us. Retry once.
  if (needsToken && !retried && response.status === 403) {
    const failure = await failureFrom(response.clone());
    if (failure.code === 'csrf_token_invalid') {
      csrfToken = null;
      return portalFetch(input, init, true);
    }
  }
  return response;
}

/** The BFF's API, typed by its routes: each call's request and every answer it declares. */
export const client = hc<AppType>('/', { fetch: portalFetch });

/** The body of a response's 2xx answers, as its route declares them (a 204 has none). */
type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends 204
      ? undefined
      : S extends SuccessStatusCode
        ? T
        : never
    : never;

/**
 * The one place a non-2xx answer becomes a typed failure: the 2xx body as its route declares it,
 * or an `ApiFailure` with the error's code (`http_error` for an answer that is not the BFF's).
 */
export async function answer<R extends ClientResponse<unknown, number>>(response: R): Promise<SuccessBody<R>> {
  if (!response.ok) throw await failureFrom(response);
  if (response.status === 204) return undefined as SuccessBody<R>;
  return (await response.json()) as SuccessBody<R>;
}

/** Where the PDF of an invoice or credit note is served (as an attachment). */
export const documentPdfUrl = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/pdf`;
