import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Yields to the page between slices of work: one macrotask. */
export function yielder(ctx: ContentScriptContext): () => Promise<void> {
  return () => new Promise((resolve) => { ctx.setTimeout(resolve, 0); });
}

/**
 * Runs `task` once things have been quiet for `quietMs`: one timer however many calls come
 * (a keystroke costs a timestamp, not a timer).
 */
export function quietly(ctx: ContentScriptContext, quietMs: number, task: () => void): () => void {
  let last = 0;
  let armed = false;
  const fire = () => {
    const wait = last + quietMs - performance.now();
    if (wait > 1) {
      ctx.setTimeout(fire, wait);
      return;
    }
    armed = false;
    task();
  };
  return () => {
    last = performance.now();
    if (armed) return;
    armed = true;
    ctx.setTimeout(fire, quietMs);
  };
}

/** Runs `task` at most once per frame, however many calls come. */
export function perFrame(ctx: ContentScriptContext, task: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    ctx.requestAnimationFrame(() => {
      queued = false;
      task();
    });
  };
}
