import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './scenario-json-schema';
import { sourceBody, sourceKey } from './scenario-source';

const inline = { catalogs: [], accounts: [] } as never;

describe('what a scenario is made from', () => {
  it('is sent by name, or whole', () => {
    expect(sourceBody('demo')).toEqual({ name: 'demo' });
    expect(sourceBody(inline)).toEqual({ scenario: inline });
  });

  it('is found again by the same key, and a name is never taken for an inline scenario', () => {
    expect(sourceKey('demo')).toBe(sourceKey('demo'));
    expect(sourceKey(inline)).toBe(sourceKey({ catalogs: [], accounts: [] } as never));
    expect(sourceKey('demo')).not.toBe(sourceKey(inline));
  });

  it('has a JSON Schema, from the schema the portal validates with', () => {
    const schema = scenarioJsonSchema() as { type: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['catalogs', 'accounts']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['clock', 'seller', 'catalogs', 'accounts']));
  });
});
