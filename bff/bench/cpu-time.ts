// CPU time used by processes, from /proc: on a machine shared with other work a run's requests/s
// measures the share of the cores it got as much as the code, while the CPU time each request
// costs the servers (BFF processes, and PostgreSQL's) does not depend on what else runs.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function stat(pid: number): string[] | null {
  try {
    return (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  } catch {
    return null;
  }
}

/** The CPU milliseconds (user and system) the processes have used so far. */
export function cpuMs(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const fields = stat(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** A PostgreSQL server's processes: its postmaster (first line of postmaster.pid) and its children. */
export function pgServerPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => Number(stat(pid)?.[1]) === postmaster);
  return [postmaster, ...children];
}

/**
 * Waits until the processes use less than a tenth of a core over a second (a seeded world's
 * background work, its PDFs rendered and its e-mails sent, is done), or `maxSeconds` have passed;
 * answers the seconds waited.
 */
export async function settled(pids: () => number[], maxSeconds: number): Promise<number> {
  const started = performance.now();
  let before = cpuMs(pids());
  while (performance.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuMs(pids());
    if (now - before < 100) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}
