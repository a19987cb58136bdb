import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from './api-failure';
import { answer, client, forgetSession, rememberSession } from './client';

type Sent = Readonly<{ method: string; path: string; headers: Headers; credentials: RequestCredentials | undefined }>;

const session = {
  user: { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'owner' as const, canManageBilling: true },
  accountId: 'a1',
  csrfToken: 'token-1',
};
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: status === 204 ? {} : { 'Content-Type': 'application/json' },
  });
const error = (status: number, code: string) => json(status, { code, message: code, field: null });

let sent: Sent[];
let answers: Array<() => Response>;

beforeEach(() => {
  forgetSession();
  sent = [];
  answers = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({
      method: init.method ?? 'GET',
      path: String(input),
      headers: new Headers(init.headers),
      credentials: init.credentials,
    });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next();
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('the typed client', () => {
  it('asks for JSON with the session cookie and answers the 2xx body', async () => {
    answers.push(() => json(200, { now: 1_700_000_000, testClock: false }));
    expect(await answer(await client.api.clock.$get())).toEqual({ now: 1_700_000_000, testClock: false });
    expect(sent).toMatchObject([{ method: 'GET', path: '/api/clock', credentials: 'same-origin' }]);
    expect(sent[0]?.headers.get('Accept')).toBe('application/json');
    expect(sent[0]?.headers.has('X-CSRF-Token')).toBe(false);
  });

  it('turns a non-2xx into an ApiFailure with the BFF’s code, or http_error for an answer that is not its', async () => {
    answers.push(() => error(401, 'unauthenticated'));
    await expect(answer(await client.api.account.$get())).rejects.toMatchObject({
      name: 'ApiFailure',
      status: 401,
      code: 'unauthenticated',
    });
    answers.push(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(answer(await client.api.account.$get())).rejects.toMatchObject({
      status: 502,
      code: 'http_error',
      message: '502 Bad Gateway',
    });
  });

  it('turns no answer at all into network_error', async () => {
    const failure = await client.api.account.$get().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 0, code: 'network_error' });
  });

  it('signs in without a token and sends the session’s token on state-changing requests', async () => {
    answers.push(
      () => json(200, session),
      () => json(204, null),
    );
    rememberSession(
      await answer(await client.api.session.$post({ json: { email: 'ada@example.com', password: 'pw' } })),
    );
    expect(await answer(await client.api['scheduled-change'].$delete())).toBeUndefined();
    expect(sent.map((s) => [s.method, s.path, s.headers.get('X-CSRF-Token')])).toEqual([
      ['POST', '/api/session', null],
      ['DELETE', '/api/scheduled-change', 'token-1'],
    ]);
  });

  it('after a reload asks the session for the token once', async () => {
    answers.push(
      () => json(200, session),
      () => json(201, { changeId: 'c1' }),
      () => json(201, { changeId: 'c2' }),
    );
    const confirm = (quoteId: string) =>
      client.api.changes.$post({ header: { 'idempotency-key': `key-${quoteId}-0001` }, json: { quoteId } });
    await answer(await confirm('q1'));
    await answer(await confirm('q2'));
    expect(sent.map((s) => [s.method, s.path, s.headers.get('X-CSRF-Token')])).toEqual([
      ['GET', '/api/session', null],
      ['POST', '/api/changes', 'token-1'],
      ['POST', '/api/changes', 'token-1'],
    ]);
    expect(sent[1]?.headers.get('Idempotency-Key')).toBe('key-q1-0001');
  });

  it('when the token went stale, fetches it again and retries once', async () => {
    rememberSession({ ...session, csrfToken: 'stale' });
    answers.push(
      () => error(403, 'csrf_token_invalid'),
      () => json(200, { ...session, csrfToken: 'token-2' }),
      () => json(200, { invoice: 'paid' }),
    );
    const pay = () => client.api.invoices[':invoiceId'].pay.$post({ param: { invoiceId: 'in_1' }, json: {} });
    expect(await answer(await pay())).toEqual({ invoice: 'paid' });
    expect(sent.map((s) => [s.method, s.path, s.headers.get('X-CSRF-Token')])).toEqual([
      ['POST', '/api/invoices/in_1/pay', 'stale'],
      ['GET', '/api/session', null],
      ['POST', '/api/invoices/in_1/pay', 'token-2'],
    ]);

    rememberSession({ ...session, csrfToken: 'stale' });
    sent = [];
    answers.push(
      () => error(403, 'csrf_token_invalid'),
      () => json(200, session),
      () => error(403, 'csrf_token_invalid'),
    );
    await expect(answer(await pay())).rejects.toMatchObject({ status: 403, code: 'csrf_token_invalid' });
    expect(sent).toHaveLength(3);
  });

  it('reaches the QA personas through the same path', async () => {
    answers.push(() => error(404, 'not_found'));
    await expect(answer(await client.api.test.personas.$get())).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(sent).toMatchObject([{ method: 'GET', path: '/api/test/personas', credentials: 'same-origin' }]);
  });
});
