import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '@/lib/estimate/adaptive-limit';

describe('AdaptiveLimit', () => {
  it('never runs more than its limit at once', async () => {
    const limit = new AdaptiveLimit(3);
    let running = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 20 }, () => limit.run(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    })));
    expect(peak).toBe(3);
  });

  it('halves on a rate limit and recovers after successes', () => {
    const limit = new AdaptiveLimit(4, 2);
    limit.slowDown();
    expect(limit.concurrency).toBe(2);
    limit.slowDown();
    limit.slowDown();
    expect(limit.concurrency).toBe(1);
    for (let i = 0; i < 2; i++) limit.succeeded();
    expect(limit.concurrency).toBe(2);
    for (let i = 0; i < 10; i++) limit.succeeded();
    expect(limit.concurrency).toBe(4);
  });
});
