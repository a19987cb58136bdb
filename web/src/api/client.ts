import type {
  AccountView,
  ClockView,
  ConfirmationView,
  DocumentsView,
  InvoicePaymentView,
  OptionsView,
  Persona,
  PersonasView,
  QuoteView,
  SessionView,
} from '@planshift/shared/api';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { ApiFailure, failureFrom } from './api-failure';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// The session's CSRF token, from the last session answer; sent on every state-changing request.
let csrfToken: string | null = null;

function remember(session: SessionView): SessionView {
  csrfToken = session.csrfToken;
  return session;
}

async function send(
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
    csrfToken ??= (await getSession()).csrfToken;
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

async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders?: Readonly<Record<string, string>>,
): Promise<T> {
  const response = await send(method, path, body, extraHeaders);
  return (await response.json()) as T;
}

/** The signed-in user and the CSRF token; 401 `unauthenticated` when nobody is signed in. */
export async function getSession(): Promise<SessionView> {
  return remember(await request<SessionView>('GET', '/api/session'));
}

export async function signIn(email: string, password: string): Promise<SessionView> {
  return remember(await request<SessionView>('POST', '/api/session', { email, password }));
}

export async function signOut(): Promise<void> {
  await send('DELETE', '/api/session');
  csrfToken = null;
}

export const getAccount = (): Promise<AccountView> => request('GET', '/api/account');

export const getDocuments = (): Promise<DocumentsView> => request('GET', '/api/documents');

export const getOptions = (): Promise<OptionsView> => request('GET', '/api/account/options');

export const getClock = (): Promise<ClockView> => request('GET', '/api/clock');

export async function cancelScheduledChange(): Promise<void> {
  await send('DELETE', '/api/scheduled-change');
}

/** Charges the card on file for what is still due on an open invoice (402 `payment_declined` with the reason). */
export const payInvoice = (invoiceId: string): Promise<InvoicePaymentView> =>
  request('POST', `/api/invoices/${encodeURIComponent(invoiceId)}/pay`, {});

/** Prices a target state (plan, interval, total seats, add-ons) on the server and stores the quote for 30 minutes. */
export const createQuote = (change: ChangeRequest): Promise<QuoteView> => request('POST', '/api/quotes', change);

/**
 * Confirms a stored quote. The key names one confirmation intent: a double click or a retry sends
 * the same key and gets the first answer again, never a second charge.
 */
export const confirmChange = (quoteId: string, idempotencyKey: string): Promise<ConfirmationView> =>
  request('POST', '/api/changes', { quoteId }, { 'Idempotency-Key': idempotencyKey });

/** The demo personas, or null where the QA routes do not exist (production answers 404). */
export async function getPersonas(): Promise<readonly Persona[] | null> {
  try {
    return (await request<PersonasView>('GET', '/api/test/personas')).personas;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
}

/** Where the PDF of an invoice or credit note is served (as an attachment). */
export const documentPdfUrl = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}/pdf`;
