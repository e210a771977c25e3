import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTasks, quietly, yielder } from '@/lib/content/schedule';
import { testContext } from '../fixtures/schedule-context';

afterEach(() => {
  vi.useRealTimers();
});

describe('quietly', () => {
  it('runs once, when the calls have stopped for the quiet time', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = testContext();
    let runs = 0;
    const keystroke = quietly(ctx, 400, () => { runs++; });
    for (let i = 0; i < 50; i++) {
      keystroke();
      vi.advanceTimersByTime(100);
    }
    expect(runs).toBe(0);
    vi.advanceTimersByTime(299);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(2);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(5_000);
    expect(runs).toBe(1);
  });

  it('never runs after the content script is invalidated', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const ctx = testContext();
    let runs = 0;
    const keystroke = quietly(ctx, 400, () => { runs++; });
    keystroke();
    ctx.invalidate();
    vi.advanceTimersByTime(5_000);
    expect(runs).toBe(0);
  });
});

describe('nextTasks', () => {
  it('runs each task once, in a later task, and none after the content script is invalidated', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ctx = testContext();
    const later = nextTasks(ctx);
    const ran: string[] = [];
    later(() => ran.push('a'));
    later(() => ran.push('b'));
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['a', 'b']);
    later(() => ran.push('c'));
    ctx.invalidate();
    vi.advanceTimersByTime(1_000);
    expect(ran).toEqual(['a', 'b']);
  });
});

describe('yielder', () => {
  it('resumes in a later task, after the current one has run out', async () => {
    const ctx = testContext();
    const order: string[] = [];
    const resumed = yielder(ctx)().then(() => order.push('resumed'));
    // A long chain of promise jobs: all of it belongs to the current task.
    let chain = Promise.resolve();
    for (let i = 0; i < 100; i++) chain = chain.then(() => undefined);
    void chain.then(() => order.push('current task done'));
    await resumed;
    expect(order).toEqual(['current task done', 'resumed']);
  });

  it('never resumes work once the content script is invalidated', async () => {
    const ctx = testContext();
    const pause = yielder(ctx);
    let resumed = false;
    void pause().then(() => { resumed = true; });
    ctx.invalidate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resumed).toBe(false);
  });
});
