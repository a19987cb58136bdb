import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../testing/bad-requests';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

/** Every row of every table, digested: equal before and after means nothing was written. */
const databaseHash = () => system.sql.fingerprint();

async function unpaidInvoiceOf(client: Client): Promise<string> {
  const { body } = await client.json<Json>('GET', '/api/documents');
  const unpaid = body.documents.find((d: Json) => d.status === 'unpaid');
  if (!unpaid) throw new Error('the demo account has no unpaid invoice');
  return unpaid.id;
}

/** Each POST, PUT and PATCH of the OpenAPI document, with a real id for each path parameter. */
async function mutatingRoutes(ids: Record<string, string>): Promise<[string, string][]> {
  const { body } = await system.anonymous.json<Json>('GET', '/api/openapi.json');
  return Object.entries(body.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => ['post', 'put', 'patch'].includes(method))
      .map((method): [string, string] => [
        method.toUpperCase(),
        path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `no-such-${name}`),
      ]),
  );
}

describe('a request body that is not JSON', () => {
  it('does not pay an invoice', async () => {
    const james = await system.signIn('james@oakridge.example');
    const invoiceId = await unpaidInvoiceOf(james);
    const before = await databaseHash();
    const paid = await james.json('POST', `/api/invoices/${invoiceId}/pay`, '{');
    expect(paid).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    expect(await databaseHash()).toEqual(before);
    expect(await system.payments.charges()).toEqual([]);
  });

  it('is refused with 400 malformed_json by every route that takes a body, before anything is written', async () => {
    const james = await system.signIn('james@oakridge.example');
    const routes = await mutatingRoutes({ invoiceId: await unpaidInvoiceOf(james) });
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const before = await databaseHash();
    for (const [method, path] of routes) {
      for (const text of ['{', '{"quoteId":', 'not json', "{'a':1}", '[1,]', '']) {
        const answer = await james.json(method, path, text, { 'idempotency-key': 'malformed-0001' });
        expect(answer, `${method} ${path} ${JSON.stringify(text)}`).toMatchObject({
          status: 400,
          body: { code: 'malformed_json' },
        });
      }
    }
    expect(await databaseHash()).toEqual(before);
  });

  it('is refused before the session is looked at, and valid JSON still reaches the route', async () => {
    const anonymous = await system.anonymous.json('POST', '/api/quotes', '{"planId":');
    expect(anonymous).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    expect(await system.anonymous.json('POST', '/api/quotes', {})).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated' },
    });
  });
});

describe('a route that takes nothing', () => {
  it('takes {} and refuses any other JSON, so nothing is silently ignored', async () => {
    const james = await system.signIn('james@oakridge.example');
    const invoiceId = await unpaidInvoiceOf(james);
    const before = await databaseHash();
    for (const [body, code] of [
      [{ amount: 1 }, 'unknown_field'],
      [[], 'invalid_type'],
      ['"pay"', 'invalid_type'],
      ['null', 'invalid_type'],
    ] as const) {
      const answer = await james.json('POST', `/api/invoices/${invoiceId}/pay`, body);
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 400, body: { code } });
    }
    expect(await databaseHash()).toEqual(before);
    expect(await james.json('POST', `/api/invoices/${invoiceId}/pay`, {})).toMatchObject({ status: 200 });
  });
});

describe('the media type of a body', () => {
  const QUOTE = { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] };

  it('is application/json, in any case, with or without parameters and spaces', async () => {
    const maria = await system.signIn('maria@northwind.example');
    for (const type of [
      'application/json',
      'Application/JSON',
      ' application/json ',
      'application/json;charset=utf-8',
      'application/json; charset=UTF-8',
      'application/json ; charset="utf-8"',
      'application/json;',
    ]) {
      const answer = await maria.json('POST', '/api/quotes', QUOTE, { 'content-type': type });
      expect(answer.status, type).toBe(201);
    }
  });

  it('is refused otherwise with one code, 415 unsupported_media_type, naming Content-Type', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await databaseHash();
    for (const type of CONTENT_TYPES.filter((t) => t !== null)) {
      const answer = await maria.json('POST', '/api/quotes', QUOTE, { 'content-type': type });
      expect(answer, type).toMatchObject({
        status: 415,
        body: { code: 'unsupported_media_type', field: 'Content-Type' },
      });
    }
    const untyped = await system.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-length': '2' },
      body: new Uint8Array([123, 125]),
    });
    expect(untyped.status).toBe(415);
    expect(await untyped.json()).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
    expect(await databaseHash()).toEqual(before);
  });
});

describe('the Content-Length of a body', () => {
  it('is digits only: anything Number() would also read is refused with 411, too many digits with 413', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await databaseHash();
    for (const [length, status] of [
      ['', 411],
      ['+5', 411],
      ['0x10', 411],
      ['1e3', 411],
      ['-1', 411],
      ['18446744073709551616', 413],
    ] as const) {
      const answer = await maria.json('POST', '/api/quotes', {}, { 'content-length': length });
      expect(answer.status, length).toBe(status);
    }
    expect(await databaseHash()).toEqual(before);
  });
});

describe('text holding NUL (U+0000), which no field keeps and PostgreSQL cannot store', () => {
  it('is refused in any body string or key with 400 invalid_format naming the field, before anything is written', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await databaseHash();
    const signIn = await system.anonymous.json('POST', '/api/session', {
      email: 'maria@northwind.example\u0000',
      password: 'x',
    });
    expect(signIn).toMatchObject({ status: 400, body: { code: 'invalid_format', field: 'email' } });
    for (const [method, path, body, field] of [
      ['PUT', '/api/billing-details', { name: 'North\u0000wind', address: { city: 'x' } }, 'name'],
      ['PUT', '/api/billing-details', { address: { line1: 'Keizersgracht\u0000' } }, 'address.line1'],
      ['POST', '/api/sales-requests', { planId: 'enterprise', seats: 60, message: 'SSO\u0000' }, 'message'],
      ['POST', '/api/quotes', { planId: 'business', 'x\u0000': 1 }, 'x'],
      ['POST', '/api/quotes', { addOns: [{ addOnId: '\u0000' }] }, 'addOns.0.addOnId'],
    ] as const) {
      const answer = await maria.json(method, path, body, { 'idempotency-key': 'nul-text-0001' });
      expect(answer, `${method} ${path} ${field}`).toMatchObject({
        status: 400,
        body: { code: 'invalid_format', field },
      });
    }
    expect(await databaseHash()).toEqual(before);
  });

  it('names nothing in a path (404) and is a bad value in a query (400)', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const documents = (await maria.json<Json>('GET', '/api/documents')).body.documents as Json[];
    const [first] = documents;
    if (!first) throw new Error('the demo account has no documents');
    const before = await databaseHash();
    for (const [method, path] of [
      ['GET', `/api/documents/${first.id}%00`],
      ['GET', `/api/documents/%00${first.id}/pdf`],
      ['GET', '/api/sales-requests/%00'],
      ['GET', '/api/quotes/%00'],
      ['PUT', '/api/payment-methods/%00/default'],
    ] as const) {
      const answer = await maria.json(method, path, method === 'GET' ? undefined : {});
      expect(answer, path).toMatchObject({ status: 404, body: { code: 'not_found' } });
    }
    expect(await databaseHash()).toEqual(before);
    const query = await maria.json('GET', '/api/account/options?planId=business%00');
    expect(query).toMatchObject({ status: 400, body: { code: 'invalid_format', field: 'planId' } });
    expect((await maria.json('GET', `/api/documents/${first.id}`)).status).toBe(200);
  });
});
