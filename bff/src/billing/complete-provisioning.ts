import { wallMs } from '../clock';
import type { ProvisioningRepository } from '../store/provisioning-repository';

export type ProvisioningOutcome = Awaited<ReturnType<ProvisioningRepository['complete']>>;

/**
 * One writer per subscription (docs/decisions/006): while an order or a collection holds the
 * subscription, completing waits for it to end, polling, up to two minutes; `onWaiting` is told
 * once when it starts to wait.
 */
export async function completeWhenFree(
  complete: () => Promise<ProvisioningOutcome>,
  onWaiting: () => void = () => {},
): Promise<ProvisioningOutcome> {
  const deadline = wallMs() + 120_000;
  for (let announced = false; ; ) {
    const outcome = await complete();
    if (outcome !== 'busy' || wallMs() > deadline) return outcome;
    if (!announced) onWaiting();
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
