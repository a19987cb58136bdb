import type { ScenarioInput } from '@planshift/bff/scenarios/scenario-schema';

/** What a scenario is made from: a named one the portal knows (`'demo'`), or a whole one inline. */
export type ScenarioSource = string | ScenarioInput;

/** The request body that names a source, for creating a scenario and for resetting one. */
export function sourceBody(source: ScenarioSource): { name: string } | { scenario: ScenarioInput } {
  return typeof source === 'string' ? { name: source } : { scenario: source };
}

/** A key that is the same for the same source: worlds kept for a worker are found again by it. */
export function sourceKey(source: ScenarioSource): string {
  return typeof source === 'string' ? `name:${source}` : `inline:${JSON.stringify(source)}`;
}
