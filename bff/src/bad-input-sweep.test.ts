// Bad input against every route of the OpenAPI document: malformed and oversize bodies, wrong
// types, prototype keys, numbers JSON.parse makes odd (1e309, -0, 2^53 + 1, fractions), other
// media types and lengths, missing or forged session, CSRF token and Idempotency-Key, bogus path
// ids and query values, and methods the path does not have. Every answer must be a 4xx with a
// documented code, and nothing may be written. SWEEP_RUNS sets the random runs (default 1500).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badRequestArb,
  breakRequest,
  type Defect,
  defectsFor,
  expectedAnswer,
  type Route,
  routesOf,
  type ValidRequest,
} from './testing/bad-requests';
import { DEMO_PASSWORD, type Json, startTestSystem, type TestSystem } from './testing/test-system';

const RUNS = Number(process.env.SWEEP_RUNS ?? 1500);

let system: TestSystem;
let routes: Route[];
let documentedCodes: Set<string>;
let validFor: (route: Route) => ValidRequest;

type Session = Readonly<{ cookie: string; csrf: string }>;

async function call(method: string, url: string, headers: Record<string, string> = {}, body?: unknown) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const response = await system.app.request(url, {
    method,
    headers:
      text === undefined
        ? headers
        : { 'content-type': 'application/json', 'content-length': String(text.length), ...headers },
    body: text,
  });
  return { response, body: (await response.json()) as Json };
}

async function signIn(email: string): Promise<Session> {
  const { response, body } = await call('POST', '/api/session', {}, { email, password: DEMO_PASSWORD });
  return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.csrfToken };
}

const sessionHeaders = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

/** Moves with any write, even one undone: cheap enough to read around every request. */
const writes = () => system.sql.writeMark();

/** Every row of every table, digested: equal before and after means nothing was written. */
const databaseHash = () => system.sql.fingerprint();

const VALID_QUERY: Readonly<Record<string, string>> = { planId: 'business', interval: 'P1M', quantity: '12' };
const BILLING_DETAILS: Json = {
  name: 'Northwind Traders Europe B.V.',
  address: {
    line1: 'Keizersgracht 123',
    line2: '',
    city: 'Amsterdam',
    postalCode: '1015 CJ',
    region: '',
    country: 'NL',
  },
  taxId: 'NL123456789B01',
  email: 'invoices@northwind.example',
};
const SALES_REQUEST: Json = {
  planId: 'enterprise',
  seats: 60,
  message: 'SSO for everyone.',
  contactName: 'Maria Chen',
  contactEmail: 'maria@northwind.example',
};
const VALID_HEADERS: Readonly<Record<string, string>> = { 'idempotency-key': 'sweep-key-00000001' };

beforeAll(async () => {
  system = await startTestSystem();
  const maria = await signIn('maria@northwind.example');
  const james = await signIn('james@oakridge.example');
  const sam = await signIn('sam@cobalt.example');
  const quote = await call('POST', '/api/quotes', sessionHeaders(maria), {
    planId: 'business',
    interval: { unit: 'month', count: 1 },
    quantity: 12,
    addOns: [],
  });
  const salesRequest = await call('POST', '/api/sales-requests', sessionHeaders(maria), SALES_REQUEST);
  const documents = await call('GET', '/api/documents', sessionHeaders(maria));
  const jamesDocuments = await call('GET', '/api/documents', sessionHeaders(james));
  const cards = await call('GET', '/api/payment-methods', sessionHeaders(maria));
  const challenge = await samsChallenge(sam);
  await system.mail.dispatcher.dispatchDue();
  const mail = await call('GET', '/api/test/mailbox');
  const ids: Record<string, string> = {
    quoteId: quote.body.id,
    documentId: documents.body.documents[0].id,
    invoiceId: jamesDocuments.body.documents.find((d: Json) => d.status === 'unpaid').id,
    salesRequestId: salesRequest.body.salesRequest.id,
    id: cards.body.paymentMethods[0].id,
    challengeId: challenge,
    messageId: mail.body.messages[0].id,
    index: '0',
  };
  const bodies: Record<string, Json> = {
    'POST /api/session': { email: 'maria@northwind.example', password: DEMO_PASSWORD },
    'POST /api/quotes': { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] },
    'POST /api/changes': { quoteId: ids.quoteId },
    'POST /api/invoices/{invoiceId}/pay': {},
    'POST /api/subscription/cancellation': { reason: 'too_expensive', comment: 'Over budget.' },
    'PUT /api/billing-details': BILLING_DETAILS,
    'POST /api/sales-requests': { ...SALES_REQUEST, seats: 70 },
    // makeDefault is left out: it has a default, so leaving it out would be no defect.
    'POST /api/payment-methods': { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' },
    'PUT /api/payment-methods/{id}/default': {},
    'POST /api/payment-challenges/{challengeId}/approve': {},
    'POST /api/payment-challenges/{challengeId}/fail': {},
    'POST /api/test/reset': { name: 'demo' },
    'PUT /api/test/clock': { at: '2026-06-01T00:00:00Z' },
    'POST /api/test/clock/advance': { days: 1 },
  };
  // A cancellation's reason and comment are both optional: a body without them is still valid.
  const optional: Record<string, readonly string[]> = { 'POST /api/subscription/cancellation': ['reason', 'comment'] };
  const { body: document } = await call('GET', '/api/openapi.json');
  documentedCodes = new Set(document.components.schemas.Error.properties.code.enum);
  routes = routesOf(document);
  validFor = (route) => {
    const session = route.path.startsWith('/api/invoices/')
      ? james
      : route.path.startsWith('/api/payment-challenges/')
        ? sam
        : maria;
    const body = bodies[`${route.method} ${route.path}`];
    if (route.takesBody && !body) throw new Error(`no valid body for ${route.method} ${route.path}: add one`);
    const pick = (names: readonly string[], from: Readonly<Record<string, string>>, what: string) =>
      Object.fromEntries(
        names.map((name) => {
          const value = from[name];
          if (value === undefined) throw new Error(`no valid ${what} ${name} for ${route.method} ${route.path}`);
          return [name, value];
        }),
      );
    return {
      pathParams: pick(route.pathParams, ids, 'path parameter'),
      query: pick(route.queryParams, VALID_QUERY, 'query parameter'),
      headers: {
        ...(route.takesBody ? { 'content-type': 'application/json' } : {}),
        ...(route.signedIn ? sessionHeaders(session) : {}),
        ...pick(route.headerParams, VALID_HEADERS, 'header'),
      },
      body,
      optionalBodyKeys: optional[`${route.method} ${route.path}`] ?? [],
    };
  };
});
afterAll(() => system?.dispose());

/** Sam's change paid by his card that asks for authentication: the challenge waits, open. */
async function samsChallenge(sam: Session): Promise<string> {
  const cards = await call('GET', '/api/payment-methods', sessionHeaders(sam));
  const asking = cards.body.paymentMethods.find((card: Json) => card.last4 === '3155');
  await call('PUT', `/api/payment-methods/${asking.id}/default`, sessionHeaders(sam), {});
  const quote = await call('POST', '/api/quotes', sessionHeaders(sam), {
    planId: 'advanced',
    interval: { unit: 'month', count: 1 },
    quantity: 2,
    addOns: [],
  });
  const confirm = await call(
    'POST',
    '/api/changes',
    { ...sessionHeaders(sam), 'idempotency-key': 'sweep-challenge-0001' },
    { quoteId: quote.body.id },
  );
  if (confirm.response.status !== 202) throw new Error(`Sam's confirm answered ${confirm.response.status}`);
  return confirm.body.challenge.id;
}

/** Sends the broken request and checks the answer: a 4xx, a documented code, nothing written. */
async function refusedUnchanged(route: Route, defects: readonly Defect[]): Promise<void> {
  const sent = breakRequest(route, validFor(route), defects);
  const before = await writes();
  const response = await system.app.request(sent.url, { method: sent.method, headers: sent.headers, body: sent.body });
  const text = await response.text();
  const what = `${sent.method} ${sent.url} ${JSON.stringify(defects).slice(0, 300)} → ${response.status} ${text.slice(0, 200)}`;
  expect(response.status, what).toBeGreaterThanOrEqual(400);
  expect(response.status, what).toBeLessThan(500);
  expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
  const body = JSON.parse(text) as Json;
  expect(documentedCodes.has(body.code), `undocumented code: ${what}`).toBe(true);
  expect(typeof body.message, what).toBe('string');
  expect(body.field === null || typeof body.field === 'string', what).toBe(true);
  expect(await writes(), `written: ${what}`).toBe(before);
  expect(Object.hasOwn(Object.prototype, 'polluted'), what).toBe(false);
  const [only] = defects;
  if (only && defects.length === 1) {
    const expected = expectedAnswer(route, only);
    expect(expected.statuses, what).toContain(response.status);
    if (expected.code) expect(body.code, what).toBe(expected.code);
  }
}

describe('bad input to every documented route', () => {
  it('covers every route of the document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(21);
    for (const route of routes) expect(defectsFor(route, validFor(route)).length, route.path).toBeGreaterThan(0);
  });

  it('is refused by each route, for each kind of defect it can have, and nothing is written', async () => {
    const before = await databaseHash();
    for (const route of routes) {
      for (const defect of defectsFor(route, validFor(route))) {
        for (const sample of fc.sample(defect, { numRuns: 4, seed: 42 })) await refusedUnchanged(route, [sample]);
      }
    }
    expect(await databaseHash()).toEqual(before);
  });

  it(
    `is refused whatever is wrong, one to three things at once (${RUNS} random requests)`,
    async () => {
      const before = await databaseHash();
      await fc.assert(
        fc.asyncProperty(badRequestArb(routes, validFor), ({ route, defects }) => refusedUnchanged(route, defects)),
        { numRuns: RUNS },
      );
      expect(await databaseHash()).toEqual(before);
    },
    Math.max(120_000, RUNS * 10),
  );
});
