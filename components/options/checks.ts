import { loadOnce } from '../lazy';

/**
 * The options page's own zod checks, in chunks of their own: the page renders and its fields work
 * without zod. The checks load when the page is idle after its settings are on screen, and a save
 * or an import awaits them (already loaded by then, unless the user was quicker).
 */
export const alertsCheck = loadOnce(() => import('./alerts-check'));
export const castParser = loadOnce(() => import('@/lib/script/cast'));
export const settingsFiles = loadOnce(() => import('./settings-file'));

export function preloadChecks(): void {
  // A chunk that fails to load here is tried again, and its failure seen, by the save that needs it.
  const load = () => [alertsCheck, castParser, settingsFiles].forEach((lazy) => void lazy.load().catch(() => undefined));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 0);
}
