import type { WxtHooks } from 'wxt';

/** Vite's plugin type as WXT's own Vite declares it (the project's top-level Vite may be another version). */
type VitePlugins = NonNullable<Parameters<WxtHooks['vite:build:extendConfig']>[1]['plugins']>;

/**
 * WXT starts each unlisted script and page-world content script through a wrapper that logs a
 * crash with a "[wxt]" prefix (in development only; production keeps the dead logger) and throws
 * it again: about 0.2 kB gzipped in every one, and Google Docs loads two. Our content scripts
 * start from a bare call instead; a crash still reaches the console uncaught. WXT's plugins are
 * still started first. Nothing reads a script's result (no executeScript), so none is returned.
 * The ids matched are WXT 0.21's (core/builders/vite, getRollupEntry; Vite passes them with the
 * project root in front): if they change, nothing matches and WXT's wrapper comes back, which
 * scripts/size-check.ts would show.
 */
const WRAPPED_ENTRY = /(?:^|\/)virtual:wxt-(?:unlisted-script|content-script-main-world)-entrypoint\?(.+)$/;
const BARE_ENTRY = '\0scriptmeter:bare-entry?';

const bareEntry: VitePlugins[number] = {
  name: 'scriptmeter:bare-entry',
  enforce: 'pre',
  resolveId(id) {
    const path = WRAPPED_ENTRY.exec(id)?.[1];
    return path === undefined ? null : BARE_ENTRY + path;
  },
  load(id) {
    if (!id.startsWith(BARE_ENTRY)) return null;
    const path = JSON.stringify(id.slice(BARE_ENTRY.length));
    return `import definition from ${path};\nimport { initPlugins } from 'virtual:wxt-plugins';\ninitPlugins();\ndefinition.main();\n`;
  },
};

/** For wxt.config.ts's `vite:build:extendConfig` hook: content-script builds start their scripts bare. */
export const contentScriptsStartBare: WxtHooks['vite:build:extendConfig'] = (entrypoints, config) => {
  if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) return;
  config.plugins = [...(config.plugins ?? []), bareEntry];
};
