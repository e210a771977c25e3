import { defineConfig } from 'wxt';
import { WEBHOOK_PERMISSION_ORIGINS } from './lib/account/webhook';
import { MANIFEST_API_HOSTS } from './lib/sources/endpoint-permission';

// Gecko id is fixed so Firefox keeps storage across reinstalls and tests can pin the UUID.
export const GECKO_ID = 'scriptmeter@scriptmeter.dev';
/** Chrome's schema for enterprise policy (public/); Firefox takes policy without one. */
const MANAGED_SCHEMA = 'managed-schema.json';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'ScriptMeter',
    description: 'How long your text-to-speech script will sound, and what it will cost — right where you write it.',
    // alarms: balance/usage checks; notifications: alerts. Webhook hosts are asked for at run time.
    // contextMenus: "Estimate speech length" on selections and editable fields.
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus'],
    commands: {
      // Rebindable at chrome://extensions/shortcuts and in Firefox's add-on shortcuts.
      'estimate-selection': { suggested_key: { default: 'Alt+Shift+E' }, description: 'Estimate speech length of the selection or field' },
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
    // Nothing in the Firefox build reads the policy schema: leave it out there.
    'build:publicAssets': (wxt, files) => {
      if (wxt.config.browser !== 'firefox') return;
      const index = files.findIndex((file) => file.relativeDest === MANAGED_SCHEMA);
      if (index >= 0) files.splice(index, 1);
    },
    // WXT's manifest types predate Firefox's data_collection_permissions; add it after generation.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') {
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
