import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAccountMonitor } from '@/lib/background/account';
import { onAccountAlarm } from '@/lib/background/alarms';
import { balanceRecorder } from '@/lib/background/balance-readings';
import { createEngine, voiceCatalogItem } from '@/lib/background/engine';
import { sourceHandlers } from '@/lib/background/source-handlers';
import { inlineConfigFor, notifyTabsOfSettings, registerInlineTriggers } from '@/lib/background/inline';
import { createMessageListener } from '@/lib/background/router';
import { calibrationHandlers, calibrationStore } from '@/lib/calibration/store';
import { createHistoryLog } from '@/lib/history/log';
import { userInlineWords } from '@/lib/i18n/inline-words';
import { estimateOrigin } from '@/lib/history/row';
import { historyStore } from '@/lib/history/store';
import { restrictStorageToExtensionPages } from '@/lib/background/storage-access';
import { STORAGE_FULL_MESSAGE, storageFullErrors, unlessStorageFull } from '@/lib/background/storage-full';
import { apiKeyStatus, clearApiKey, readSettings, saveApiKey, saveSettings, watchApiKey, watchSettings } from '@/lib/settings/store';

export default defineBackground(() => {
  const extensionBaseUrl = browser.runtime.getURL('/');
  void restrictStorageToExtensionPages();
  const history = createHistoryLog(historyStore());
  const calibrations = calibrationStore();
  const engine = createEngine(history, calibrations);
  // Open tabs keep the inline config (prices, the voice's speaking rate and calibration): whatever changes it tells them.
  const configChanged = () => {
    engine.invalidate();
    void notifyTabsOfSettings();
  };
  watchSettings(configChanged);
  calibrations.onChange(() => void notifyTabsOfSettings());
  registerInlineTriggers();
  watchApiKey(() => engine.invalidate());
  const account = createAccountMonitor();
  watchSettings((settings) => void account.settingsChanged(settings));
  watchApiKey(() => void account.poll());
  onAccountAlarm(() => void account.poll());
  balanceRecorder().onRecorded(() => void account.balanceSeen());

  browser.runtime.onMessage.addListener(
    createMessageListener(
      {
        estimate: ({ text, record, consent, offer }, sender) => {
          // The router gives content scripts no `consent`; their paid figure comes only through a signed offer.
          const fromContentScript = !(sender.url?.startsWith(extensionBaseUrl) ?? false);
          return engine.estimate(text, { where: estimateOrigin(sender.url, extensionBaseUrl), record: record ?? true, ...(fromContentScript ? { offer, offerable: true } : { consent }) });
        },
        paragraphFigures: ({ text }) => engine.paragraphFigures(text).then(
          (paragraphs) => ({ ok: true as const, paragraphs }),
          (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
        ),
        inlineConfig: async ({ host }) => {
          const [settings, voice] = await Promise.all([engine.pricedSettings(), engine.localVoice()]);
          return inlineConfigFor(settings, voice, host, userInlineWords());
        },
        getSettings: () => readSettings(),
        saveSettings: ({ patch }) => unlessStorageFull(() => saveSettings(patch), () => ({ ok: false as const, errors: storageFullErrors(patch) })),
        // A key saved here applies to the next figure, before the key store's change event arrives.
        setApiKey: async ({ key, vendor }) => {
          const saved = await unlessStorageFull(() => saveApiKey(key, vendor), () => ({ ok: false as const, error: STORAGE_FULL_MESSAGE }));
          engine.invalidate();
          return saved;
        },
        clearApiKey: async ({ vendor }) => {
          await clearApiKey(vendor);
          engine.invalidate();
          return { ok: true as const };
        },
        keyStatus: ({ vendor }) => apiKeyStatus(vendor),
        listHistory: async () => ({ rows: await history.list() }),
        clearHistory: async () => {
          await history.clear();
          return { ok: true as const };
        },
        ...account.handlers(),
        ...calibrationHandlers(calibrations),
        ...sourceHandlers({ catalog: voiceCatalogItem, ledger: engine.ledger, onVoices: configChanged }),
      },
      { extensionId: browser.runtime.id, extensionBaseUrl },
    ),
  );
  void account.start();
});
