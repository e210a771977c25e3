import { describe, expect, it } from 'vitest';
import { createMessageListener, type Handlers } from '@/lib/background/router';
import { defaultSettings } from '@/lib/settings/schema';

const context = { extensionId: 'ext-id', extensionBaseUrl: 'chrome-extension://ext-id/' };
const page = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const contentScript = { id: 'ext-id', url: 'https://docs.example.com/editor' };

function setup() {
  const seen: string[] = [];
  const handlers: Handlers = {
    estimate: async ({ text }) => { seen.push(`estimate:${text}`); return { ok: false, error: 'test' }; },
    getSettings: async () => { seen.push('getSettings'); return defaultSettings(); },
    saveSettings: async () => { seen.push('saveSettings'); return { ok: true, settings: defaultSettings() }; },
    setApiKey: async () => { seen.push('setApiKey'); return { ok: true }; },
    clearApiKey: async () => { seen.push('clearApiKey'); return { ok: true }; },
    keyStatus: async () => { seen.push('keyStatus'); return { set: false, hint: '' }; },
  };
  return { seen, listener: createMessageListener(handlers, context) };
}

const envelope = (type: string, data: unknown) => ({ scriptmeter: 1, type, data });

describe('message router', () => {
  it('lets a content script ask for an estimate', async () => {
    const { seen, listener } = setup();
    await listener(envelope('estimate', { text: 'Hello' }), contentScript);
    expect(seen).toEqual(['estimate:Hello']);
  });

  it.each(['getSettings', 'saveSettings', 'setApiKey', 'clearApiKey', 'keyStatus'])('refuses %s from a content script', async (type) => {
    const { seen, listener } = setup();
    const data = type === 'setApiKey' ? { key: 'x' } : type === 'saveSettings' ? { patch: {} } : {};
    await expect(listener(envelope(type, data), contentScript)).rejects.toThrow(/only available/);
    expect(seen).toEqual([]);
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
