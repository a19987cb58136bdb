/**
 * A small seeded generator (mulberry32): a chaos run prints its seed, and the same seed draws the
 * same delays again, so that a failing interleaving can be chased (timing still varies).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number of milliseconds in [0, max]. */
export const randomMs = (random: () => number, max: number): number => Math.floor(random() * (max + 1));
