import { seededRandom } from './random';
import type { Fault, QueuedFault, RandomFaults } from './types';

/** Decides which fault, if any, the next request to a path gets: queued faults first, then random ones. */
export interface FaultPlan {
  add(faults: readonly QueuedFault[]): void;
  clear(): void;
  setRandom(config: RandomFaults | null): void;
  take(path: string): Fault | undefined;
}

export function createFaultPlan(): FaultPlan {
  let queue: Array<{ fault: QueuedFault; left: number }> = [];
  let random: { config: RandomFaults; next: () => number } | undefined;

  return {
    add(faults) {
      queue.push(...faults.map((fault) => ({ fault, left: fault.times ?? 1 })));
    },
    clear() {
      queue = [];
      random = undefined;
    },
    setRandom(config) {
      random = config ? { config, next: seededRandom(config.seed) } : undefined;
    },
    take(path) {
      const entry = queue.find(({ fault }) => fault.path === undefined || path.includes(fault.path));
      if (entry) {
        entry.left -= 1;
        if (entry.left <= 0) queue.splice(queue.indexOf(entry), 1);
        return entry.fault;
      }
      if (!random || (random.config.path !== undefined && !path.includes(random.config.path))) return undefined;
      const { kinds, rate } = random.config;
      // Two draws per request whatever the outcome, so one seed gives one sequence.
      const hit = random.next() < rate;
      const pick = kinds[Math.floor(random.next() * kinds.length)];
      return hit ? pick : undefined;
    },
  };
}
