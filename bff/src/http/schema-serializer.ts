import { isDeepStrictEqual } from 'node:util';
import { z } from '@hono/zod-openapi';
import fastJson, { type AnySchema } from 'fast-json-stringify';
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

type JsonSchema = { [keyword: string]: unknown };

/**
 * A JSON writer compiled (fast-json-stringify) from the schema an answer is documented with: it
 * writes a quote in half the time JSON.stringify takes, and only what the OpenAPI document shows.
 */
export function schemaSerializer<T>(schema: z.ZodType<T>): (value: T) => string {
  const documented = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as JsonSchema;
  return fastJson(forWriting(documented) as AnySchema);
}

/** Answers with JSON a serializer wrote, typed as the JSON answer the route documents. */
export function writtenJson<T, S extends ContentfulStatusCode>(c: Context, json: string, status: S) {
  return c.body(json, status, { 'content-type': 'application/json' }) as unknown as TypedResponse<T, S, 'json'>;
}

/**
 * A writer needs each property's type and nothing else. fast-json-stringify picks a branch of
 * `anyOf`/`oneOf` by validating the value, which costs more than it saves, so a branch-or-null becomes
 * `nullable` and a union of objects one object with every branch's properties (a property the
 * branches type differently is written as JSON.stringify would). Literals lose `const`, which
 * would be written instead of the value, and nothing is `required`: the types guarantee it.
 */
function forWriting(schema: JsonSchema): JsonSchema {
  const { anyOf, oneOf, properties, items, additionalProperties, type, nullable } = schema;
  // A discriminated union (a billing interval) is documented as oneOf, any other as anyOf.
  const branches = anyOf ?? oneOf;
  if (Array.isArray(branches)) return fromUnion(branches.map(forWriting));
  const written: JsonSchema = {};
  if (type !== undefined) written.type = type;
  if (nullable) written.nullable = true;
  if (properties) written.properties = mapValues(properties as Record<string, JsonSchema>, forWriting);
  if (items) written.items = forWriting(items as JsonSchema);
  if (typeof additionalProperties === 'object')
    written.additionalProperties = forWriting(additionalProperties as JsonSchema);
  return written;
}

function fromUnion(branches: JsonSchema[]): JsonSchema {
  const values = branches.filter((branch) => branch.type !== 'null');
  const nullable = values.length < branches.length ? { nullable: true } : {};
  const [only] = values;
  if (values.length === 1 && only) return { ...only, ...nullable };
  if (!values.every((branch) => branch.type === 'object')) return {};
  const properties: Record<string, JsonSchema> = {};
  for (const branch of values) {
    for (const [name, property] of Object.entries((branch.properties ?? {}) as Record<string, JsonSchema>)) {
      const seen = properties[name];
      properties[name] = seen === undefined || isDeepStrictEqual(seen, property) ? property : {};
    }
  }
  return { type: 'object', properties, ...nullable };
}

const mapValues = <V, W>(record: Record<string, V>, f: (value: V) => W): Record<string, W> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
