import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createEngine } from '@/lib/background/engine';
import { createMessageListener } from '@/lib/background/router';
import { apiKeyStatus, clearApiKey, readSettings, saveApiKey, saveSettings, watchApiKey, watchSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  const engine = createEngine();
  watchSettings(() => engine.invalidate());
  watchApiKey(() => engine.invalidate());

  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        estimate: ({ text }) => engine.estimate(text),
        getSettings: () => readSettings(),
        saveSettings: ({ patch }) => saveSettings(patch),
        setApiKey: ({ key }) => saveApiKey(key),
        clearApiKey: async () => {
          await clearApiKey();
          return { ok: true as const };
        },
        keyStatus: () => apiKeyStatus(),
      },
      { extensionId: browser.runtime.id, extensionBaseUrl: browser.runtime.getURL('/') },
    ),
  );
});
