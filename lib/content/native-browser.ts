import type { WxtHooks } from 'wxt';

/** What `@wxt-dev/webextension-polyfill` points `wxt/browser` at, for every build. */
const POLYFILLED = 'wxt/browser';

/**
 * Content scripts run in every page the user opens, so they use the browser's own extension API:
 * webextension-polyfill was a third of their minified size. The polyfill module aliases
 * `wxt/browser` for every build; this takes the alias out again for builds of content scripts and
 * of the site readers (the only unlisted scripts), which then get WXT's plain `browser` (Firefox's
 * `browser`, Chrome's `chrome`, whose MV3 calls return promises). The background and the pages keep
 * the polyfill. For wxt.config.ts's `vite:build:extendConfig` hook.
 */
export const contentScriptsWithoutPolyfill: WxtHooks['vite:build:extendConfig'] = (entrypoints, config) => {
  if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) return;
  const alias = config.resolve?.alias;
  if (!config.resolve || !alias) return;
  config.resolve.alias = Array.isArray(alias)
    ? alias.filter((entry) => entry.find !== POLYFILLED)
    : Object.fromEntries(Object.entries(alias).filter(([find]) => find !== POLYFILLED));
};
