import { describe, expect, it } from 'vitest';
import { createMessageListener, type Handlers } from '@/lib/background/router';
import { inlineConfigFor } from '@/lib/background/inline';
import { defaultSettings } from '@/lib/settings/schema';
import { defaultParameters } from '@/lib/estimate/local-model';

const context = { extensionId: 'ext-id', extensionBaseUrl: 'chrome-extension://ext-id/' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const contentScript = { id: 'ext-id', url: 'https://docs.example.com/editor' };

function setup() {
  const seen: string[] = [];
  const handlers: Handlers = {
    estimate: async ({ text }, sender) => { seen.push(`estimate:${text}@${sender.url ?? ''}`); return { ok: false, error: 'test' }; },
    inlineConfig: async ({ host }) => { seen.push(`inlineConfig:${host}`); return inlineConfigFor(defaultSettings(), { parameters: defaultParameters('en') }, host); },
    getSettings: async () => { seen.push('getSettings'); return defaultSettings(); },
    saveSettings: async () => { seen.push('saveSettings'); return { ok: true, settings: defaultSettings() }; },
    setApiKey: async () => { seen.push('setApiKey'); return { ok: true }; },
    clearApiKey: async () => { seen.push('clearApiKey'); return { ok: true }; },
    keyStatus: async () => { seen.push('keyStatus'); return { set: false, hint: '' }; },
    accountStatus: async () => { seen.push('accountStatus'); return accountView; },
    refreshAccount: async () => { seen.push('refreshAccount'); return accountView; },
    testConnection: async () => { seen.push('testConnection'); return { ok: true, balance: 1 }; },
    listVoices: async () => { seen.push('listVoices'); return { ok: true, voices: [] }; },
    dismissAlert: async () => { seen.push('dismissAlert'); return { ok: true }; },
    expectVoice: async () => { seen.push('expectVoice'); return { ok: true }; },
    listHistory: async () => { seen.push('listHistory'); return { rows: [] }; },
    clearHistory: async () => { seen.push('clearHistory'); return { ok: true }; },
    listCalibrations: async () => { seen.push('listCalibrations'); return { calibrations: [] }; },
    saveCalibration: async () => { seen.push('saveCalibration'); return { ok: false, error: 'test' }; },
    deleteCalibration: async () => { seen.push('deleteCalibration'); return { ok: true }; },
    exportCalibrations: async () => { seen.push('exportCalibrations'); return { file: {} }; },
    importCalibrations: async () => { seen.push('importCalibrations'); return { ok: false, error: 'test' }; },
    paragraphFigures: async ({ text }) => { seen.push(`paragraphFigures:${text}`); return { ok: true, paragraphs: [] }; },
    vendorTest: async () => { seen.push('vendorTest'); return { ok: true, balance: 1, cost: 0 }; },
    vendorVoices: async () => { seen.push('vendorVoices'); return { ok: true, voices: [], cost: 0.25 }; },
    spendStatus: async () => { seen.push('spendStatus'); return { spentToday: 0 }; },
  };
  return { seen, listener: createMessageListener(handlers, context) };
}

const envelope = (type: string, data: unknown) => ({ scriptmeter: 1, type, data });
const accountView = { balance: { status: 'no-key' as const }, refreshCost: 0, minutesLeft: null, model: 'sona_speech_1', low: false, lowThreshold: null, usage: null, usageByVoice: false, spend: null, alerts: [] };

describe('message router', () => {
  it('lets a content script ask for an estimate', async () => {
    const { seen, listener } = setup();
    await listener(envelope('estimate', { text: 'Hello' }), contentScript);
    expect(seen).toEqual(['estimate:Hello@https://docs.example.com/editor']);
  });

  it.each(['getSettings', 'saveSettings', 'setApiKey', 'clearApiKey', 'keyStatus'])('refuses %s from a content script', async (type) => {
    const { seen, listener } = setup();
    const data = type === 'setApiKey' ? { key: 'x' } : type === 'saveSettings' ? { patch: {} } : {};
    await expect(listener(envelope(type, data), contentScript)).rejects.toThrow(/only available/);
    expect(seen).toEqual([]);
  });

  it.each([
    ['accountStatus', {}], ['refreshAccount', {}], ['testConnection', {}], ['listVoices', {}],
    ['dismissAlert', { id: 'x' }], ['expectVoice', { voiceId: 'v' }], ['listHistory', {}], ['clearHistory', {}],
    ['vendorTest', { vendor: 'audiostack' }], ['vendorVoices', { vendor: 'audiostack', refresh: true }], ['spendStatus', {}],
  ])('keeps account and history message %s to extension pages', async (type, data) => {
    const { seen, listener } = setup();
    await expect(listener(envelope(type, data), contentScript)).rejects.toThrow(/only available/);
    await listener(envelope(type, data), page);
    expect(seen).toEqual([type]);
  });

  it('never lets a content script pass consent to spend credits; it may hand back an offer token', async () => {
    const { seen, listener } = setup();
    await expect(listener(envelope('estimate', { text: 'Buy', consent: { maxCredits: 1 } }), contentScript)).rejects.toThrow(/Malformed/);
    await listener(envelope('estimate', { text: 'Offer', offer: 'token' }), contentScript);
    await listener(envelope('estimate', { text: 'Popup', consent: { maxCredits: 1 } }), page);
    expect(seen).toEqual(['estimate:Offer@https://docs.example.com/editor', 'estimate:Popup@chrome-extension://ext-id/options.html']);
  });

  it('serves settings to extension pages', async () => {
    const { seen, listener } = setup();
    await listener(envelope('getSettings', {}), page);
    expect(seen).toEqual(['getSettings']);
  });

  it('ignores messages from other extensions and messages that are not ours', () => {
    const { seen, listener } = setup();
    expect(listener(envelope('estimate', { text: 'x' }), { id: 'other-extension', url: 'https://x.y' })).toBeUndefined();
    expect(listener({ type: 'estimate', text: 'x' }, contentScript)).toBeUndefined();
    expect(listener('estimate', contentScript)).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('rejects malformed requests before any handler runs', async () => {
    const { seen, listener } = setup();
    await expect(listener(envelope('estimate', { text: 42 }), contentScript)).rejects.toThrow(/Malformed/);
    await expect(listener(envelope('estimate', { text: 'x', extra: true }), contentScript)).rejects.toThrow(/Malformed/);
    await expect(listener(envelope('setApiKey', {}), page)).rejects.toThrow(/Malformed/);
    expect(seen).toEqual([]);
  });
});
