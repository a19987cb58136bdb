import {
  type ScenarioListView,
  type ScenarioView,
  scenarioListViewSchema,
  scenarioViewSchema,
} from '@planshift/shared/api';
import type { APIRequestContext } from '@playwright/test';
import { expectStatus, readAnswer } from '../http/read-answer';
import { type ScenarioSource, sourceBody } from './scenario-source';

// The host's routes: they make and remove worlds, and act in none (no Planshift-Scenario header).

/** Makes a scenario, a world of its own with its accounts, clock and mailbox; answers its id and personas. */
export async function createScenario(request: APIRequestContext, source: ScenarioSource): Promise<ScenarioView> {
  return readAnswer(await request.post('/api/test/scenarios', { data: sourceBody(source) }), scenarioViewSchema, 201);
}

/** Removes a scenario with its data and mail, signing out its users. One already gone is no error. */
export async function deleteScenario(request: APIRequestContext, id: string): Promise<void> {
  const response = await request.delete(`/api/test/scenarios/${encodeURIComponent(id)}`);
  if (response.status() === 404) return;
  await expectStatus(response, 204);
}

/** The scenarios the portal holds, and the names a new one can be made from. */
export async function listScenarios(request: APIRequestContext): Promise<ScenarioListView> {
  return readAnswer(await request.get('/api/test/scenarios'), scenarioListViewSchema);
}
