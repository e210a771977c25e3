import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Bounded parallelism that halves on a rate-limit answer and creeps back up after a run of
 * successes, so a throttled API sees fewer requests rather than a retry storm.
 */
export class AdaptiveLimit {
  private readonly limit: LimitFunction;
  private successes = 0;

  constructor(private readonly max = 4, private readonly recoverAfter = 8) {
    this.limit = pLimit(max);
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    return this.limit(task);
  }

  get concurrency(): number {
    return this.limit.concurrency;
  }

  slowDown(): void {
    this.successes = 0;
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
  }

  succeeded(): void {
    if (this.limit.concurrency >= this.max) return;
    this.successes += 1;
    if (this.successes >= this.recoverAfter) {
      this.successes = 0;
      this.limit.concurrency += 1;
    }
  }
}
