/**
 * The options page's own zod checks, in chunks of their own: the page renders and its fields work
 * without zod. The checks load when the page is idle after its settings are on screen, and a save
 * or an import awaits them (already loaded by then, unless the user was quicker).
 */
export interface LazyModule<M> {
  /** Loads the module once (again after a failed load) and resolves with it. */
  load(): Promise<M>;
  /** The module once it has loaded, for a click that must not wait before asking for a permission. */
  loaded(): M | undefined;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    load: () => (loading ??= importer().then(
      (loadedModule) => (module = loadedModule),
      (error: unknown) => { loading = undefined; throw error; },
    )),
    loaded: () => module,
  };
}

export const alertsCheck = lazyModule(() => import('./alerts-check'));
export const castParser = lazyModule(() => import('@/lib/script/cast'));
export const settingsFiles = lazyModule(() => import('./settings-file'));

export function preloadChecks(): void {
  // A chunk that fails to load here is tried again, and its failure seen, by the save that needs it.
  const load = () => [alertsCheck, castParser, settingsFiles].forEach((lazy) => void lazy.load().catch(() => undefined));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2_000 });
  else setTimeout(load, 0);
}
