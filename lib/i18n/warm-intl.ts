/**
 * Loads the locale data the page's formats need on a worker thread while the page's code loads,
 * so its first render does not pay for it; the worker ends once done. Where workers are
 * unavailable the page simply pays for it later.
 */
export function warmIntl(): void {
  try {
    const worker = new Worker('/warm-intl.js');
    const end = () => worker.terminate();
    worker.addEventListener('message', end);
    worker.addEventListener('error', end);
  } catch {
    // No worker: nothing is lost but the head start.
  }
}
