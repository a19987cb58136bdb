// Requests to the documented routes with at least one thing wrong, as fast-check arbitraries: each
// starts from a valid request (real ids, a valid body, the session and its CSRF token) and breaks
// it, so that whatever the BFF answers, it must be a refusal that writes nothing.
import fc from 'fast-check';
import type { Json } from './test-system';

export type Route = Readonly<{
  method: string;
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  headerParams: readonly string[];
  takesBody: boolean;
  signedIn: boolean;
  csrf: boolean;
  /** Methods the path does not have. */
  otherMethods: readonly string[];
}>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of an OpenAPI document. */
export function routesOf(document: Json): Route[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method): Route => {
      const operation = item[method] as Json;
      const parameters = (operation.parameters ?? []) as Json[];
      const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name as string);
      const schemes = ((operation.security ?? []) as Json[]).flatMap((s) => Object.keys(s));
      return {
        method: method.toUpperCase(),
        path,
        pathParams: named('path'),
        queryParams: named('query'),
        headerParams: named('header'),
        takesBody: ['post', 'put', 'patch'].includes(method),
        signedIn: schemes.includes('session'),
        csrf: schemes.includes('csrf'),
        otherMethods: METHODS.filter((other) => !item[other]).map((other) => other.toUpperCase()),
      };
    }),
  );
}

/** A route's valid request, before anything is broken. */
export type ValidRequest = Readonly<{
  pathParams: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  headers: Readonly<Record<string, string>>;
  body: Json | undefined;
  /** Keys of the body the route does without: leaving one out is no defect. */
  optionalBodyKeys?: readonly string[];
}>;

type Path = readonly (string | number)[];

export type Defect =
  | Readonly<{ kind: 'body'; text: string }>
  | Readonly<{ kind: 'field'; path: Path; json: string }>
  | Readonly<{ kind: 'extra-key'; at: Path; key: string; json: string }>
  | Readonly<{ kind: 'missing-key'; key: string }>
  | Readonly<{ kind: 'oversize'; bytes: number }>
  | Readonly<{ kind: 'content-type'; value: string | null }>
  | Readonly<{ kind: 'content-length'; value: string | null }>
  | Readonly<{ kind: 'cookie'; value: string | null }>
  | Readonly<{ kind: 'csrf'; value: string | null }>
  | Readonly<{ kind: 'header'; name: string; value: string | null }>
  | Readonly<{ kind: 'path-param'; name: string; raw: string }>
  | Readonly<{ kind: 'query'; name: string; value: string }>
  | Readonly<{ kind: 'query-repeated'; name: string }>
  | Readonly<{ kind: 'method'; method: string }>;

export type Outgoing = Readonly<{ method: string; url: string; headers: Record<string, string>; body?: string }>;

const essence = (type: string) => type.split(';')[0]?.trim().toLowerCase() ?? '';
const parsesAsJson = (text: string) => {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
};

const MALFORMED = [
  '',
  ' ',
  '{',
  '}',
  '{"a":',
  "{'a':1}",
  '[1,]',
  '{"a":1,}',
  'NaN',
  '{"a":NaN}',
  'Infinity',
  'undefined',
  '{"a":undefined}',
  '\u0000',
  '{"a":1}garbage',
  '// {}',
  '{"__proto__":',
  '{"a":1e309x}',
];
const NOT_OBJECTS = ['null', 'true', 'false', '0', '-0', '1e309', '"{}"', '[]', '[{}]', '"__proto__"'];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const POLLUTING = [
  '{"polluted":true}',
  '{"prototype":{"polluted":true}}',
  '{"__proto__":{"polluted":true}}',
  '[]',
  '1',
];
// Instead of a number: nothing any integer field of the API accepts (huge, fractional, negative,
// not finite once parsed, or not a number at all).
const BAD_NUMBERS = [
  '1.5',
  '0.5',
  '-1',
  '-0',
  '0',
  '1e20',
  '9007199254740993',
  '1e309',
  '-1e309',
  '1e-320',
  '"12"',
  'true',
  '{}',
  '[]',
];
// A string with NUL (U+0000) in it is the right type but no text the API keeps (PostgreSQL cannot).
const BAD_STRINGS = [
  '1',
  '-0',
  '1e309',
  'true',
  '{}',
  '[]',
  '[""]',
  '{"__proto__":{"polluted":true}}',
  '"\\u0000"',
  '"a\\u0000b"',
  '"maria@northwind.example\\u0000"',
];
const BAD_OBJECTS = ['"x"', '1', 'true', '[]', '[{}]', '{}'];
const BAD_ARRAYS = ['{}', '"x"', '1', 'true', '[null]', '[1]', '[[]]', '[{"__proto__":{"polluted":true}}]'];
/** Media types the API refuses (415 unsupported_media_type); null sends none. */
export const CONTENT_TYPES = [
  null,
  '',
  'text/plain',
  'application/jsonx',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json/x',
  'json',
  'text/json',
  'application/javascript',
  '*/*',
  'application/*',
];
// Only lengths no request could honestly have: a body's length here is always its real length.
const CONTENT_LENGTHS = [null, '', 'abc', '1.5', '1e3', '-1', '0x10', '+5', '18446744073709551616'];
const COOKIES = [null, 'planshift_session=', 'planshift_session=forged', 'planshift_session=abc.ZGVm', 'other=1'];
const PATH_PARAMS = [
  'no-such-id',
  '__proto__',
  'constructor',
  'prototype',
  '%00',
  'no-such-id%00',
  '%2e%2e%2f',
  '..%2F..',
  '%E0%A4%A',
  '%',
  'x'.repeat(101),
  '%20',
  'caf%C3%A9',
  'null',
];
const BAD_QUERY: Readonly<Record<string, readonly string[]>> = {
  planId: ['', 'x'.repeat(65), 'Business', 'a b', '../x', '__proto__', '-x', 'é', '\u0000', 'business\u0000'],
  interval: ['', 'P0M', 'P1D', '1M', 'P100Y', 'PT1M', 'p1m', 'P01M', 'P13M', 'P6Y'],
  quantity: ['', 'abc', 'NaN', '1e309', '-0', '1.5', '0', '100001', 'Infinity', '-1'],
};
const BAD_HEADERS: Readonly<Record<string, readonly (string | null)[]>> = {
  'idempotency-key': [null, '', 'short', 'x'.repeat(256), 'has space 1234', 'tab\there12345', 'caf\u00e9-key-0001'],
};

/** Every place in a JSON value: its fields, the fields of its objects, and the items of its arrays. */
function placesIn(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = path.length > 0 ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => placesIn(item, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...path, key]))];
  }
  return here;
}

const objectsIn = (value: unknown): Path[] => [
  ...(value !== null && typeof value === 'object' && !Array.isArray(value) ? [[]] : []),
  ...placesIn(value)
    .filter((place) => place.value !== null && typeof place.value === 'object' && !Array.isArray(place.value))
    .map((place) => place.path),
];

function badValuesFor(value: unknown): fc.Arbitrary<string> {
  if (typeof value === 'number') {
    return fc.oneof(
      fc.constantFrom(...BAD_NUMBERS),
      fc
        .double({ min: -1e6, max: 1e6, noNaN: true })
        .filter((x) => !Number.isInteger(x))
        .map(String),
      fc.bigInt({ min: 2n ** 53n, max: 10n ** 400n }).map(String),
    );
  }
  if (typeof value === 'string') {
    return fc.oneof(
      fc.constantFrom(...BAD_STRINGS),
      fc
        .jsonValue({ maxDepth: 2 })
        .filter((v) => typeof v !== 'string' && v !== null)
        .map((v) => JSON.stringify(v)),
    );
  }
  if (Array.isArray(value)) return fc.constantFrom(...BAD_ARRAYS);
  return fc.constantFrom(...BAD_OBJECTS);
}

/** The ways a route's request can be wrong, given its valid request. */
export function defectsFor(route: Route, valid: ValidRequest): fc.Arbitrary<Defect>[] {
  const defects: fc.Arbitrary<Defect>[] = [];
  if (route.takesBody && valid.body !== undefined) {
    const text = JSON.stringify(valid.body);
    const places = placesIn(valid.body);
    defects.push(
      fc
        .oneof(
          fc.constantFrom(...MALFORMED, ...NOT_OBJECTS),
          fc.nat({ max: text.length - 1 }).map((n) => text.slice(0, n)),
          fc.string({ maxLength: 40 }).filter((s) => !parsesAsJson(s)),
          fc
            .jsonValue({ maxDepth: 2 })
            .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
            .map((v) => JSON.stringify(v)),
        )
        .map((body) => ({ kind: 'body', text: body }) as const),
      fc
        .record({
          at: fc.constantFrom(...objectsIn(valid.body)),
          key: fc.oneof(
            fc.constantFrom(
              ...PROTOTYPE_KEYS,
              'isAdmin',
              'amount',
              'toString',
              'hasOwnProperty',
              'valueOf',
              'x-\u0000',
            ),
            fc.string({ minLength: 1, maxLength: 12 }).map((s) => `x-${s}`),
          ),
          json: fc.oneof(
            fc.constantFrom(...POLLUTING),
            fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
          ),
        })
        .map((extra) => ({ kind: 'extra-key', ...extra }) as const),
      fc.integer({ min: 64 * 1024 + 1, max: 96 * 1024 }).map((bytes) => ({ kind: 'oversize', bytes }) as const),
    );
    if (places.length > 0) {
      defects.push(
        fc
          .constantFrom(...places)
          .chain((place) =>
            badValuesFor(place.value).map((json) => ({ kind: 'field', path: place.path, json }) as const),
          ),
      );
    }
    const keys = Object.keys(valid.body).filter((key) => !valid.optionalBodyKeys?.includes(key));
    if (keys.length > 0) defects.push(fc.constantFrom(...keys).map((key) => ({ kind: 'missing-key', key }) as const));
  }
  if (route.takesBody) {
    defects.push(
      fc
        .oneof(
          fc.constantFrom(...CONTENT_TYPES),
          fc.string({ maxLength: 40 }).filter((s) => essence(s) !== 'application/json'),
        )
        .map((value) => ({ kind: 'content-type', value }) as const),
      fc
        .oneof(fc.constantFrom(...CONTENT_LENGTHS), fc.integer({ min: 32 * 1024 * 1024 + 1, max: 2 ** 40 }).map(String))
        .map((value) => ({ kind: 'content-length', value }) as const),
    );
  }
  if (route.signedIn) {
    defects.push(
      fc
        .oneof(
          fc.constantFrom(...COOKIES),
          fc.string({ minLength: 1, maxLength: 60 }).map((s) => `planshift_session=${encodeURIComponent(s)}`),
        )
        .map((value) => ({ kind: 'cookie', value }) as const),
    );
  }
  if (route.csrf) {
    defects.push(
      fc
        .oneof(fc.constantFrom(null, '', 'wrong'), fc.string({ minLength: 1, maxLength: 64 }))
        .map((value) => ({ kind: 'csrf', value }) as const),
    );
  }
  for (const name of route.headerParams) {
    const bad = BAD_HEADERS[name];
    if (!bad) throw new Error(`no bad values for the header ${name}: add them to BAD_HEADERS`);
    defects.push(fc.constantFrom(...bad).map((value) => ({ kind: 'header', name, value }) as const));
  }
  for (const name of route.pathParams) {
    defects.push(
      fc
        .oneof(
          fc.constantFrom(...PATH_PARAMS),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 110 }).map(encodeURIComponent),
        )
        .map((raw) => ({ kind: 'path-param', name, raw }) as const),
    );
  }
  for (const name of route.queryParams) {
    const bad = BAD_QUERY[name];
    if (!bad) throw new Error(`no bad values for the query parameter ${name}: add them to BAD_QUERY`);
    defects.push(
      fc.constantFrom(...bad).map((value) => ({ kind: 'query', name, value }) as const),
      fc.constant({ kind: 'query-repeated', name } as const),
    );
  }
  if (route.otherMethods.length > 0) {
    defects.push(fc.constantFrom(...route.otherMethods).map((method) => ({ kind: 'method', method }) as const));
  }
  return defects;
}

const MARK = '\u0000sweep-mark\u0000';

function withMark(body: Json, path: Path, key?: string): Json {
  const copy = structuredClone(body);
  let target: Json = copy;
  const inside = key === undefined ? path.slice(0, -1) : path;
  for (const step of inside) target = target[step as keyof Json];
  if (key === undefined) target[path[path.length - 1] as keyof Json] = MARK;
  else target[MARK] = MARK;
  return copy;
}

function bodyText(valid: Json, defect: Defect | undefined): string {
  switch (defect?.kind) {
    case 'body':
      return defect.text;
    case 'field':
      return JSON.stringify(withMark(valid, defect.path)).replace(JSON.stringify(MARK), defect.json);
    case 'extra-key':
      return JSON.stringify(withMark(valid, defect.at, defect.key)).replace(
        `${JSON.stringify(MARK)}:${JSON.stringify(MARK)}`,
        `${JSON.stringify(defect.key)}:${defect.json}`,
      );
    case 'missing-key': {
      const { [defect.key]: _, ...rest } = valid;
      return JSON.stringify(rest);
    }
    case 'oversize':
      return JSON.stringify({ ...valid, 'x-padding': 'x'.repeat(defect.bytes) });
    default:
      return JSON.stringify(valid);
  }
}

const BODY_KINDS = new Set(['body', 'field', 'extra-key', 'missing-key', 'oversize']);

/** The request a route's valid request becomes with these defects (at most one of them in the body). */
export function breakRequest(route: Route, valid: ValidRequest, defects: readonly Defect[]): Outgoing {
  let method = route.method;
  let path = route.path;
  const params = { ...valid.pathParams };
  const query = Object.entries(valid.query);
  const headers: Record<string, string | null> = { ...valid.headers };
  let contentLength: string | null | undefined;
  for (const defect of defects) {
    if (defect.kind === 'content-type') headers['content-type'] = defect.value;
    if (defect.kind === 'content-length') contentLength = defect.value;
    if (defect.kind === 'cookie') headers.cookie = defect.value;
    if (defect.kind === 'csrf') headers['x-csrf-token'] = defect.value;
    if (defect.kind === 'header') headers[defect.name] = defect.value;
    if (defect.kind === 'path-param') params[defect.name] = defect.raw;
    if (defect.kind === 'method') method = defect.method;
    if (defect.kind === 'query') {
      const at = query.findIndex(([name]) => name === defect.name);
      query.splice(at === -1 ? query.length : at, at === -1 ? 0 : 1, [defect.name, defect.value]);
    }
    if (defect.kind === 'query-repeated') query.push([defect.name, valid.query[defect.name] ?? '1']);
  }
  path = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const search = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  const body =
    ['POST', 'PUT', 'PATCH'].includes(method) && valid.body !== undefined
      ? bodyText(
          valid.body,
          defects.find((d) => BODY_KINDS.has(d.kind)),
        )
      : undefined;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  if (contentLength !== undefined) headers['content-length'] = contentLength;
  const sent = Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== null),
  );
  return { method, url: search ? `${path}?${search}` : path, headers: sent, ...(body === undefined ? {} : { body }) };
}

/** A route and one to three things wrong with its request, at most one of them in the body. */
export function badRequestArb(routes: readonly Route[], validFor: (route: Route) => ValidRequest) {
  return fc.constantFrom(...routes).chain((route) => {
    const valid = validFor(route);
    const defects = defectsFor(route, valid);
    if (defects.length === 0) throw new Error(`${route.method} ${route.path} cannot be broken: it takes nothing`);
    return fc
      .uniqueArray(fc.oneof(...defects), {
        minLength: 1,
        maxLength: 3,
        selector: (d) => (BODY_KINDS.has(d.kind) ? 'body' : d.kind + ('name' in d ? d.name : '')),
      })
      .map((found) => ({ route, defects: found }));
  });
}

export type Expected = Readonly<{ statuses: readonly number[]; code?: string }>;

/** What a request with this one defect must be answered with. */
export function expectedAnswer(route: Route, defect: Defect): Expected {
  switch (defect.kind) {
    case 'body':
      return parsesAsJson(defect.text) ? { statuses: [400] } : { statuses: [400], code: 'malformed_json' };
    case 'field':
    case 'extra-key':
    case 'missing-key':
      return { statuses: [400] };
    case 'oversize':
      // Only an inline QA scenario may be that large; this one has a field too many.
      return route.path === '/api/test/reset'
        ? { statuses: [400], code: 'unknown_field' }
        : { statuses: [413], code: 'payload_too_large' };
    case 'content-type':
      return { statuses: [415], code: 'unsupported_media_type' };
    case 'content-length':
      return defect.value !== null && /^\d+$/.test(defect.value)
        ? { statuses: [413], code: 'payload_too_large' }
        : { statuses: [411], code: 'length_required' };
    case 'cookie':
      return { statuses: [401], code: 'unauthenticated' };
    case 'csrf':
      return { statuses: [403], code: 'csrf_token_invalid' };
    case 'header':
    case 'query':
    case 'query-repeated':
      return { statuses: [400] };
    case 'path-param':
      return { statuses: [400, 404] };
    case 'method':
      // A method the path lacks (one that takes a body arrives here without one); where the path's
      // session guard stands before the 404, the guard answers.
      return { statuses: [401, 403, 404, 415] };
  }
}
