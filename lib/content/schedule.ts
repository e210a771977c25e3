import type { ContentContext } from './context';

/*
 * Timers tied to the content script's context (lib/content/context.ts). Each helper registers its
 * clean-up once and reuses one pending slot, rather than an 'abort' listener per call (what WXT's
 * ctx.setTimeout did: one per keystroke or scrolled frame, kept for the page's life).
 */

export type Pause = () => Promise<void>;

/** What scheduling needs of the content script's context. */
export type ScheduleContext = Pick<ContentContext, 'onInvalidated' | 'isValid' | 'isInvalid' | 'block'>;

/** A single pending timer for `task`, cleared when the context is invalidated. */
function timerSlot(ctx: ScheduleContext, task: () => void): (ms: number) => void {
  let id: ReturnType<typeof setTimeout> | undefined;
  ctx.onInvalidated(() => clearTimeout(id));
  const run = () => {
    id = undefined;
    if (ctx.isValid) task();
  };
  return (ms) => {
    id = setTimeout(run, ms);
  };
}

/**
 * Runs tasks each in a task of its own, after the current event's other handlers (editors update
 * their selection on the same event), as ctx.setTimeout(task, 0) would, with one clean-up for all.
 */
export function nextTasks(ctx: ScheduleContext): (task: () => void) => void {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  ctx.onInvalidated(() => pending.forEach((id) => clearTimeout(id)));
  return (task) => {
    const id = setTimeout(() => {
      pending.delete(id);
      if (ctx.isValid) task();
    }, 0);
    pending.add(id);
  };
}

/**
 * Runs `task` once things have been quiet for `quietMs`: one timer however many calls come
 * (a keystroke costs a timestamp, not a timer).
 */
export function quietly(ctx: ScheduleContext, quietMs: number, task: () => void): () => void {
  let last = 0;
  let armed = false;
  const arm = timerSlot(ctx, () => {
    const wait = last + quietMs - performance.now();
    if (wait > 1) return arm(wait);
    armed = false;
    task();
  });
  return () => {
    last = performance.now();
    if (armed) return;
    armed = true;
    arm(quietMs);
  };
}

/** Runs `task` at most once per frame, however many calls come. */
export function perFrame(ctx: ScheduleContext, task: () => void): () => void {
  let id: number | undefined;
  ctx.onInvalidated(() => {
    if (id !== undefined) cancelAnimationFrame(id);
  });
  const run = () => {
    id = undefined;
    if (ctx.isValid) task();
  };
  return () => {
    id ??= requestAnimationFrame(run);
  };
}

interface SchedulerWithYield { yield(): Promise<void> }

const IDLE_TIMEOUT_MS = 1_000;

/**
 * Yields to the page between slices of work, so input and rendering go first. `prompt` comes back
 * in the next task (the user is waiting for this figure); `idle` waits for the page to be idle
 * (background work such as the field chip, which must not slow typing). Once the content script is
 * invalidated, the work is never resumed.
 */
export function yielder(ctx: ScheduleContext, mode: 'prompt' | 'idle' = 'prompt'): Pause {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  // Without scheduler.yield (Firefox ESR), a timer: nested ones wait 4 ms, but the work is short.
  const prompt: Pause = typeof scheduler?.yield === 'function'
    ? () => (scheduler as SchedulerWithYield).yield()
    : () => new Promise((resolve) => { setTimeout(resolve, 0); });
  const wait: Pause = mode === 'idle' && typeof requestIdleCallback === 'function'
    ? () => new Promise((resolve) => { requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }); })
    : prompt;
  return async () => {
    await wait();
    if (ctx.isInvalid) await ctx.block();
  };
}
