import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test';
import { createScenario, deleteScenario } from './scenario-host';
import { type ScenarioSource, sourceKey } from './scenario-source';
import type { World } from './test-scenario';

/**
 * The scenarios a worker keeps across its tests (`scenarioScope: 'worker'`), one per portal and
 * source, made when first asked for and removed when the worker ends. For suites that only read:
 * what one test changes, the next one sees.
 */
export class WorkerWorlds {
  readonly #worlds = new Map<string, { baseURL: string; world: World }>();

  constructor(private readonly playwright: PlaywrightWorkerArgs['playwright']) {}

  async get(baseURL: string, source: ScenarioSource): Promise<World> {
    const key = `${baseURL} ${sourceKey(source)}`;
    const kept = this.#worlds.get(key);
    if (kept) return kept.world;
    const world = { view: await this.withHost(baseURL, (host) => createScenario(host, source)), source };
    this.#worlds.set(key, { baseURL, world });
    return world;
  }

  /** Removes every scenario the worker made. */
  async removeAll(): Promise<void> {
    for (const { baseURL, world } of this.#worlds.values()) {
      await this.withHost(baseURL, (host) => deleteScenario(host, world.view.id));
    }
    this.#worlds.clear();
  }

  private async withHost<T>(baseURL: string, act: (host: APIRequestContext) => Promise<T>): Promise<T> {
    const host = await this.playwright.request.newContext({ baseURL });
    try {
      return await act(host);
    } finally {
      await host.dispose();
    }
  }
}
