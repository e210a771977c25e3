import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveApiKey, saveSettings } from '@/lib/settings/store';
import type { EstimateReply } from '@/lib/messages/protocol';
import { startAudioStackDouble, type AudioStackDouble } from '../audiostack-double/server';
import { englishScript } from '../fixtures/scripts';
import { cacheAudioStackVoices, newEngine } from './engine-fixture';

let audiostack: AudioStackDouble;
beforeAll(async () => { audiostack = await startAudioStackDouble({ balance: 200 }); });
afterAll(() => audiostack.close());

// Six paragraphs in three sections of at most 1,000 characters: sections span paragraphs.
const TEXT = englishScript(2_500);
const predictions = () => audiostack.requests.filter((request) => request.path.endsWith('/predict')).length;

function result(reply: EstimateReply) {
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

beforeEach(async () => {
  fakeBrowser.reset();
  audiostack.control.reset();
  await saveSettings({ endpoints: { supertone: 'http://127.0.0.1:9', audiostack: audiostack.url }, voiceId: 'sara' });
  await cacheAudioStackVoices();
  await saveApiKey('test-key', 'audiostack');
});

describe("the popup's per-paragraph breakdown never spends", () => {
  it('under "auto", the popup (whole estimate, then its breakdown) makes exactly the whole script\'s calls', async () => {
    await saveSettings({ spend: { rule: 'auto', dailyCap: 5 } });
    const { engine, history } = newEngine();
    const whole = result(await engine.estimate(TEXT, { where: 'popup', record: true }));
    expect(whole).toMatchObject({ source: 'api', calls: 3, predictCredits: 0.75 });
    expect(predictions()).toBe(3);

    const paragraphs = await engine.paragraphFigures(TEXT);
    expect(predictions()).toBe(3);
    expect(audiostack.control.charges()).toHaveLength(3);
    expect(await engine.spentToday()).toBe(0.75);
    expect(paragraphs).toHaveLength(TEXT.split('\n\n').length);
    // Derived from the whole estimate: they add up to it; sections that span paragraphs are shared out and say so.
    expect(paragraphs.reduce((sum, p) => sum + p.seconds, 0)).toBeCloseTo(whole.seconds, 1);
    expect(paragraphs.map((p) => p.basis)).toContain('divided');
    expect(paragraphs.map((p) => p.basis)).not.toContain('local');
    await expect.poll(async () => (await history.list()).length).toBe(1);
  });

  it('under "ask", the breakdown is local and says so, and buys nothing; after the click it is exact', async () => {
    const { engine } = newEngine();
    expect(result(await engine.estimate(TEXT, { where: 'popup', record: true }))).toMatchObject({ source: 'local', plan: { calls: 3 } });
    const before = await engine.paragraphFigures(TEXT);
    expect(before.every((p) => p.basis === 'local')).toBe(true);
    expect(predictions()).toBe(0);

    result(await engine.estimate(TEXT, { where: 'popup', record: true, consent: { maxCredits: 0.75 } }));
    const after = await engine.paragraphFigures(TEXT);
    expect(after.some((p) => p.basis === 'local')).toBe(false);
    expect(predictions()).toBe(3);
  });

  it('with the cap reached, the breakdown of a new script stays local and makes no call', async () => {
    await saveSettings({ spend: { rule: 'auto', dailyCap: 0.5 } });
    const { engine } = newEngine();
    expect(result(await engine.estimate(TEXT, { where: 'popup', record: true })).source).toBe('local');
    expect((await engine.paragraphFigures(TEXT)).every((p) => p.basis === 'local')).toBe(true);
    expect(predictions()).toBe(0);
  });
});
