import { type Persona, personasViewSchema, type ScenarioView } from '@planshift/shared/api';
import type { APIRequestContext } from '@playwright/test';
import { expectStatus, readAnswer } from '../http/read-answer';
import { type ScenarioSource, sourceBody } from './scenario-source';

/** A scenario as a test holds it: what the portal answered when it was made, and what it was made from. */
export type World = { view: ScenarioView; source: ScenarioSource };

/** The persona of the scenario with that e-mail; an unknown one fails, naming those there are. */
export function personaIn(world: World, email: string): Persona {
  const wanted = email.toLowerCase();
  const found = world.view.personas.find((persona) => persona.email.toLowerCase() === wanted);
  if (found) return found;
  const known = world.view.personas.map((persona) => persona.email).join(', ');
  throw new Error(`Scenario ${world.view.id} has no persona ${email}; it has ${known || 'none'}.`);
}

/**
 * The scenario a test runs in: a world of its own in the portal (its accounts, clock and
 * mailbox), made before the test and removed after it (or kept for the worker: `scenarioScope`).
 */
export class TestScenario {
  constructor(
    private readonly world: World,
    /** Acts in the scenario (sends its Planshift-Scenario header). */
    private readonly request: APIRequestContext,
    private readonly signedOut: () => void,
  ) {}

  /** What the `Planshift-Scenario` header and the `planshift_scenario` cookie carry. */
  get id(): string {
    return this.world.view.id;
  }

  /** The named scenario it was made from; null when given inline. */
  get name(): string | null {
    return this.world.view.name;
  }

  /** The people to sign in as, with their passwords, accounts and languages. */
  get personas(): readonly Persona[] {
    return this.world.view.personas;
  }

  /** One of them, by e-mail. */
  persona(email: string): Persona {
    return personaIn(this.world, email);
  }

  /**
   * Puts the scenario back as it was made (or makes it another source) in place: same id, its
   * clock as the source sets it, its mail cleared. It signs out the scenario's users, so sign in
   * again after it (`signIn`).
   */
  async reset(source: ScenarioSource = this.world.source): Promise<void> {
    await expectStatus(await this.request.post('/api/test/reset', { data: sourceBody(source) }), 200);
    const { personas } = await readAnswer(await this.request.get('/api/test/personas'), personasViewSchema);
    this.world.view = { ...this.world.view, name: typeof source === 'string' ? source : null, personas };
    this.world.source = source;
    this.signedOut();
  }
}
