import { writeFile } from 'node:fs/promises';
import { scenarioJsonSchema } from '../src/scenario/scenario-json-schema';

// The scenario JSON Schema ships with the package (`@planshift/playwright/scenario.schema.json`),
// for editors and for QA teams that keep their scenarios as JSON files.
const target = new URL('../dist/scenario.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
