import { browser } from 'wxt/browser';
import type { InlineConfig } from '../content/inline-config';
import { ENGLISH_INLINE_WORDS, type InlineWords } from '../content/inline-words';
import { detectLocale, translator } from '../i18n';
import type { TabEnvelope, TabMessageType } from '../content/tab-protocol';
import { creditsPerSecond, type RoundingRule } from '../rates/credits';
import type { Settings } from '../settings/schema';
import type { VoiceParameters } from '../estimate/local-model';

/** The command declared in wxt.config.ts. */
const ESTIMATE_COMMAND = 'estimate-selection';
const MENU_ID = 'scriptmeter-estimate';
const QUANTUM: Record<RoundingRule, InlineConfig['billing']['quantum']> = { prorate: 0, second: 1, minute: 60 };

/** A listed site covers its subdomains: "example.com" also pauses "docs.example.com". */
export function isSiteDisabled(host: string, disabledSites: readonly string[]): boolean {
  const name = host.toLowerCase();
  return disabledSites.some((site) => name === site || name.endsWith(`.${site}`));
}

/** The voice in effect as the local model sees it: its parameters, and the calibration sentence when it has one. */
export interface LocalVoice {
  parameters: VoiceParameters;
  calibrated?: string;
}

export function inlineConfigFor(settings: Settings, voice: LocalVoice, host: string, words: InlineWords = ENGLISH_INLINE_WORDS): InlineConfig {
  const perSecond = creditsPerSecond(settings.provider, settings.model, settings.rateOverrides);
  return {
    active: !settings.privacy.paused && !isSiteDisabled(host, settings.privacy.disabledSites),
    wholeFieldApi: settings.privacy.wholeFieldApi,
    maxApiCharacters: settings.maxApiCharacters,
    provider: settings.provider,
    local: { language: settings.language, speed: settings.speed, ...voice },
    billing: { perSecond, quantum: QUANTUM[settings.rounding] },
    words,
  };
}

function sendToTab(tabId: number, type: TabMessageType): Promise<unknown> {
  const message: TabEnvelope = { scriptmeter: 1, type };
  // Tabs without our content script (browser pages, the store) refuse: nothing to do there.
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

/** Content scripts cache the inline config; tell them when it may have changed (settings, voice list, calibrations). */
export async function notifyTabsOfSettings(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [sendToTab(tab.id, 'settingsChanged')])));
}

/** The keyboard command and the context-menu item both ask the tab to show its figure. */
export function registerInlineTriggers(): void {
  const menus = browser.contextMenus;
  void menus.removeAll().then(() => {
    menus.create({ id: MENU_ID, title: translator(detectLocale())('inline.menu'), contexts: ['selection', 'editable'] });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void sendToTab(tab.id, 'showEstimate');
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== ESTIMATE_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, 'showEstimate');
  });
}
