import { defineConfig } from 'wxt';

// Gecko id is fixed so Firefox keeps storage across reinstalls and tests can pin the UUID.
export const GECKO_ID = 'scriptmeter@scriptmeter.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'ScriptMeter',
    description: 'How long your text-to-speech script will sound, and what it will cost — right where you write it.',
    permissions: ['storage'],
    host_permissions: ['https://supertoneapi.com/*'],
    browser_specific_settings: {
      gecko: { id: GECKO_ID },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  hooks: {
    // WXT's manifest types predate Firefox's data_collection_permissions; add it after generation.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      const gecko = manifest.browser_specific_settings?.gecko;
      if (gecko) Object.assign(gecko, { data_collection_permissions: { required: ['none'] } });
    },
  },
});
