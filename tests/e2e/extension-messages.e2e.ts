import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MESSAGES, type MessageType, type RequestOf } from '@/lib/messages/protocol';
import type { ApiDouble } from '../api-double/server';
import { launchInlineChromium, type InlineBrowser, closeInlineSuite, startInlineSuite } from '../pages/harness';
import type { FixtureServer } from '../pages/server';
import { extensionWorker, unpackedExtensionId } from './browsers';
import { openContentWorld } from './content-world';
import { supertoneAt } from '../fixtures/endpoints';

const KEY = 'sm-live-key-7391';
const BALANCE = 48_213;

/** A valid request of every type: a new message type fails to compile here until it is tried too. */
const SAMPLES: { [K in MessageType]: RequestOf<K> } = {
  estimate: { text: 'Hello there.' },
  inlineConfig: { host: '127.0.0.1' },
  getSettings: {},
  saveSettings: { patch: { ...supertoneAt('http://127.0.0.1:9'), voiceId: 'attacker-voice' } },
  setApiKey: { key: 'attacker-key-0666' },
  clearApiKey: {},
  keyStatus: {},
  accountStatus: {},
  refreshAccount: {},
  testConnection: {},
  listVoices: {},
  dismissAlert: { id: 'low-balance' },
  expectVoice: { voiceId: 'attacker-voice' },
  listHistory: {},
  clearHistory: {},
  listCalibrations: {},
  saveCalibration: { key: { voiceId: 'attacker-voice', language: 'en' }, observations: [{ id: 'x', kind: 'render', features: { units: 100, clauses: 0, sentences: 1, paragraphs: 0 }, seconds: 99, speed: 1 }] },
  deleteCalibration: { key: { voiceId: 'attacker-voice', language: 'en' } },
  exportCalibrations: {},
  importCalibrations: { file: { format: 'scriptmeter-calibrations', version: 1, calibrations: [] } },
  paragraphFigures: { text: 'One.\n\nTwo.' },
  vendorTest: { vendor: 'audiostack' },
  vendorVoices: { vendor: 'audiostack', refresh: true },
  spendStatus: {},
};
const envelope = (type: MessageType) => ({ scriptmeter: 1, type, data: SAMPLES[type] });
const ALL = Object.keys(SAMPLES) as MessageType[];
const PRIVILEGED = ALL.filter((type) => !CONTENT_SCRIPT_MESSAGES.has(type));

/** Well-formed in shape, wrong in content: refused before any handler runs. */
const MALFORMED = [
  { scriptmeter: 1, type: 'estimate', data: { text: 42 } },
  { scriptmeter: 1, type: 'estimate', data: { text: 'x', key: 'y' } },
  // A content script may not consent to spending: only the background's signed offer buys a figure.
  { scriptmeter: 1, type: 'estimate', data: { text: 'x', consent: { maxCredits: 100 } } },
  { scriptmeter: 1, type: 'inlineConfig', data: { host: 'x'.repeat(300) } },
];
/** Not ours at all: ignored, no answer. */
const FOREIGN = [
  { scriptmeter: 2, type: 'getSettings', data: {} },
  { scriptmeter: 1, type: 'readApiKey', data: {} },
  { type: 'getSettings' },
  'keyStatus',
  null,
];

/** A second extension's service worker: sends every message to ours, once and over a port. */
const PROBE_WORKER = `
self.probe = async (id, envelopes) => {
  const results = [];
  for (const envelope of envelopes) {
    const sent = await chrome.runtime.sendMessage(id, envelope)
      .then((answer) => ({ answer: answer === undefined ? null : answer }), (error) => ({ error: String(error && error.message) }));
    const port = await new Promise((done) => {
      const replies = [];
      const port = chrome.runtime.connect(id, { name: 'scriptmeter' });
      const timer = setTimeout(() => done({ replies, disconnected: false }), 2000);
      port.onMessage.addListener((message) => replies.push(message));
      port.onDisconnect.addListener(() => {
        clearTimeout(timer);
        done({ replies, disconnected: true, error: chrome.runtime.lastError ? chrome.runtime.lastError.message : null });
      });
      port.postMessage(envelope);
    });
    results.push({ envelope, sent, port });
  }
  return results;
};`;

function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sm-probe-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Probe', version: '1.0', background: { service_worker: 'probe.js' } }));
  writeFileSync(join(dir, 'probe.js'), PROBE_WORKER);
  return dir;
}

describe('chromium: messages only from ScriptMeter\'s own pages', () => {
  let api: ApiDouble;
  let pages: FixtureServer;
  let browser: InlineBrowser;
  const probeDir = writeProbeExtension();

  /** What an attacker would want to change or learn, read from an extension page. */
  const state = async () => {
    const ask = (type: MessageType) => browser.inExtension(async (message) => {
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(message);
    }, envelope(type));
    return { settings: await ask('getSettings'), key: await ask('keyStatus'), requests: api.requests.length };
  };

  beforeAll(async () => ({ api, pages, browser } = await startInlineSuite(() => launchInlineChromium({ otherExtensions: [probeDir] }), { api: { keys: [KEY], balance: BALANCE }, key: KEY })));
  afterAll(() => closeInlineSuite({ api, pages, browser }));

  it('refuses privileged and malformed messages from the content-script world, which never sees the key or the balance', async () => {
    const world = await openContentWorld(browser, pages.page('basic'));
    const send = (message: unknown) => world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})
      .then((answer) => ({ answer: answer === undefined ? null : answer }), (error) => ({ error: error.message }))`) as Promise<{ answer?: unknown; error?: string }>;
    // The world is ScriptMeter's: what content scripts may ask is answered.
    expect((await send(envelope('inlineConfig'))).answer).toMatchObject({ active: true });
    const before = await state();
    const replies: unknown[] = [];
    for (const type of PRIVILEGED) {
      const reply = await send(envelope(type));
      replies.push(reply);
      expect(reply, type).toEqual({ error: `"${type}" is only available to ScriptMeter's own pages.` });
    }
    for (const message of MALFORMED) {
      const reply = await send(message);
      replies.push(reply);
      expect(reply, JSON.stringify(message).slice(0, 80)).toEqual({ error: `Malformed "${message.type}" message.` });
    }
    for (const message of FOREIGN) {
      const reply = await send(message);
      replies.push(reply);
      expect(reply.answer ?? null, JSON.stringify(message)).toBeNull();
    }
    expect(await state()).toEqual(before);
    const seen = JSON.stringify(replies);
    expect(seen).not.toContain(KEY);
    expect(seen).not.toMatch(/48[,.]?213/);
    await world.page.close();
  });

  it('ignores every message another extension sends, over sendMessage and over a port', async () => {
    const probe = await extensionWorker(browser.context, probeDir);
    const before = await state();
    const ourId = unpackedExtensionId(resolve('.output/chrome-mv3'));
    const results = await probe.evaluate(([id, envelopes]) => (self as unknown as { probe(id: string, e: readonly unknown[]): Promise<unknown> }).probe(id, envelopes),
      [ourId, [...ALL.map(envelope), ...MALFORMED]] as const) as Array<{ envelope: unknown; sent: { answer?: unknown; error?: string }; port: { replies: unknown[]; disconnected: boolean } }>;
    expect(results).toHaveLength(ALL.length + MALFORMED.length);
    for (const { envelope: sentEnvelope, sent, port } of results) {
      const what = JSON.stringify(sentEnvelope).slice(0, 80);
      // No answer at all: nothing of ours listens to other extensions.
      expect(sent.answer ?? null, what).toBeNull();
      expect(port.replies, what).toEqual([]);
      expect(port.disconnected, what).toBe(true);
    }
    // Nothing changed: same settings, same key, and no call reached the API.
    expect(await state()).toEqual(before);
    expect(before.key).toEqual({ set: true, hint: `…${KEY.slice(-4)}` });
    expect(JSON.stringify(results)).not.toContain(KEY);
  });
});
