import { defineConfig } from 'wxt';
import { WEBHOOK_PERMISSION_ORIGINS } from './lib/account/webhook';
import { CHROME_PUBLIC_KEY, GECKO_ID } from './lib/extension-identity';
import { contentScriptsStartBare } from './lib/content/bare-entry';
import { contentScriptsWithoutPolyfill } from './lib/content/native-browser';
import { listedContentScripts } from './lib/content/sites/hosts';
import { addTestPageMatches } from './lib/content/sites/test-matches';
import { MANIFEST_API_HOSTS } from './lib/sources/endpoint-permission';

export { GECKO_ID };
/** Chrome's schema for enterprise policy (public/); Firefox takes policy without one. */
const MANAGED_SCHEMA = 'managed-schema.json';

/** The packages for the stores (`npm run zip`): the Chrome Web Store refuses a manifest with `key`. */
const STORE = process.env.SCRIPTMETER_STORE === '1';

export default defineConfig({
  // A test build (site readers on fixture pages too) and the store packages never overwrite the unpacked build.
  ...(process.env.SCRIPTMETER_TEST_PAGES === '1' && { outDir: '.output/test-pages' }),
  ...(STORE && { outDir: '.output/store' }),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    // From public/_locales (en, ko, ja): browsers and stores show them in the user's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: balance/usage checks; notifications: alerts. Webhook hosts are asked for at run time.
    // contextMenus: "Estimate speech length" on selections and editable fields.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus'],
    commands: {
      // Rebindable at chrome://extensions/shortcuts and in Firefox's add-on shortcuts.
      'estimate-selection': { suggested_key: { default: 'Alt+Shift+E' }, description: '__MSG_commandEstimate__' },
    },
    optional_host_permissions: WEBHOOK_PERMISSION_ORIGINS,
    // Each vendor's own API; a team proxy is asked for at run time (lib/sources/endpoint-permission.ts).
    host_permissions: MANIFEST_API_HOSTS,
    browser_specific_settings: {
      gecko: { id: GECKO_ID },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  // Firefox's reviewers rebuild from the sources zip: test output and screenshots are not sources.
  zip: { excludeSources: ['out/**', 'docs/store/**'] },
  hooks: {
    // The polyfill is for the background and pages only: content scripts use the native API (lib/content/native-browser.ts).
    // …and they start without WXT's startup wrapper (lib/content/bare-entry.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      contentScriptsWithoutPolyfill(entrypoints, config);
      contentScriptsStartBare(entrypoints, config);
    },
    // Nothing in the Firefox build reads the policy schema: leave it out there.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') return;
      const index = files.findIndex((file) => file.relativeDest === MANAGED_SCHEMA);
      if (index >= 0) files.splice(index, 1);
    },
    // WXT's manifest types predate Firefox's data_collection_permissions; add it after generation.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.content_scripts = [...manifest.content_scripts ?? [], ...listedContentScripts()];
      addTestPageMatches(manifest, process.env.SCRIPTMETER_TEST_PAGES);
      if (wxt.config.browser !== 'firefox') {
        // A fixed id (lib/extension-identity.ts): the Docs flag and enterprise policy name it.
        // The store keeps the id itself: the one this key was copied from (README, Packaging).
        if (!STORE) manifest.key = CHROME_PUBLIC_KEY;
        // Chrome reads enterprise policy for the extension through this schema (lib/settings/managed.ts);
        // Firefox takes the same values from policies.json without one. Gecko settings mean nothing to Chrome.
        Object.assign(manifest, { storage: { managed_schema: MANAGED_SCHEMA } });
        delete manifest.browser_specific_settings;
        return;
      }
      // MV2 has no optional_host_permissions: origins go in optional_permissions.
      if (manifest.manifest_version === 2) manifest.optional_permissions = [...WEBHOOK_PERMISSION_ORIGINS];
      const gecko = manifest.browser_specific_settings?.gecko;
      if (gecko) Object.assign(gecko, { data_collection_permissions: { required: ['none'] } });
    },
  },
});
